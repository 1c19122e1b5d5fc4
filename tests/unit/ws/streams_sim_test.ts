/**
 * Typed streams against the local simulator: decoding, private order updates, ref-counting,
 * reconnect after the simulator's close-socket fault, and clean shutdown (sanitizers on).
 */
import assert from "node:assert/strict";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import * as ManagedRuntime from "effect/ManagedRuntime";
import * as Stream from "effect/Stream";
import { ServerClock } from "../../../src/auth/server_clock.ts";
import { createStreams } from "../../../src/client/create_streams.ts";
import { layer as layerConfig } from "../../../src/config.ts";
import { Decimal } from "../../../src/decimal.ts";
import { InvalidInputError } from "../../../src/error_classes.ts";
import { executeOrder } from "../../../src/rest/order_execute.ts";
import { layerBackpack, layerSigner } from "../../../src/rest/layer.ts";
import { startSimulator } from "../../../src/sim/mod.ts";
import { BackpackSocket, WebSocketConstructor } from "../../../src/ws/socket.ts";
import type { SocketStatus } from "../../../src/ws/socket_core.ts";
import * as Streams from "../../../src/ws/streams.ts";

const sanitizers = { sanitizeOps: true, sanitizeResources: true, sanitizeExit: true };

/** A native WebSocket that records every frame it sends. */
const recordingWebSocket = () => {
  const sent: Array<{ method: string; params: string[]; signature?: string[] }> = [];
  class Recording extends WebSocket {
    override send(data: string): void {
      sent.push(JSON.parse(data));
      super.send(data);
    }
  }
  return { Ctor: Recording, sent };
};

const fastReconnect = { backoff: { initialMs: 10, maxMs: 50, factor: 2, jitter: 0.5 } };

Deno.test({
  name: "public streams decode simulator frames into named events with Decimals",
  ...sanitizers,
  fn: async () => {
    const sim = await startSimulator({ port: 0, tickMs: 20 });
    try {
      const layer = BackpackSocket.layer(fastReconnect).pipe(
        Layer.provide(Layer.mergeAll(layerConfig({ wsUrl: sim.wsUrl }), ServerClock.layer)),
      );
      const symbol = "SOL_USDC_PERP";
      const first = <A>(s: Stream.Stream<A, unknown, BackpackSocket>) =>
        Stream.runHead(s).pipe(Effect.map((o) => (o._tag === "Some" ? o.value : undefined)));
      const result = await Effect.runPromise(
        Effect.all({
          trade: first(Streams.trades({ symbol })),
          depth: first(Streams.depth({ symbol })),
          bookTicker: first(Streams.bookTicker({ symbol })),
          ticker: first(Streams.ticker({ symbol })),
          markPrice: first(Streams.markPrice({ symbol })),
          kline: first(Streams.kline({ symbol, interval: "1m" })),
        }, { concurrency: "unbounded" }).pipe(Effect.provide(layer)),
      );
      assert.ok(result.trade?.price instanceof Decimal);
      assert.equal(result.trade?.symbol, symbol);
      assert.equal(typeof result.trade?.tradeId, "string");
      assert.ok(result.trade!.eventTimeUs > 1e15); // µs
      assert.ok(result.depth!.asks.length + result.depth!.bids.length > 0);
      assert.ok(BigInt(result.depth!.lastUpdateId) >= BigInt(result.depth!.firstUpdateId));
      assert.ok(result.bookTicker!.askPrice.greaterThan(result.bookTicker!.bidPrice));
      assert.ok(result.ticker?.volume instanceof Decimal);
      assert.ok(result.markPrice?.markPrice instanceof Decimal);
      assert.ok(result.markPrice?.nextFundingTime instanceof Date);
      assert.ok(result.kline?.start instanceof Date);
    } finally {
      await sim.close();
    }
  },
});

Deno.test({
  name: "ref-counting: two consumers of one stream → one SUBSCRIBE, UNSUBSCRIBE after the last",
  ...sanitizers,
  fn: async () => {
    const sim = await startSimulator({ port: 0, tickMs: 20 });
    const { Ctor, sent } = recordingWebSocket();
    const streams = createStreams({ wsUrl: sim.wsUrl, WebSocket: Ctor, socket: fastReconnect });
    try {
      const a = streams.trades({ symbol: "SOL_USDC_PERP" });
      const b = streams.trades({ symbol: "SOL_USDC_PERP" });
      const ia = a[Symbol.asyncIterator]();
      const ib = b[Symbol.asyncIterator]();
      const [ra, rb] = await Promise.all([ia.next(), ib.next()]);
      assert.equal(ra.done, false);
      assert.equal(rb.done, false);
      assert.deepEqual(sent, [{ method: "SUBSCRIBE", params: ["trade.SOL_USDC_PERP"] }]);
      await a.close();
      assert.equal(sent.length, 1, "b still holds the stream");
      assert.equal((await ib.next()).done, false);
      for await (const _ of b) break; // leaving the loop releases the last reference
      assert.deepEqual(sent[1], { method: "UNSUBSCRIBE", params: ["trade.SOL_USDC_PERP"] });
    } finally {
      await streams.close();
      await sim.close();
    }
  },
});

Deno.test({
  name: "private order updates arrive after placing an order through the REST endpoint",
  ...sanitizers,
  fn: async () => {
    const sim = await startSimulator({ port: 0, tickMs: 20 });
    const [account] = sim.accounts;
    const credentials = { apiKey: account.apiKey, apiSecret: account.apiSecret };
    const streams = createStreams({ wsUrl: sim.wsUrl, ...credentials, socket: fastReconnect });
    const rest = ManagedRuntime.make(layerBackpack({ baseUrl: sim.restUrl, ...credentials }));
    try {
      const updates = streams.orderUpdates({ symbol: "SOL_USDC_PERP" });
      const iterator = updates[Symbol.asyncIterator]();
      const first = iterator.next();
      // There is no subscribe acknowledgement: place orders until the subscription is live.
      let settled = false;
      void first.finally(() => (settled = true));
      const placed: string[] = [];
      while (!settled) {
        const order = await rest.runPromise(
          executeOrder({
            symbol: "SOL_USDC_PERP",
            side: "Bid",
            orderType: "Market",
            quantity: "0.1",
          }),
        );
        placed.push(order.id);
        let timer: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([first, new Promise((r) => (timer = setTimeout(r, 50)))]);
        clearTimeout(timer);
      }
      const event = (await first).value!;
      assert.ok(placed.includes(event.orderId));
      assert.equal(event.orderType, "Market");
      assert.equal(event.side, "Bid");
      assert.ok(event.executedQuantity instanceof Decimal);
      assert.ok(["orderAccepted", "orderFill"].includes(event.type));
      await updates.close();
    } finally {
      await rest.dispose();
      await streams.close();
      await sim.close();
    }
  },
});

Deno.test({
  name: "reconnect after the close-socket fault: resubscribes once per stream, private re-signed",
  ...sanitizers,
  fn: async () => {
    const sim = await startSimulator({ port: 0, tickMs: 20 });
    const [account] = sim.accounts;
    const { Ctor, sent } = recordingWebSocket();
    const statuses: SocketStatus[] = [];
    const layer = BackpackSocket.layer(fastReconnect).pipe(
      Layer.provide(Layer.mergeAll(
        layerConfig({ wsUrl: sim.wsUrl }),
        ServerClock.layer,
        WebSocketConstructor.layer(Ctor),
        layerSigner({ apiSecret: account.apiSecret }),
      )),
    );
    try {
      const program = Effect.gen(function* () {
        const socket = yield* BackpackSocket;
        yield* Effect.forkScoped(
          Stream.runForEach(socket.status, (s) => Effect.sync(() => statuses.push(s))),
        );
        yield* Effect.forkScoped(Stream.runDrain(Streams.positionUpdates()));
        // frames after the first reconnect prove the public subscription was restored
        const trades = yield* Stream.runCollect(
          Streams.trades({ symbol: "SOL_USDC_PERP" }).pipe(
            Stream.tap(() =>
              Effect.sync(() => {
                if (sent.length === 2) sim.setFaults({ wsCloseAfterFrames: 3 });
              })
            ),
            Stream.filter(() => statuses.filter((s) => s.status === "open").length >= 3),
            Stream.take(2),
          ),
        );
        sim.setFaults({});
        return trades;
      }).pipe(Effect.scoped, Effect.provide(layer));
      const trades = await Effect.runPromise(program);
      assert.equal(trades.length, 2);
      const reconnects = statuses.filter((s) => s.status === "reconnecting");
      assert.ok(reconnects.length >= 2);
      assert.match((reconnects[0] as { reason: string }).reason, /closed with code 1011/);
      const subscribes = sent.filter((m) => m.method === "SUBSCRIBE");
      const opens = statuses.filter((s) => s.status === "open").length;
      const privateSubs = subscribes.filter((m) => m.params[0] === "account.positionUpdate");
      const publicSubs = subscribes.filter((m) => m.params[0] === "trade.SOL_USDC_PERP");
      // exactly one SUBSCRIBE per stream per connection: no duplicates
      assert.equal(publicSubs.length, opens);
      assert.ok(privateSubs.length === opens || privateSubs.length === opens - 1);
      for (const m of subscribes) assert.equal(m.params.length, 1);
      // every private resubscription carries a new signature
      const signatures = new Set(privateSubs.map((m) => m.signature?.[1]));
      assert.equal(signatures.size, privateSubs.length);
      assert.ok(sim.faultCounts().wsClose >= 2);
    } finally {
      await sim.close();
    }
  },
});

Deno.test({
  name: "a private stream without credentials fails with InvalidInputError before connecting",
  ...sanitizers,
  fn: async () => {
    const { Ctor, sent } = recordingWebSocket();
    const streams = createStreams({ wsUrl: "ws://127.0.0.1:9/ws", WebSocket: Ctor });
    try {
      await assert.rejects(async () => {
        for await (const _ of streams.orderUpdates()) break;
      }, (e: unknown) => e instanceof InvalidInputError && e.reason === "Missing");
      await assert.rejects(async () => {
        for await (const _ of streams.trades({ symbol: "SOL USDC" })) break;
      }, (e: unknown) => e instanceof InvalidInputError && e.field === "symbol");
      assert.equal(sent.length, 0);
    } finally {
      await streams.close();
    }
  },
});
