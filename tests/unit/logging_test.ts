import assert from "node:assert/strict";
import * as Effect from "effect/Effect";
import * as Logger from "effect/Logger";
import { createClient, type LogEntry } from "../../mod.ts";
import { getDepth, layerBackpack } from "../../effect.ts";
import { fixtureJson } from "./schema/fixtures.ts";
import { fakeFetch, json, TEST_API_KEY, TEST_SECRET } from "./rest/support.ts";

const answers = async () => {
  const depth = await fixtureJson("rest-depth.ccxt.json");
  const balances = await fixtureJson("rest-capital-balances.ccxt.json");
  return fakeFetch((req) => {
    const path = new URL(req.url).pathname;
    if (path === "/api/v1/capital") return json(balances);
    if (path === "/api/v1/market") return json({ code: "INVALID_MARKET", message: "no" }, 400);
    return json(depth);
  });
};

Deno.test("debug logs one request line per call and never a secret or signature", async () => {
  const { seen, fetch } = await answers();
  const entries: LogEntry[] = [];
  await using client = createClient({
    apiSecret: TEST_SECRET,
    fetch,
    logLevel: "debug",
    logger: (entry) => entries.push(entry),
  });
  await client.getDepth({ symbol: "SOL_USDC" });
  await client.getBalances();
  await assert.rejects(client.getMarket({ symbol: "NOPE_USDC" }));

  assert.deepEqual(entries.map((e) => e.message.replace(/ \d+ms$/, " <t>")), [
    "GET /api/v1/depth 200 <t>",
    "GET /api/v1/capital 200 <t>",
    "GET /api/v1/market 400 <t>",
  ]);
  assert.ok(entries.every((e) => e.level === "debug" && e.date instanceof Date));
  assert.deepEqual(
    { ...entries[1].annotations, durationMs: 0 },
    { method: "GET", path: "/api/v1/capital", status: 200, durationMs: 0 },
  );
  const signature = seen[1].headers.get("X-Signature");
  assert.ok(signature, "the signed call was sent with a signature");
  const logged = JSON.stringify(entries);
  for (const secret of [TEST_SECRET, signature, TEST_API_KEY, "X-Signature", "X-API-Key"]) {
    assert.ok(!logged.includes(secret), `the log contains ${secret}`);
  }
});

Deno.test("silent by default, and a level filters entries", async () => {
  const { fetch } = await answers();
  const original = console.debug;
  const printed: unknown[] = [];
  console.debug = (...args: unknown[]) => void printed.push(args);
  try {
    await using client = createClient({ fetch });
    await client.getDepth({ symbol: "SOL_USDC" });
  } finally {
    console.debug = original;
  }
  assert.deepEqual(printed, []);

  const entries: LogEntry[] = [];
  await using warnOnly = createClient({
    fetch,
    logLevel: "warn",
    logger: (entry) => entries.push(entry),
  });
  await warnOnly.getDepth({ symbol: "SOL_USDC" });
  assert.deepEqual(entries, [], "a 200 is logged at debug, below warn");
});

Deno.test("a transport failure is logged at warn with its error tag", async () => {
  const entries: LogEntry[] = [];
  await using client = createClient({
    fetch: () => Promise.reject(new TypeError("connection refused")),
    logger: (entry) => entries.push(entry),
    logLevel: "warn",
  });
  await assert.rejects(client.getDepth({ symbol: "SOL_USDC" }));
  assert.equal(entries.length, 1);
  assert.equal(entries[0].level, "warn");
  assert.match(entries[0].message, /^GET \/api\/v1\/depth TransportError \d+ms$/);
});

Deno.test("SDK entries never reach the application's Effect loggers, nor the reverse", async () => {
  const { fetch } = await answers();
  const sdk: LogEntry[] = [];
  const app: unknown[] = [];
  const appLogger = Logger.make(({ message }) => void app.push(message));
  const program = Effect.gen(function* () {
    yield* Effect.logInfo("app line");
    return yield* getDepth({ symbol: "SOL_USDC" });
  });
  await Effect.runPromise(
    program.pipe(
      Effect.provide(layerBackpack({ fetch, logLevel: "debug", logger: (e) => sdk.push(e) })),
      Effect.provide(Logger.layer([appLogger])),
    ),
  );
  assert.deepEqual(app, [["app line"]]);
  assert.deepEqual(sdk.map((e) => e.message.replace(/ \d+ms$/, "")), ["GET /api/v1/depth 200"]);
});
