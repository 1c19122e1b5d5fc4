/**
 * The fill-history cursor across a network outage: fills made while both REST and the private
 * stream were down are read back from the history after the reconnect, even when a newer fill
 * arrives on the stream first and the outage lasted longer than `fillOverlapMs`.
 */
import assert from "node:assert/strict";
import { Decimal } from "../../../src/decimal.ts";
import { startSimulator } from "../../../src/sim/mod.ts";
import { createConnector } from "../../../src/trading/create_connector.ts";
import { onSimulator } from "./on_simulator.ts";
import { FillLedger } from "../../../src/trading/fill_ledger.ts";
import type { TrackedFill } from "../../../src/trading/order_types.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const fill = (tradeId: string, ms: number, source: TrackedFill["source"]): TrackedFill => ({
  tradeId,
  orderId: "1",
  clientId: 1,
  symbol: "SOL_USDC_PERP",
  side: "Bid",
  price: new Decimal("100"),
  quantity: new Decimal("1"),
  fee: new Decimal("0.02"),
  feeAsset: "USDC",
  maker: true,
  estimatedFee: new Decimal("0.02"),
  timestamp: new Date(ms),
  source,
});

Deno.test("ledger: only history fills move the cursor (the stream may run ahead of gaps)", () => {
  const ledger = new FillLedger();
  ledger.add(fill("1", 1_000_000, "history"));
  ledger.add(fill("5", 9_000_000, "stream"));
  assert.equal(ledger.cursor(5000, 0), 995_000);
  // A history row already seen on the stream still tells how far the history was read.
  ledger.add(fill("5", 9_000_000, "history"));
  assert.equal(ledger.cursor(5000, 0), 8_995_000);
});

/** A network that can be cut: fetch fails and WebSockets cannot connect while it is down. */
const cuttableNetwork = () => {
  let down = false;
  const open = new Set<WebSocket>();
  const fetchFn = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> =>
    down ? Promise.reject(new TypeError("network is down")) : fetch(input, init);
  const Socket = function (url: string): WebSocket {
    const ws = new WebSocket(down ? "ws://127.0.0.1:9/" : url);
    open.add(ws);
    ws.addEventListener("close", () => open.delete(ws));
    return ws;
  } as unknown as new (url: string) => WebSocket;
  return {
    fetchFn,
    Socket,
    cut: () => {
      down = true;
      for (const ws of open) ws.close(4000, "network cut");
    },
    restore: () => void (down = false),
  };
};

Deno.test("connector: fills made during an outage longer than the overlap are not lost", async () => {
  const symbol = "SOL_USDC_PERP";
  const sim = await startSimulator({
    port: 0,
    tickMs: 0,
    seed: 5,
    syntheticLiquidity: false,
    accounts: [{}, {}],
  });
  const [trader, taker] = sim.accounts;
  const network = cuttableNetwork();
  const connector = await createConnector(onSimulator(sim, {
    apiSecret: trader!.apiSecret,
    markets: [symbol],
    reconcileIntervalMs: 60_000,
    fillOverlapMs: 300,
    fetch: network.fetchFn,
    WebSocket: network.Socket,
    socket: { backoff: { initialMs: 20, maxMs: 100 } },
  }));
  const hit = () =>
    sim.exchange.executeOrder(taker!.accountId, {
      symbol,
      side: "Ask",
      orderType: "Market",
      quantity: "0.1",
    }, Date.now());
  try {
    for (let i = 0; i < 5; i++) {
      await connector.placeOrder({
        symbol,
        side: "Bid",
        orderType: "Limit",
        price: new Decimal(140).minus(i).toFixed(),
        quantity: "0.1",
        postOnly: true,
      });
    }
    hit();
    await sleep(200);
    await connector.reconcile();
    assert.equal(connector.fills().length, 1);

    network.cut();
    await sleep(100);
    hit();
    hit();
    await sleep(1500);
    // Back online: the first fill after the reconnect reaches the stream before the REST reads.
    let restored = false;
    const off = connector.on((event) => {
      if (event.type !== "connectionRestored" || event.connection !== "private") return;
      if (!restored) setTimeout(hit, 50);
      restored = true;
    });
    network.restore();
    for (let i = 0; i < 100 && connector.fills().length < 4; i++) await sleep(20);
    off();
    assert.ok(restored, "the private stream never came back");
    await sleep(400);
    await connector.reconcile();

    const simFills = sim.exchange.fills(trader!.accountId, { limit: 100 });
    assert.equal(simFills.length, 4);
    assert.deepEqual(
      connector.fills(symbol).map((f) => f.tradeId).sort(),
      simFills.map((f) => f.tradeId).sort(),
    );
    const position = sim.exchange.positions(trader!.accountId, symbol)[0]!;
    assert.ok(connector.position(symbol).netQuantity.eq(position.netQuantity));
  } finally {
    await connector.close();
    await sim.close();
  }
});
