/**
 * The connector against a private stream that loses and repeats frames (the simulator's
 * `wsDropPrivate` / `wsDuplicatePrivate` faults): after trading and a REST reconciliation its fills,
 * order states and position are the exchange's, and no fill is counted twice.
 */
import assert from "node:assert/strict";
import type { Decimal } from "../../../src/decimal.ts";
import { startSimulator } from "../../../src/sim/mod.ts";
import { createConnector } from "../../../src/trading/create_connector.ts";
import { onSimulator } from "./on_simulator.ts";
import type { Connector } from "../../../src/trading/connector_api.ts";
import type { ConnectorEvent } from "../../../src/trading/event_types.ts";

const SYMBOL = "SOL_USDC_PERP";
const STEPS = 30;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the book is live, then returns its best bid and ask. */
const touch = async (connector: Connector): Promise<[Decimal, Decimal]> => {
  const book = connector.book(SYMBOL);
  for (let i = 0; i < 100 && (await book.status()).phase !== "Live"; i++) await sleep(20);
  const [bid, ask] = await Promise.all([book.bestBid(), book.bestAsk()]);
  assert.ok(bid !== undefined && ask !== undefined, "empty book");
  return [bid[0], ask[0]];
};

/**
 * Step `step`: a market order (fills at once), then a post-only order a tick behind the touch (the
 * flow may fill it; a post-only rejection when the book moved meanwhile is fine). Returns the
 * resting order's client id, when placed.
 */
const trade = async (connector: Connector, step: number): Promise<number | undefined> => {
  await connector.placeOrder({
    symbol: SYMBOL,
    side: step % 3 === 0 ? "Ask" : "Bid",
    orderType: "Market",
    quantity: "0.1",
  });
  const [bid, ask] = await touch(connector);
  const side = step % 2 === 0 ? "Bid" : "Ask";
  const resting = await connector.placeOrder({
    symbol: SYMBOL,
    side,
    orderType: "Limit",
    price: (side === "Bid" ? bid.minus("0.01") : ask.plus("0.01")).toFixed(2),
    quantity: "0.2",
    postOnly: true,
  }).catch(() => undefined);
  return resting?.clientId;
};

Deno.test("connector: a private stream dropping and repeating frames ends with the exchange's state", async () => {
  const sim = await startSimulator({
    port: 0,
    tickMs: 0,
    seed: 23,
    faults: { wsDropPrivate: 0.3, wsDuplicatePrivate: 0.3 },
  });
  const ticker = setInterval(() => sim.advance(), 50);
  const account = sim.accounts[0]!;
  const events: ConnectorEvent[] = [];
  const connector = await createConnector(onSimulator(sim, {
    apiSecret: account.apiSecret,
    markets: [SYMBOL],
    reconcileIntervalMs: 1000,
    fillOverlapMs: 2000,
  }));
  connector.on((event) => events.push(event));
  try {
    const resting: number[] = [];
    for (let step = 0; step < STEPS; step++) {
      const clientId = await trade(connector, step);
      if (clientId !== undefined) resting.push(clientId);
      const oldest = step % 2 === 1 ? resting.shift() : undefined;
      // The order may have filled meanwhile: then the cancel is rejected, and that is fine.
      if (oldest !== undefined) {
        await connector.cancelOrder({ symbol: SYMBOL, clientId: oldest }).catch(() => {});
      }
      await sleep(60);
    }
    const counts = sim.faultCounts();
    assert.ok(counts.wsDropPrivate > 0 && counts.wsDuplicatePrivate > 0);

    // Quiesce: faults off, nothing resting, the exchange frozen; then one REST reconciliation.
    sim.setFaults({});
    await connector.cancelAll(SYMBOL);
    await sleep(200);
    clearInterval(ticker);
    await sleep(200);
    await connector.reconcile();

    const simFills = sim.exchange.fills(account.accountId, { limit: 1_000_000 });
    const key = (f: { symbol: string; tradeId: string | number }) => `${f.symbol}:${f.tradeId}`;
    const ours = connector.fills().map(key);
    assert.ok(simFills.length >= STEPS, `only ${simFills.length} fills`);
    assert.equal(new Set(ours).size, ours.length, "a fill is counted twice");
    assert.deepEqual(ours.sort(), simFills.map(key).sort());
    assert.equal(events.filter((e) => e.type === "fill").length, ours.length);

    const simPosition = sim.exchange.positions(account.accountId, SYMBOL)[0];
    const position = connector.position(SYMBOL);
    assert.ok(position.netQuantity.eq(simPosition?.netQuantity ?? "0"));
    assert.ok(position.entryPrice.eq(simPosition?.entryPrice ?? "0"));

    assert.equal(sim.exchange.openOrders(account.accountId).length, 0);
    const history = sim.exchange.orderHistory(account.accountId, { limit: 1_000_000 });
    const byId = new Map(history.map((o) => [o.id, o]));
    const clientIds = new Set(history.map((o) => o.clientId));
    const orders = connector.orders(SYMBOL);
    assert.equal(orders.length, STEPS * 2);
    for (const order of orders) {
      if (order.state === "Failed") {
        assert.ok(!clientIds.has(order.clientId ?? null), `failed order ${order.clientId} exists`);
        continue;
      }
      const simOrder = byId.get(order.orderId ?? "");
      assert.ok(simOrder !== undefined, `order ${order.clientId} (${order.state}) not in the sim`);
      assert.equal(order.state, simOrder.status, `order ${order.orderId}`);
      assert.ok(order.executedQuantity.eq(simOrder.executedQuantity), `order ${order.orderId}`);
    }
  } finally {
    clearInterval(ticker);
    await connector.close();
    await sim.close();
  }
});
