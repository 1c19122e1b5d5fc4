/**
 * Automatic server-clock correction (config `clockSync`): a signed call answered "Request has
 * expired" samples `GET /api/v1/time` once and is re-signed and sent once more. Against a
 * simulator whose clock is 30 s ahead or behind, and against a fetch that always answers expired.
 */
import assert from "node:assert/strict";
import * as Effect from "effect/Effect";
import * as Schema from "effect/Schema";
import { createClient } from "../../../src/client/create_client.ts";
import { Decimal } from "../../../src/decimal.ts";
import { AuthError } from "../../../src/error_classes.ts";
import type { FetchFn } from "../../../src/rest/fetch.ts";
import { signedCall, type SignedCallSpec } from "../../../src/rest/http.ts";
import { layerBackpack } from "../../../src/rest/layer.ts";
import { startSimulator } from "../../../src/sim/mod.ts";
import type { ClockSync } from "../../../src/config.ts";
import { failureOf, fakeFetch, json, TEST_SECRET, text } from "./support.ts";

const isExpired = (error: unknown): boolean =>
  error instanceof AuthError && error.reason === "RequestExpired";

/** `globalThis.fetch` that records the path of every request. */
const countingFetch = (): { readonly paths: Array<string>; readonly fetch: FetchFn } => {
  const paths: Array<string> = [];
  const fetch: FetchFn = (input, init) => {
    paths.push(new URL(input).pathname);
    return globalThis.fetch(input, init);
  };
  return { paths, fetch };
};

/** Runs `body` with a client of a simulator whose clock is `clockOffsetMs` off this machine's. */
const withSkewedSim = async (
  clockOffsetMs: number,
  clockSync: ClockSync | undefined,
  body: (
    client: ReturnType<typeof createClient>,
    paths: ReadonlyArray<string>,
    sim: Awaited<ReturnType<typeof startSimulator>>,
  ) => Promise<void>,
): Promise<void> => {
  const sim = await startSimulator({ port: 0, tickMs: 0, clockOffsetMs });
  const { paths, fetch } = countingFetch();
  const client = createClient({
    baseUrl: sim.restUrl,
    apiSecret: sim.accounts[0]!.apiSecret,
    fetch,
    ...(clockSync === undefined ? {} : { clockSync }),
  });
  try {
    await body(client, paths, sim);
  } finally {
    await client.close();
    await sim.close();
  }
};

for (const offset of [30_000, -30_000]) {
  Deno.test(`clockSync default, exchange clock ${offset} ms off: one resync, then the offset sticks`, async () => {
    await withSkewedSim(offset, undefined, async (client, paths) => {
      const balances = await client.getBalances();
      assert.equal(balances.USDC?.available.toString(), "100000");
      assert.deepEqual(paths, ["/api/v1/capital", "/api/v1/time", "/api/v1/capital"]);
      await client.getBalances();
      assert.deepEqual(paths.slice(3), ["/api/v1/capital"]);
      const drift = (await client.syncClock()) - offset;
      assert.ok(Math.abs(drift) < 2_000, `offset off by ${drift} ms`);
    });
  });

  Deno.test(`clockSync default, exchange clock ${offset} ms off: an order placed after the resync exists once, stamped in exchange time`, async () => {
    await withSkewedSim(offset, undefined, async (client, paths, sim) => {
      const order = await client.executeOrder({
        symbol: "SOL_USDC_PERP",
        side: "Bid",
        orderType: "Limit",
        price: "140", // below the market (about 150): rests
        quantity: "0.5",
        postOnly: true,
        clientId: 4242,
      });
      assert.equal(order.status, "New");
      assert.deepEqual(paths.filter((p) => p !== "/api/v1/markets"), [
        "/api/v1/order",
        "/api/v1/time",
        "/api/v1/order",
      ]);
      const resting = sim.exchange.openOrders(sim.accounts[0]!.accountId, "SOL_USDC_PERP");
      assert.deepEqual(resting.map((o) => o.clientId), [4242]);
      // The engine runs on the exchange clock: the order's timestamp carries the same skew.
      const skew = resting[0]!.createdAt - Date.now();
      assert.ok(Math.sign(skew) === Math.sign(offset) && Math.abs(skew) > 20_000, `skew ${skew}`);
    });
  });

  Deno.test(`clockSync default, exchange clock ${offset} ms off: calls expiring together share one resync`, async () => {
    await withSkewedSim(offset, undefined, async (client, paths) => {
      const all = await Promise.all(Array.from({ length: 5 }, () => client.getBalances()));
      assert.ok(all.every((balances) => balances.USDC !== undefined));
      assert.equal(paths.filter((path) => path === "/api/v1/time").length, 1, paths.join(" "));
      assert.equal(paths.filter((path) => path === "/api/v1/capital").length, 10);
    });
  });

  Deno.test(`clockSync "off", exchange clock ${offset} ms off: AuthError RequestExpired, no resync`, async () => {
    await withSkewedSim(offset, "off", async (client, paths) => {
      await assert.rejects(client.getBalances(), isExpired);
      assert.deepEqual(paths, ["/api/v1/capital"]);
    });
  });
}

Deno.test("startSimulator rejects a non-finite clockOffsetMs", async () => {
  await assert.rejects(startSimulator({ clockOffsetMs: Number.NaN }), RangeError);
});

Deno.test("clockSync: a call expired again after the resync fails with the AuthError (2 order requests, 1 time request)", async () => {
  const expired = { code: "INVALID_CLIENT_REQUEST", message: "Request has expired" };
  const { seen, fetch } = fakeFetch((request) =>
    request.url.endsWith("/api/v1/time") ? text(String(Date.now() + 60_000)) : json(expired, 400)
  );
  const spec: SignedCallSpec<unknown> = {
    method: "POST",
    path: "/api/v1/order",
    instruction: "orderExecute",
    body: { symbol: "SOL_USDC", side: "Bid", price: new Decimal("20"), quantity: "1" },
    schema: Schema.Unknown,
  };
  const error = await failureOf(
    Effect.provide(
      signedCall(spec),
      layerBackpack({ rateLimit: false, fetch, apiSecret: TEST_SECRET }),
    ),
  );
  assert.ok(isExpired(error));
  const paths = seen.map((s) => new URL(s.url).pathname);
  assert.deepEqual(paths, ["/api/v1/order", "/api/v1/time", "/api/v1/order"]);
  const [first, , second] = seen.map((s) => Number(s.headers.get("X-Timestamp")));
  assert.ok(second! - first! > 50_000, "the resend is re-signed with the corrected timestamp");
});

Deno.test("clockSync: a failed time sample returns the original AuthError without resending", async () => {
  const { seen, fetch } = fakeFetch((request) =>
    request.url.endsWith("/api/v1/time")
      ? text("not a number")
      : json({ code: "INVALID_CLIENT_REQUEST", message: "Request has expired" }, 400)
  );
  const error = await failureOf(
    Effect.provide(
      signedCall({
        method: "GET",
        path: "/api/v1/capital",
        instruction: "balanceQuery",
        schema: Schema.Unknown,
      }),
      layerBackpack({ rateLimit: false, fetch, apiSecret: TEST_SECRET }),
    ),
  );
  assert.ok(isExpired(error));
  assert.deepEqual(seen.map((s) => new URL(s.url).pathname), ["/api/v1/capital", "/api/v1/time"]);
});
