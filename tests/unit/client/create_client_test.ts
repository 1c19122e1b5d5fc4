import assert from "node:assert/strict";
import { ApiError, createClient, InvalidInputError, isBackpackError } from "../../../mod.ts";
import { fixtureJson } from "../schema/fixtures.ts";
import { printedForms } from "./printed.ts";
import { fakeFetch, json, TEST_API_KEY, TEST_SECRET, verifies } from "../rest/support.ts";

Deno.test("facade: public and signed calls through one client", async () => {
  const depth = await fixtureJson("rest-depth.ccxt.json");
  const balances = await fixtureJson("rest-capital-balances.ccxt.json");
  const { seen, fetch } = fakeFetch((req) =>
    new URL(req.url).pathname === "/api/v1/capital" ? json(balances) : json(depth)
  );
  await using client = createClient({ apiSecret: TEST_SECRET, apiKey: TEST_API_KEY, fetch });
  const book = await client.getDepth({ symbol: "SOL_USDC" });
  assert.equal(book.asks[0][0].toFixed(), "118318.3");
  const result = await client.getBalances();
  assert.ok(result.USDC.available.eq(120));
  assert.equal(seen.length, 2);
  const h = seen[1].headers;
  const message = `instruction=balanceQuery&timestamp=${h.get("X-Timestamp")}&window=5000`;
  assert.ok(await verifies(h.get("X-Signature")!, message, TEST_API_KEY));
  assert.ok(seen.every((s) => s.headers.get("X-Broker-Id") === null));
});

Deno.test("facade: rejects with the tagged error instance itself", async () => {
  const { fetch } = fakeFetch(() =>
    json({ code: "INVALID_MARKET", message: "Invalid market" }, 400)
  );
  const client = createClient({ fetch });
  try {
    await assert.rejects(client.getMarket({ symbol: "NOPE_USDC" }), (err: unknown) => {
      assert.ok(err instanceof ApiError);
      assert.equal(err._tag, "ApiError");
      assert.equal(err.code, "INVALID_MARKET");
      assert.ok(isBackpackError(err));
      return true;
    });
  } finally {
    await client.close();
  }
});

Deno.test("facade: an invalid key rejects with InvalidInputError before any request", async () => {
  const { seen, fetch } = fakeFetch(() => json({ status: "Ok" }));
  const client = createClient({ apiSecret: "AAAA", fetch });
  await assert.rejects(client.getStatus(), InvalidInputError);
  const mismatched = createClient({ apiSecret: TEST_SECRET, apiKey: "x".repeat(43) + "=", fetch });
  await assert.rejects(mismatched.getBalances(), (err: unknown) => {
    assert.ok(err instanceof InvalidInputError);
    assert.equal(err.field, "apiKey");
    return true;
  });
  assert.equal(seen.length, 0);
  await client.close();
  await mismatched.close();
});

Deno.test("facade: a signed method without credentials rejects with InvalidInputError", async () => {
  const { seen, fetch } = fakeFetch(() => json({}));
  await using client = createClient({ fetch });
  await assert.rejects(client.getBalances(), (err: unknown) => {
    assert.ok(err instanceof InvalidInputError);
    assert.equal(err.reason, "Missing");
    return true;
  });
  assert.equal(seen.length, 0);
});

Deno.test("facade: the client never reveals the secret", async () => {
  const { fetch } = fakeFetch(() => json({}));
  await using client = createClient({ apiSecret: TEST_SECRET, fetch });
  const seed = TEST_SECRET.slice(0, 20);
  for (const text of printedForms(client)) assert.ok(!text.includes(seed), text);
});

Deno.test("facade: syncClock resolves with the offset; calls after close reject", async () => {
  const { fetch } = fakeFetch(() => new Response(String(Date.now() - 60_000)));
  const client = createClient({ fetch });
  const offset = await client.syncClock();
  assert.ok(offset < -50_000 && offset > -70_000, `offset ${offset}`);
  assert.equal(await client.getTime() < Date.now(), true);
  await client.close();
  await assert.rejects(client.getTime());
});
