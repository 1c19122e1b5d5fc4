/**
 * Every operation of the Backpack spec index (`fixtures/operations.json`, derived from
 * `backpack-api/endpoints.json`: method, path, instruction, kind of the 200 answer) is answered by
 * the simulator: a scripted session calls each one (signed when it has an instruction) with
 * valid parameters and checks a 200 with the right kind of body (array, object, text, empty).
 */
import assert from "node:assert/strict";
import { startSimulator } from "../../../../src/sim/mod.ts";
import { type Answer, signed } from "./client.ts";

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly instruction: string | null;
  readonly kind: "array" | "object" | "text" | "empty";
}

type Params = Record<string, string | number | boolean>;
type Results = Map<string, unknown>;
type Step = readonly [op: string, params?: Params | ((r: Results) => Params | Params[])];

const PERP = "SOL_USDC_PERP";
const start = Math.floor(Date.now() / 1000) - 3600;
const borrow = btoa(JSON.stringify({ symbol: "SOL", side: "Borrow", quantity: "1" }));
const field = (r: Results, op: string, key: string): string =>
  String((r.get(op) as Record<string, unknown>)[key]);

const STEPS: ReadonlyArray<Step> = [
  ["GET /api/v1/status"],
  ["GET /api/v1/ping"],
  ["GET /api/v1/time"],
  ["GET /api/v1/markets"],
  ["GET /api/v1/market", { symbol: PERP }],
  ["GET /api/v1/depth", { symbol: PERP }],
  ["GET /api/v1/ticker", { symbol: PERP }],
  ["GET /api/v1/tickers"],
  ["GET /api/v1/klines", { symbol: PERP, interval: "1m", startTime: start }],
  ["GET /api/v1/trades", { symbol: PERP }],
  ["GET /api/v1/trades/history", { symbol: PERP }],
  ["GET /api/v1/markPrices"],
  ["GET /api/v1/openInterest"],
  ["GET /api/v1/fundingRates", { symbol: PERP }],
  ["GET /api/v1/assets"],
  ["GET /api/v1/collateral"],
  ["GET /api/v1/wallets"],
  ["GET /api/v1/prediction"],
  ["GET /api/v1/prediction/tags"],
  ["GET /api/v1/market-sessions"],
  ["GET /api/v1/securities"],
  ["GET /api/v1/borrowLend/markets"],
  ["GET /api/v1/borrowLend/markets/history", { interval: "1d" }],
  ["GET /api/v1/borrowLend/apy"],
  ["GET /api/v1/borrowLend/position/liquidationPrice", { borrow }],
  ["GET /api/v1/vaults"],
  ["GET /api/v1/vaults/history", { interval: "1d" }],
  ["GET /wapi/v1/capital/withdrawals/delay"],
  ["POST /wapi/v1/capital/withdrawals/delay", {
    withdrawalDelayHours: 24,
    twoFactorToken: "000000",
  }],
  ["PATCH /wapi/v1/capital/withdrawals/delay", {
    withdrawalDelayHours: 48,
    twoFactorToken: "000000",
  }],
  ["GET /api/v1/account"],
  ["PATCH /api/v1/account", { leverageLimit: "5" }],
  ["GET /api/v1/capital"],
  ["GET /api/v1/capital/collateral"],
  ["GET /api/v1/account/limits/order", { symbol: PERP, side: "Bid" }],
  ["GET /api/v1/account/limits/borrow", { symbol: "USDC" }],
  ["GET /api/v1/account/limits/withdrawal", { symbol: "USDC" }],
  ["POST /api/v1/account/convertDust", {}],
  ["GET /wapi/v1/capital/deposits"],
  ["GET /wapi/v1/capital/deposit/address", { blockchain: "Solana" }],
  ["POST /wapi/v1/capital/withdrawals", {
    address: "SimAddress",
    blockchain: "Solana",
    quantity: "1",
    symbol: "USDC",
  }],
  ["GET /wapi/v1/capital/withdrawals"],
  ["POST /api/v1/order", (r) => ({
    symbol: PERP,
    side: "Bid",
    orderType: "Limit",
    price: (Number(field(r, "GET /api/v1/ticker", "lastPrice")) * 0.97).toFixed(2),
    quantity: "1",
    clientId: 77,
  })],
  ["GET /api/v1/order", { symbol: PERP, clientId: 77 }],
  ["GET /api/v1/orders"],
  ["POST /api/v1/orders", (r) => [{
    symbol: PERP,
    side: "Ask",
    orderType: "Limit",
    price: (Number(field(r, "GET /api/v1/ticker", "lastPrice")) * 1.03).toFixed(2),
    quantity: "1",
  }]],
  ["DELETE /api/v1/order", { symbol: PERP, clientId: 77 }],
  ["DELETE /api/v1/orders", { symbol: PERP }],
  ["GET /api/v1/position"],
  ["POST /api/v1/borrowLend", { symbol: "USDC", side: "Lend", quantity: "10" }],
  ["GET /api/v1/borrowLend/positions"],
  ["GET /wapi/v1/history/borrowLend"],
  ["GET /wapi/v1/history/interest"],
  ["GET /wapi/v1/history/borrowLend/positions"],
  ["GET /wapi/v1/history/dust"],
  ["POST /api/v1/rfq", { symbol: "SOL_USDC_RFQ", side: "Bid", quantity: "0.1" }],
  ["POST /api/v1/rfq/quote", (r) => ({
    rfqId: field(r, "POST /api/v1/rfq", "rfqId"),
    bidPrice: "100",
    askPrice: "101",
  })],
  ["GET /api/v1/rfqs"],
  ["POST /api/v1/rfq/refresh", (r) => ({ rfqId: field(r, "POST /api/v1/rfq", "rfqId") })],
  ["POST /api/v1/rfq/accept", (r) => ({ quoteId: field(r, "POST /api/v1/rfq/quote", "quoteId") })],
  ["POST /api/v1/rfq", { symbol: "SOL_USDC_RFQ", side: "Ask", quantity: "0.1", clientId: 9 }],
  ["POST /api/v1/rfq/cancel", { clientId: 9 }],
  ["GET /wapi/v1/history/rfq"],
  ["GET /wapi/v1/history/quote"],
  ["GET /wapi/v1/history/rfq/fill"],
  ["GET /wapi/v1/history/quote/fill"],
  ["POST /api/v1/strategy", {
    symbol: PERP,
    side: "Bid",
    strategyType: "Scheduled",
    quantity: "0.1",
    clientStrategyId: 5,
  }],
  ["GET /api/v1/strategy", { symbol: PERP, clientStrategyId: 5 }],
  ["GET /api/v1/strategies"],
  ["DELETE /api/v1/strategy", { symbol: PERP, clientStrategyId: 5 }],
  ["DELETE /api/v1/strategies", { symbol: PERP }],
  ["GET /wapi/v1/history/strategies"],
  ["POST /api/v1/vault/mint", { vaultId: 1, symbol: "USDC", quantity: "10" }],
  ["POST /api/v1/vault/redeem", { vaultId: 1 }],
  ["GET /api/v1/vault/redeems/pending", { vaultId: 1 }],
  ["DELETE /api/v1/vault/redeem", { vaultId: 1 }],
  ["GET /api/v1/vault/nav"],
  ["GET /wapi/v1/history/fills"],
  ["GET /wapi/v1/history/funding"],
  ["GET /wapi/v1/history/orders"],
  ["GET /wapi/v1/history/settlement"],
  ["GET /wapi/v1/history/position"],
];

const kindOf = (answer: Answer): string =>
  answer.body === undefined
    ? "empty"
    : typeof answer.body === "string"
    ? "text"
    : Array.isArray(answer.body)
    ? "array"
    : "object";

Deno.test("sim: every operation of endpoints.json answers 200 with the right kind", async () => {
  const operations = JSON.parse(
    await Deno.readTextFile(new URL("./fixtures/operations.json", import.meta.url)),
  ) as Operation[];
  const byKey = new Map(operations.map((op) => [`${op.method} ${op.path}`, op]));
  assert.equal(byKey.size, 81);
  assert.deepEqual(
    [...new Set(STEPS.map(([op]) => op))].sort(),
    [...byKey.keys()].sort(),
    "the script covers every operation exactly",
  );
  const sim = await startSimulator({ tickMs: 0 });
  const results: Results = new Map();
  try {
    sim.advance();
    for (const [key, given] of STEPS) {
      const op = byKey.get(key)!;
      const params = typeof given === "function" ? given(results) : given ?? {};
      let answer: Answer;
      if (op.instruction !== null) {
        answer = await signed(sim, op.method, op.path, op.instruction, params);
      } else {
        if (Array.isArray(params)) throw new Error("public operations take an object");
        const query = op.method === "GET" && Object.keys(params).length > 0
          ? "?" + new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))
          : "";
        const res = await fetch(sim.restUrl + op.path + query, {
          method: op.method,
          ...(op.method === "GET" ? {} : { body: JSON.stringify(params) }),
        });
        const text = await res.text();
        answer = {
          status: res.status,
          headers: res.headers,
          body: text === "" ? undefined : op.kind === "text" ? text : JSON.parse(text),
        };
      }
      assert.equal(answer.status, 200, `${key}: ${answer.status} ${JSON.stringify(answer.body)}`);
      assert.equal(kindOf(answer), op.kind, `${key}: ${JSON.stringify(answer.body)}`);
      results.set(key, answer.body);
    }
  } finally {
    await sim.close();
  }
});
