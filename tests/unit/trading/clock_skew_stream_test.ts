/**
 * The connector on a machine whose clock is 30 s behind the exchange's: its first signed REST call
 * corrects the clock, and its private stream, rejected at first (`AuthError` RequestExpired), is
 * subscribed again with a fresh signature, so exchange-side changes reach it over the stream (the
 * REST reconciliation is set to once a minute here).
 */
import assert from "node:assert/strict";
import { startSimulator } from "../../../src/sim/mod.ts";
import { createConnector } from "../../../src/trading/create_connector.ts";
import { onSimulator } from "./on_simulator.ts";

const SYMBOL = "SOL_USDC_PERP";
const OFFSET_MS = 30_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

Deno.test("connector with a skewed clock: the private stream recovers and delivers an exchange-side cancel", async () => {
  const sim = await startSimulator({ port: 0, tickMs: 0, seed: 5, clockOffsetMs: OFFSET_MS });
  const account = sim.accounts[0]!;
  const connector = await createConnector(onSimulator(sim, {
    apiSecret: account.apiSecret,
    markets: [SYMBOL],
    reconcileIntervalMs: 60_000,
  }));
  try {
    const bestBid = sim.exchange.depth(SYMBOL, 5).bids.at(-1)![0];
    const order = await connector.placeOrder({
      symbol: SYMBOL,
      side: "Bid",
      orderType: "Limit",
      price: (Number(bestBid) - 1).toFixed(2),
      quantity: "0.1",
      postOnly: true,
    });
    assert.equal(order.state, "Open");
    // Give the private stream time to be subscribed again after its first rejection, then cancel
    // on the exchange itself: only the stream can tell the connector within the next seconds.
    await sleep(1_000);
    sim.exchange.cancelOrder(
      account.accountId,
      { symbol: SYMBOL, clientId: order.clientId! },
      Date.now() + OFFSET_MS,
    );
    for (let i = 0; i < 100 && connector.order(order.clientId!)?.state !== "Cancelled"; i++) {
      await sleep(20);
    }
    assert.equal(connector.order(order.clientId!)?.state, "Cancelled");
  } finally {
    await connector.close();
    await sim.close();
  }
});
