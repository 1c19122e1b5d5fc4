/**
 * A placement whose connection fails (the request may have reached the exchange, the reply did not
 * come back) has an unknown outcome: the connector looks the order up and tracks what the exchange
 * did, and fails the order only when the exchange has no such order.
 */
import assert from "node:assert/strict";
import { OrderOutcomeUnknownError } from "../../../src/error_classes.ts";
import { startSimulator } from "../../../src/sim/mod.ts";
import { createConnector } from "../../../src/trading/create_connector.ts";
import { onSimulator } from "./on_simulator.ts";
import type { ConnectorEvent } from "../../../src/trading/event_types.ts";

/** `fetch` that breaks the connection of the next order placement, after or before sending it. */
const breakingFetch = () => {
  let next: "afterSending" | "beforeSending" | undefined;
  const fetchFn = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const placement = init?.method === "POST" &&
      new URL(String(input)).pathname === "/api/v1/order";
    const fault = placement ? next : undefined;
    if (fault !== undefined) next = undefined;
    if (fault === "beforeSending") throw new TypeError("connection refused");
    const response = await fetch(input, init);
    if (fault === "afterSending") {
      await response.body?.cancel();
      throw new TypeError("connection reset by peer");
    }
    return response;
  };
  return { fetchFn, breakNext: (when: typeof next) => void (next = when) };
};

Deno.test("connector: a placement whose reply is lost is tracked as the exchange placed it", async () => {
  const symbol = "SOL_USDC_PERP";
  const sim = await startSimulator({ port: 0, tickMs: 0, seed: 7 });
  const account = sim.accounts[0]!;
  const network = breakingFetch();
  const connector = await createConnector(onSimulator(sim, {
    apiSecret: account.apiSecret,
    markets: [symbol],
    fetch: network.fetchFn,
  }));
  const events: ConnectorEvent[] = [];
  connector.on((event) => events.push(event));
  try {
    const { bids, asks } = sim.exchange.depth(symbol, 5);
    const bestBid = bids.at(-1)![0];
    const bestAsk = asks[0]![0];

    network.breakNext("afterSending");
    const resting = await connector.placeOrder({
      symbol,
      side: "Bid",
      orderType: "Limit",
      price: (Number(bestBid) - 1).toFixed(2),
      quantity: "0.1",
      postOnly: true,
    });
    const [open] = sim.exchange.openOrders(account.accountId, symbol);
    assert.equal(resting.state, "Open");
    assert.equal(resting.orderId, open?.id);
    assert.deepEqual(connector.openOrders(symbol).map((o) => o.orderId), [open?.id]);

    network.breakNext("afterSending");
    const taker = await connector.placeOrder({
      symbol,
      side: "Bid",
      orderType: "Limit",
      price: (Number(bestAsk) + 1).toFixed(2),
      quantity: "0.05",
      timeInForce: "IOC",
    });
    const filled = sim.exchange.orderHistory(account.accountId, { limit: 10 })
      .find((o) => o.clientId === taker.clientId);
    assert.equal(filled?.status, "Filled");
    assert.equal(taker.state, "Filled");
    assert.equal(taker.executedQuantity.toFixed(), "0.05");

    network.breakNext("beforeSending");
    await assert.rejects(
      connector.placeOrder({
        symbol,
        side: "Bid",
        orderType: "Limit",
        price: (Number(bestBid) - 2).toFixed(2),
        quantity: "0.1",
        postOnly: true,
      }),
      OrderOutcomeUnknownError,
    );
    const never = connector.orders(symbol).at(-1)!;
    assert.equal(never.state, "Failed");
    assert.equal(sim.exchange.openOrders(account.accountId, symbol).length, 1);

    // The stream may report the first two before the lookup; the last one only a lookup resolves.
    const resolved = events.flatMap((e) => e.type === "orderReconciled" ? [e] : []).at(-1);
    assert.equal(resolved?.order.clientId, never.clientId);
    assert.equal(resolved?.resolution, "notFound");
  } finally {
    await connector.close();
    await sim.close();
  }
});
