/**
 * Connector reliability against the simulator: active trading through 100+ injected faults (socket
 * kills, 5xx bursts, 202 answers) ends with the exchange's exact fills, position, balances and order
 * states; a 10k-request burst never lets a 429 through; secrets never leak.
 */
import assert from "node:assert/strict";
import { createClient } from "../../../src/client/create_client.ts";
import { createStreams } from "../../../src/client/create_streams.ts";
import { Decimal } from "../../../src/decimal.ts";
import { UnavailableError } from "../../../src/error_classes.ts";
import type { LogEntry } from "../../../src/logging.ts";
import { startSimulator } from "../../../src/sim/mod.ts";
import { createConnector } from "../../../src/trading/create_connector.ts";
import { onSimulator } from "./on_simulator.ts";
import type { Connector } from "../../../src/trading/connector_api.ts";
import type { ConnectorEvent } from "../../../src/trading/event_types.ts";
import type { TrackedOrder } from "../../../src/trading/order_types.ts";

const SYMBOL = "SOL_USDC_PERP";
const FAULT_TARGET = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const STATE_OF_STATUS: Readonly<Record<string, TrackedOrder["state"]>> = {
  Filled: "Filled",
  Cancelled: "Cancelled",
  Expired: "Expired",
};

/** One step of the trading loop: a resting post-only bid/ask, a small crossing order, a cancel. */
const tradeOnce = async (connector: Connector, step: number, errors: unknown[]) => {
  const book = connector.book(SYMBOL);
  const [bid, ask] = await Promise.all([book.bestBid(), book.bestAsk()]).catch((error) => {
    errors.push(error);
    return [undefined, undefined];
  });
  if (bid === undefined || ask === undefined) return void (await sleep(20));
  const side = step % 2 === 0 ? "Bid" : "Ask";
  const away = new Decimal("0.05").times(1 + (step % 5));
  const restPrice = side === "Bid" ? bid[0].minus(away) : ask[0].plus(away);
  const attempt = <A>(p: Promise<A>): Promise<A | undefined> =>
    p.catch((error) => {
      errors.push(error);
      return undefined;
    });
  const resting = attempt(connector.placeOrder({
    symbol: SYMBOL,
    side,
    orderType: "Limit",
    price: restPrice.toFixed(2),
    quantity: "0.1",
    postOnly: true,
  }));
  const crossing = attempt(connector.placeOrder({
    symbol: SYMBOL,
    side: step % 4 < 2 ? "Ask" : "Bid",
    orderType: "Limit",
    price: (step % 4 < 2 ? bid[0].minus("0.5") : ask[0].plus("0.5")).toFixed(2),
    quantity: "0.05",
    timeInForce: "IOC",
  }));
  await crossing;
  const placed = await resting;
  if (placed !== undefined && step % 3 !== 0) {
    await attempt(connector.cancelOrder({ symbol: SYMBOL, clientId: placed.clientId }));
  }
};

Deno.test("reliability: 100 faults during active trading lose or double nothing", async () => {
  const sim = await startSimulator({ port: 0, tickMs: 0, seed: 11 });
  const ticker = setInterval(() => sim.advance(), 50);
  const account = sim.accounts[0]!;
  const logs: LogEntry[] = [];
  const errors: unknown[] = [];
  const events: ConnectorEvent[] = [];
  let connector: Connector | undefined;
  try {
    connector = await createConnector(onSimulator(sim, {
      apiSecret: account.apiSecret,
      markets: [SYMBOL],
      reconcileIntervalMs: 1000,
      fillOverlapMs: 2000,
      cancelOnShutdown: true,
      logger: (entry) => logs.push(entry),
      logLevel: "debug",
      socket: { backoff: { initialMs: 20, maxMs: 200 } },
    }));
    connector.on((event) => events.push(event));
    // Let the book become Live.
    for (let i = 0; i < 100 && (await connector.book(SYMBOL).status()).phase !== "Live"; i++) {
      await sleep(20);
    }
    const phases = [
      { restServerError: 0.15 },
      { restAccepted: 0.35 },
      { wsCloseProbability: 0.03 },
    ];
    const injected = () => {
      const c = sim.faultCounts();
      return c.restServerError + c.restAccepted + c.wsClose;
    };
    let step = 0;
    const deadline = Date.now() + 40_000;
    while (injected() < FAULT_TARGET && Date.now() < deadline) {
      sim.setFaults(phases[Math.floor(step / 4) % phases.length]!);
      await tradeOnce(connector, step, errors);
      step++;
    }
    sim.setFaults({});
    const counts = sim.faultCounts();
    assert.ok(injected() >= FAULT_TARGET, `only ${injected()} faults injected`);
    assert.ok(counts.restServerError > 0 && counts.restAccepted > 0 && counts.wsClose > 0);

    // Quiesce: no faults, cancel what rests, freeze the exchange, reconcile.
    await sleep(300);
    await connector.cancelAll(SYMBOL);
    await sleep(300);
    clearInterval(ticker);
    await sleep(200);
    await connector.reconcile();

    // Fills: exactly the exchange's, each once.
    const simFills = sim.exchange.fills(account.accountId, { limit: 1_000_000 });
    const ours = connector.fills(SYMBOL);
    assert.ok(simFills.length > 10, `only ${simFills.length} fills`);
    assert.equal(new Set(ours.map((f) => f.tradeId)).size, ours.length, "duplicated fills");
    assert.deepEqual(
      ours.map((f) => f.tradeId).sort(),
      simFills.filter((f) => f.symbol === SYMBOL).map((f) => f.tradeId).sort(),
    );
    const fillEvents = events.filter((e) => e.type === "fill");
    assert.equal(fillEvents.length, ours.length);

    // Position and balances: the exchange's.
    const simPosition = sim.exchange.positions(account.accountId, SYMBOL)[0];
    const position = connector.position(SYMBOL);
    assert.equal(
      position.netQuantity.toString(),
      new Decimal(simPosition?.netQuantity ?? "0").toString(),
    );
    assert.equal(
      position.entryPrice.toString(),
      new Decimal(simPosition?.entryPrice ?? "0").toString(),
    );
    const simBalances = sim.exchange.balances(account.accountId);
    const balances = connector.balances();
    for (const [asset, row] of Object.entries(simBalances)) {
      assert.equal(
        balances[asset]?.available.toString(),
        new Decimal(row.available).toString(),
        asset,
      );
      assert.equal(balances[asset]?.locked.toString(), new Decimal(row.locked).toString(), asset);
    }

    // Orders: every final state is the exchange's; failed ones never reached it.
    const history = sim.exchange.orderHistory(account.accountId, { limit: 1_000_000 });
    const byId = new Map(history.map((o) => [o.id, o]));
    const simClientIds = new Set(history.map((o) => o.clientId));
    assert.equal(sim.exchange.openOrders(account.accountId).length, 0);
    const orders = connector.orders(SYMBOL);
    assert.ok(orders.length > 20);
    for (const order of orders) {
      if (order.state === "Failed") {
        assert.ok(!simClientIds.has(order.clientId ?? -1), `failed order ${order.clientId} exists`);
        continue;
      }
      const simOrder = byId.get(order.orderId ?? "");
      assert.ok(simOrder !== undefined, `order ${order.clientId} (${order.state}) not in the sim`);
      assert.equal(order.state, STATE_OF_STATUS[simOrder.status], `order ${order.orderId}`);
      assert.equal(
        order.executedQuantity.toString(),
        new Decimal(simOrder.executedQuantity).toString(),
      );
    }
    assert.ok(connector.stats().reconnects > 0, "the private stream never reconnected");
    assert.ok(events.some((e) => e.type === "orderOutcomeUnknown"));
    assert.ok(events.some((e) => e.type === "orderReconciled"));
    assert.ok(events.some((e) => e.type === "connectionLost"));
    assert.ok(events.some((e) => e.type === "balanceChanged"));

    // Secrets: nowhere in logs, errors, or the string forms of anything.
    const streams = createStreams({ wsUrl: sim.wsUrl, apiSecret: account.apiSecret });
    const client = createClient({ baseUrl: sim.restUrl, apiSecret: account.apiSecret });
    const shown = [
      ...logs.map((entry) => `${entry.message} ${JSON.stringify(entry.annotations)}`),
      ...errors.flatMap((error) => [String(error), JSON.stringify(error), Deno.inspect(error)]),
      ...[connector, client, streams, connector.book(SYMBOL)].flatMap((x) => [
        String(x),
        JSON.stringify(x),
        Deno.inspect(x, { depth: 10 }),
      ]),
      ...connector.orders().flatMap((o) => [JSON.stringify(o), Deno.inspect(o.error)]),
    ];
    assert.ok(logs.length > 100);
    for (const text of shown) assert.ok(!text.includes(account.apiSecret), text.slice(0, 200));
    await client.close();
    await streams.close();
    await connector.close();
    await assert.rejects(
      connector.placeOrder({
        symbol: SYMBOL,
        side: "Bid",
        orderType: "Limit",
        price: "1",
        quantity: "1",
      }),
      (err: unknown) => err instanceof UnavailableError && err.code === "CLIENT_CLOSED",
    );
  } finally {
    clearInterval(ticker);
    await connector?.close();
    await sim.close();
  }
});

Deno.test("reliability: a 10k-request burst under the shared rate limit gets no 429", async () => {
  const limit = 2000;
  const windowMs = 1000;
  const sim = await startSimulator({
    port: 0,
    tickMs: 0,
    rateLimits: { general: limit, windowMs },
  });
  let answered429 = 0;
  const client = createClient({
    baseUrl: sim.restUrl,
    rateLimit: {
      general: { limit, windowMs },
      historical: { limit: 30, windowMs },
    },
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      if (response.status === 429) answered429++;
      return response;
    },
  });
  try {
    let rejected = 0;
    let ok = 0;
    const worker = async (count: number) => {
      for (let i = 0; i < count; i++) {
        await client.getStatus().then(() => ok++, () => rejected++);
      }
    };
    await Promise.all(Array.from({ length: 100 }, () => worker(100)));
    assert.equal(ok, 10_000);
    assert.equal(rejected, 0);
    assert.equal(answered429, 0);
  } finally {
    await client.close();
    await sim.close();
  }
});
