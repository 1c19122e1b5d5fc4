/**
 * Every REST operation that `src/rest/operations.ts` maps to an SDK function round-trips through
 * the Promise client against the simulator: real signing, routing and the SDK's decoding (typed
 * results, `Decimal` money, dates). The case table (`round_trips/*.ts`) must name exactly the
 * table's functions, and the run must see each of them resolve, so coverage cannot silently drop.
 * The same run checks that no request carries a broker id when none was configured.
 */
import assert from "node:assert/strict";
import { type BackpackClient, createClient } from "../../../src/client/create_client.ts";
import { Decimal } from "../../../src/decimal.ts";
import type { FetchFn } from "../../../src/rest/fetch.ts";
import { OPERATIONS } from "../../../src/rest/operations.ts";
import { startSimulator } from "../../../src/sim/mod.ts";
import { ACCOUNT_CASES } from "./round_trips/account.ts";
import { MARKET_DATA_CASES } from "./round_trips/market_data.ts";
import { PRODUCT_CASES } from "./round_trips/products.ts";
import type { Case, Ctx } from "./round_trips/support.ts";

/** One round trip per SDK function, in an order that builds the state later cases need. */
const CASES: ReadonlyArray<Case> = [...MARKET_DATA_CASES, ...ACCOUNT_CASES, ...PRODUCT_CASES];

/** The SDK functions of the coverage table (the withdrawal-delay operations carry a reason). */
const covered = (): ReadonlyArray<string> =>
  Object.values(OPERATIONS).flatMap((entry) => "fn" in entry ? [entry.fn] : []);

Deno.test("the round-trip table has exactly one case per function of the coverage table", () => {
  const names = CASES.map(([fn]) => fn);
  assert.equal(new Set(names).size, names.length, "no function has two cases");
  assert.deepEqual([...names].sort(), [...new Set(covered())].sort());
});

/** Fields the spec types as plain text although they can hold a number (trigger prices in history). */
const TEXT_BY_SPEC = new Set([
  "triggerPrice",
  "triggerQuantity",
  "stopLossTriggerPrice",
  "takeProfitTriggerPrice",
]);

/** Paths inside `value` holding a decimal number as text: money the SDK left undecoded. */
const decimalText = (value: unknown, path: string): ReadonlyArray<string> => {
  if (typeof value === "string") return /^-?\d+\.\d+$/.test(value) ? [path] : [];
  if (value === null || typeof value !== "object") return [];
  if (value instanceof Decimal || value instanceof Date) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    TEXT_BY_SPEC.has(key) ? [] : decimalText(inner, `${path}.${key}`)
  );
};

/**
 * Client methods wrapped to record the names of those that resolved, and to check that no
 * result holds a decimal number as text.
 */
const tracked = (client: BackpackClient, resolved: Set<string>): BackpackClient =>
  new Proxy(client, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof key !== "string" || typeof value !== "function") return value;
      return async (...args: ReadonlyArray<unknown>) => {
        const result = await value.apply(target, args);
        assert.deepEqual(decimalText(result, key), [], "money is decoded to Decimal");
        resolved.add(key);
        return result;
      };
    },
  });

const brokerless = (request: { headers: Headers; body: string | undefined }): boolean =>
  request.headers.get("X-Broker-Id") === null && !(request.body ?? "").includes("brokerId");

Deno.test("sim: every covered operation round-trips through the Promise client", async () => {
  const sim = await startSimulator({
    port: 0,
    tickMs: 0,
    accounts: [{ balances: { USDC: "100000", SOL: "100", BTC: "0.000001" } }, {}],
  });
  const requests: Array<{ headers: Headers; body: string | undefined }> = [];
  const recording: FetchFn = (input, init) => {
    requests.push({
      headers: new Headers(init.headers),
      body: typeof init.body === "string" ? init.body : undefined,
    });
    return fetch(input, init);
  };
  const resolved = new Set<string>();
  const client = (index: number) =>
    createClient({
      baseUrl: sim.restUrl,
      apiKey: sim.accounts[index]!.apiKey,
      apiSecret: sim.accounts[index]!.apiSecret,
      fetch: recording,
      rateLimit: false,
    });
  const alice = client(0);
  const bob = client(1);
  try {
    sim.advance();
    const ctx: Ctx = {
      alice: tracked(alice, resolved),
      bob: tracked(bob, resolved),
      later: (ms) => sim.advance(Date.now() + ms),
      state: { lastPrice: new Decimal(0), rfqId: "", quoteId: "" },
    };
    for (const [fn, run] of CASES) {
      await run(ctx).catch((error) => {
        throw new Error(`${fn}: ${error instanceof Error ? error.message : error}`, {
          cause: error,
        });
      });
    }
    const missing = covered().filter((fn) => !resolved.has(fn));
    assert.deepEqual(missing, [], "every covered function resolved at least once");
    assert.ok(requests.length >= CASES.length);
    assert.deepEqual(requests.filter((r) => !brokerless(r)), [], "no broker id unless set");
  } finally {
    await alice.close();
    await bob.close();
    await sim.close();
  }
});
