import assert from "node:assert/strict";
import * as Effect from "effect/Effect";
import * as Fiber from "effect/Fiber";
import * as Stream from "effect/Stream";
import * as TestClock from "effect/testing/TestClock";
import { createClient } from "../../../src/client/create_client.ts";
import { getFillHistory } from "../../../src/rest/history.ts";
import { type BackpackOptions, layerBackpack } from "../../../src/rest/layer.ts";
import { paginate } from "../../../src/rest/paginate.ts";
import { fakeFetch, json, type Seen, TEST_SECRET } from "./support.ts";

const fill = (i: number) => ({
  clientId: null,
  fee: "0.000001",
  feeSymbol: "ETH",
  isMaker: false,
  orderId: String(5578417289 + i),
  price: "4732.9",
  quantity: "0.001",
  side: "Bid",
  symbol: "ETH_USDC",
  systemOrderType: null,
  timestamp: "2025-08-13T17:26:01.197",
  tradeId: 2959284 + i,
});

/** A fake history of `total` fills answering `limit`/`offset` like the server. */
const history = (total: number) =>
  fakeFetch((req: Seen) => {
    const url = new URL(req.url);
    const limit = Number(url.searchParams.get("limit") ?? 100);
    const offset = Number(url.searchParams.get("offset") ?? 0);
    const rows = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) =>
      fill(offset + i));
    return json(rows);
  });

const pages = (seen: ReadonlyArray<Seen>) =>
  seen.map((s) => {
    const q = new URL(s.url).searchParams;
    return `${q.get("offset")}/${q.get("limit")}`;
  });

Deno.test("iterateFills walks offset pages until a short page, keeping the filters", async () => {
  const { seen, fetch } = history(5);
  await using client = createClient({ apiSecret: TEST_SECRET, fetch, rateLimit: false });
  const ids: Array<string> = [];
  for await (const f of client.iterateFills({ symbol: "ETH_USDC", fillType: "User", limit: 2 })) {
    ids.push(f.tradeId!);
  }
  assert.deepEqual(ids, ["2959284", "2959285", "2959286", "2959287", "2959288"]);
  assert.deepEqual(pages(seen), ["0/2", "2/2", "4/2"]);
  for (const s of seen) {
    assert.equal(new URL(s.url).pathname, "/wapi/v1/history/fills");
    assert.equal(new URL(s.url).searchParams.get("fillType"), "User");
    assert.equal(new URL(s.url).searchParams.get("symbol"), "ETH_USDC");
  }
});

Deno.test("a full last page costs one more (empty) request; offset is the starting point", async () => {
  const { seen, fetch } = history(6);
  await using client = createClient({ apiSecret: TEST_SECRET, fetch, rateLimit: false });
  const all = await Array.fromAsync(client.iterateFills({ limit: 2, offset: 2 }));
  assert.equal(all.length, 4);
  assert.deepEqual(pages(seen), ["2/2", "4/2", "6/2"]);
});

Deno.test("breaking out of for await stops fetching", async () => {
  const { seen, fetch } = history(50);
  await using client = createClient({ apiSecret: TEST_SECRET, fetch, rateLimit: false });
  let n = 0;
  for await (const _ of client.iterateFills({ limit: 10 })) {
    if (++n === 3) break;
  }
  assert.equal(seen.length, 1);
});

Deno.test("a failing page rejects the iteration with the tagged error; bad params send nothing", async () => {
  const { seen, fetch } = fakeFetch(() =>
    json({ code: "INVALID_CLIENT_REQUEST", message: "no" }, 400)
  );
  await using client = createClient({ apiSecret: TEST_SECRET, fetch, rateLimit: false });
  await assert.rejects(Array.fromAsync(client.iterateFills()), { _tag: "ApiError" });
  assert.equal(seen.length, 1);
  await assert.rejects(
    Array.fromAsync(client.iterateFills({ limit: 1001 })),
    { _tag: "InvalidInputError", field: "limit" },
  );
  assert.equal(seen.length, 1);
});

const layer = (options: BackpackOptions) => layerBackpack({ apiSecret: TEST_SECRET, ...options });

Deno.test("paginate: an Effect Stream that pulls pages lazily (take 3 of pages of 2 = 2 requests)", async () => {
  const { seen, fetch } = history(100);
  const rows = await Effect.runPromise(
    Stream.runCollect(Stream.take(paginate(getFillHistory, { limit: 2 }), 3)).pipe(
      Effect.provide(layer({ fetch, rateLimit: false })),
    ),
  );
  assert.equal(rows.length, 3);
  assert.deepEqual(pages(seen), ["0/2", "2/2"]);
});

/** Lets pending promise callbacks (the fake fetch) run: real event-loop turns, not time. */
const turns = (n: number) =>
  Effect.promise(async () => {
    for (let i = 0; i < n; i++) await new Promise((r) => setTimeout(r, 0));
  });

Deno.test("paginate waits for the rate-limit budget between pages (TestClock)", async () => {
  const { seen, fetch } = history(5);
  const program = Effect.gen(function* () {
    const fiber = yield* Effect.forkChild(
      Stream.runCollect(paginate(getFillHistory, { limit: 2 })),
    );
    for (let i = 0; i < 1000 && seen.length < 2; i++) yield* turns(1);
    yield* turns(20);
    const blocked = seen.length; // the budget (2 per 1000 ms) is spent: the 3rd page must wait
    yield* TestClock.adjust(1000);
    const rows = yield* Fiber.join(fiber);
    return { blocked, rows: rows.length };
  }).pipe(
    Effect.provide(layer({
      fetch,
      rateLimit: {
        general: { limit: 2, windowMs: 1000 },
        historical: { limit: 2, windowMs: 1000 },
      },
    })),
    Effect.provide(TestClock.layer()),
  );
  const result = await Effect.runPromise(program);
  assert.equal(result.blocked, 2);
  assert.equal(result.rows, 5);
  assert.equal(seen.length, 3);
});
