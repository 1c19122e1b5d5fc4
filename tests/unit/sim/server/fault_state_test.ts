/**
 * Faults never corrupt state: the same seed and the same accepted actions give the same true
 * books, balances and positions with heavy REST and WebSocket faults as without any.
 */
import assert from "node:assert/strict";
import { type Simulator, startSimulator } from "../../../../src/sim/mod.ts";
import { signed, WsClient } from "./client.ts";

const PERP = "SOL_USDC_PERP";
const HEAVY = {
  restServerError: 0.3,
  restTooManyRequests: 0.2,
  restAccepted: 0.5,
  wsDropDepth: 0.3,
  wsDuplicateDepth: 0.3,
  wsReorderDepth: 0.3,
  wsCloseProbability: 0.05,
};

/** Retries a signed call until the exchange processed it (200 or 202). */
const until = async (sim: Simulator, method: string, path: string, instr: string, params = {}) => {
  for (let attempt = 0; attempt < 50; attempt++) {
    const answer = await signed(sim, method, path, instr, params);
    if (answer.status === 200 || answer.status === 202) return;
    assert.ok([429, 503].includes(answer.status), JSON.stringify(answer.body));
  }
  assert.fail("fault never cleared");
};

const run = async (faulty: boolean, base: number) => {
  const sim = await startSimulator({ tickMs: 0, seed: 42, ...(faulty ? { faults: HEAVY } : {}) });
  const ws = await WsClient.open(sim);
  try {
    await ws.subscribe(sim, [`depth.${PERP}`, `trade.${PERP}`]);
    for (let i = 0; i < 12; i++) {
      sim.advance(base + i * 1000);
      const mark = Number(sim.exchange.markPrices().find((p) => p.symbol === PERP)!.markPrice);
      await until(sim, "POST", "/api/v1/order", "orderExecute", {
        symbol: PERP,
        side: i % 2 === 0 ? "Bid" : "Ask",
        orderType: "Limit",
        price: (mark * (i % 2 === 0 ? 0.99 : 1.01)).toFixed(2),
        quantity: "0.5",
        clientId: i,
      });
      await until(sim, "POST", "/api/v1/order", "orderExecute", {
        symbol: PERP,
        side: i % 3 === 0 ? "Ask" : "Bid",
        orderType: "Market",
        quantity: "0.2",
      });
      if (i % 4 === 3) {
        await until(sim, "DELETE", "/api/v1/order", "orderCancel", {
          symbol: PERP,
          clientId: i - 1,
        });
      }
    }
    return {
      books: sim.exchange.markets().map((m) => sim.exchange.trueBook(m.symbol)),
      balances: sim.exchange.balances(sim.accounts[0]!.accountId),
      positions: sim.exchange.positions(sim.accounts[0]!.accountId),
      faults: sim.faultCounts(),
    };
  } finally {
    await ws.close();
    await sim.close();
  }
};

Deno.test("sim: heavy faults leave books, balances and positions as a fault-free run", async () => {
  const base = Date.now() + 60_000;
  const clean = await run(false, base);
  const faulty = await run(true, base);
  assert.deepEqual(faulty.books, clean.books);
  assert.deepEqual(faulty.balances, clean.balances);
  assert.deepEqual(faulty.positions, clean.positions);
  assert.ok(faulty.faults.restServerError + faulty.faults.restTooManyRequests > 0);
  assert.ok(faulty.faults.restAccepted > 0);
  assert.ok(faulty.faults.wsDrop + faulty.faults.wsDuplicate + faulty.faults.wsReorder > 0);
  assert.equal(Object.values(clean.faults).reduce((a, b) => a + b, 0), 0);
});
