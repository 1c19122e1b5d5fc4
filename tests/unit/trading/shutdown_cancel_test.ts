/**
 * `cancelOnShutdown` leaves nothing open when `close()` meets a placement whose request is already
 * on its way: `close()` lets it finish within the request timeout and cancels it; when the request
 * takes longer than that, the call is cut off, but the exchange accepts the request until its
 * signature window ends, so the connector cancels again after it.
 */
import assert from "node:assert/strict";
import { startSimulator } from "../../../src/sim/mod.ts";
import { createConnector } from "../../../src/trading/create_connector.ts";
import { onSimulator } from "./on_simulator.ts";

const SYMBOL = "SOL_USDC_PERP";
const WINDOW_MS = 1500;
/** How long the cut-off placement takes to reach the exchange. */
const IN_TRANSIT_MS = 300;

/**
 * `fetch` whose next order placement is already on the wire: it reaches the exchange
 * `IN_TRANSIT_MS` later whatever the caller does (aborting it no longer helps).
 */
const inTransitFetch = () => {
  let holdNext = false;
  let sent!: () => void;
  const placementSent = new Promise<void>((resolve) => sent = resolve);
  let landed: Promise<unknown> = Promise.resolve();
  const fetchFn = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const placement = init?.method === "POST" &&
      new URL(String(input)).pathname === "/api/v1/order";
    if (!placement || !holdNext) return fetch(input, init);
    holdNext = false;
    const { signal: _signal, ...unabortable } = init;
    const delivered = new Promise((resolve) => setTimeout(resolve, IN_TRANSIT_MS))
      .then(() => fetch(input, unabortable))
      .then((response) => response.text().then(() => response));
    landed = delivered;
    sent();
    return delivered;
  };
  return {
    fetchFn,
    holdNext: () => void (holdNext = true),
    placementSent,
    landed: () => landed,
  };
};

const CASES = [
  {
    name: "a placement in flight when close() is called gets its answer, then is cancelled",
    timeoutMs: 5_000,
    cutOff: false,
  },
  {
    name:
      "a placement cut off by close() (slower than the request timeout) and landing later is cancelled too",
    timeoutMs: 100,
    cutOff: true,
  },
];

for (const { name, timeoutMs, cutOff } of CASES) {
  Deno.test(`cancelOnShutdown: ${name}`, async () => {
    const sim = await startSimulator({ port: 0, tickMs: 0, seed: 11 });
    const account = sim.accounts[0]!;
    const network = inTransitFetch();
    const connector = await createConnector(onSimulator(sim, {
      apiSecret: account.apiSecret,
      markets: [SYMBOL],
      cancelOnShutdown: true,
      window: WINDOW_MS,
      timeoutMs,
      fetch: network.fetchFn,
    }));
    try {
      const bestBid = sim.exchange.depth(SYMBOL, 5).bids.at(-1)![0];
      const order = (price: number) => ({
        symbol: SYMBOL,
        side: "Bid" as const,
        orderType: "Limit" as const,
        price: price.toFixed(2),
        quantity: "0.1",
        postOnly: true,
      });
      await connector.placeOrder(order(Number(bestBid) - 1));
      network.holdNext();
      const inFlight = connector.placeOrder(order(Number(bestBid) - 2)).catch((error) => error);
      await network.placementSent;
      await connector.close();
      await network.landed();
      const outcome = await inFlight;
      if (cutOff) assert.ok(outcome instanceof Error, "the cut-off placement rejects");
      else {
        assert.ok(!(outcome instanceof Error), `answered: ${outcome}`);
        assert.equal(outcome.state, "Open");
        assert.ok(outcome.orderId !== undefined);
        assert.equal(connector.order(outcome.clientId)?.state, "Cancelled");
      }
      assert.deepEqual(
        sim.exchange.openOrders(account.accountId, SYMBOL).map((o) => o.price),
        [],
        "nothing left open on the exchange",
      );
    } finally {
      await connector.close();
      await sim.close();
    }
  });
}
