/**
 * `createStreams`: the Promise facade of the typed WebSocket streams. One shared, reconnecting
 * connection per `createStreams` object; every method returns a {@link StreamSubscription}, an
 * `AsyncIterable` for `for await` whose subscription starts with the iteration and ends when the
 * loop exits (`break`, `return`, a thrown error) or on `close()` (its own, or the streams object's,
 * which ends every subscription, even one not being iterated, and after which iterations complete
 * without values). A stream failure is thrown from the loop as the SDK's tagged error
 * (`DecodeError`, `TransportError`, `InvalidInputError`).
 *
 * @example
 * ```ts
 * import { createStreams } from "@backpack-edge/sdk";
 * const streams = createStreams();
 * for await (const trade of streams.trades({ symbol: "SOL_USDC" })) {
 *   console.log(trade.price.toFixed(), trade.quantity.toFixed());
 *   break; // unsubscribes
 * }
 * await streams.close();
 * ```
 *
 * @module
 */
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import * as ManagedRuntime from "effect/ManagedRuntime";
import * as Stream from "effect/Stream";
import { ServerClock } from "../auth/server_clock.ts";
import { type BackpackConfigOptions, layer as layerConfig } from "../config.ts";
import { layerSigner } from "../rest/layer.ts";
import {
  BackpackSocket,
  type BackpackSocketOptions,
  type SubscribeStreamOptions,
  WebSocketConstructor,
} from "../ws/socket.ts";
import type { WebSocketConstructorLike } from "../ws/socket_core.ts";
import {
  type AccountStreamParams,
  type DepthStreamParams,
  type KlineStreamParams,
  streamFunctions,
  type SymbolStreamParams,
} from "../ws/streams.ts";
import type { OrderUpdate, PositionUpdate } from "../schema/ws_account.ts";
import type {
  BookTickerEvent,
  DepthUpdate,
  KlineEvent,
  LiquidationEvent,
  MarkPriceEvent,
  OpenInterestEvent,
  TickerEvent,
  TradeEvent,
} from "../schema/ws_market.ts";
import { asyncDispose, describedAs } from "./described.ts";
import { unwrapExit } from "./run.ts";

/** Options of {@link createStreams}. */
export interface CreateStreamsOptions extends BackpackConfigOptions {
  /** Base64 public key. Optional: derived from `apiSecret`, and checked against it when given. */
  readonly apiKey?: string;
  /** Base64 Ed25519 seed; needed for the account streams (`orderUpdates`, `positionUpdates`). */
  readonly apiSecret?: string;
  /** WebSocket constructor. Default `isows` (native WebSocket where present, `ws` on Node). */
  readonly WebSocket?: WebSocketConstructorLike;
  /** Reconnect, heartbeat and timer options of the shared socket. */
  readonly socket?: BackpackSocketOptions;
}

/** A running subscription: iterate it once with `for await`; `close()` ends it early. */
export interface StreamSubscription<A> extends AsyncIterable<A> {
  /** Ends the iteration and releases the subscription (idempotent). */
  close(): Promise<void>;
}

/** One method per typed stream (the Effect functions of the same names), for `for await`. */
export interface StreamMethods {
  /** `depth.<symbol>` deltas (or an aggregated variant). */
  depth(params: DepthStreamParams): StreamSubscription<DepthUpdate>;
  /** `trade.<symbol>`: public trades. */
  trades(params: SymbolStreamParams): StreamSubscription<TradeEvent>;
  /** `bookTicker.<symbol>`: best bid and ask. */
  bookTicker(params: SymbolStreamParams): StreamSubscription<BookTickerEvent>;
  /** `ticker.<symbol>`: 24 h statistics every second. */
  ticker(params: SymbolStreamParams): StreamSubscription<TickerEvent>;
  /** `kline.<interval>.<symbol>`: the current candle. */
  kline(params: KlineStreamParams): StreamSubscription<KlineEvent>;
  /** `markPrice.<symbol>`: mark/index price, funding rate, next funding time. */
  markPrice(params: SymbolStreamParams): StreamSubscription<MarkPriceEvent>;
  /** `openInterest.<symbol>`. */
  openInterest(params: SymbolStreamParams): StreamSubscription<OpenInterestEvent>;
  /** `liquidation`: every market. */
  liquidations(params?: SubscribeStreamOptions): StreamSubscription<LiquidationEvent>;
  /** `account.orderUpdate[.<symbol>]` (needs `apiSecret`). */
  orderUpdates(params?: AccountStreamParams): StreamSubscription<OrderUpdate>;
  /** `account.positionUpdate[.<symbol>]` (needs `apiSecret`); starts with a snapshot. */
  positionUpdates(params?: AccountStreamParams): StreamSubscription<PositionUpdate>;
}

/** Typed Backpack streams over one shared connection. */
export interface BackpackStreams extends StreamMethods {
  /**
   * Ends every subscription this object created (iterated or not: each is unsubscribed, a pending
   * `next()` resolves `{ done: true }`, frames still buffered are dropped), then closes the connection
   * and its timers. Afterwards every subscription, old or new, ends at once: its iteration yields
   * nothing and completes normally (no error is thrown). Idempotent: later calls return the same
   * Promise.
   */
  close(): Promise<void>;
  /** Same as {@link BackpackStreams.close}, for `await using`. */
  [Symbol.asyncDispose](): Promise<void>;
}

/** The socket layer for the options (config, clock, optional signer and constructor). */
const layerStreams = (options: CreateStreamsOptions) => {
  const deps = Layer.mergeAll(
    layerConfig(options),
    ServerClock.layer,
    layerSigner(options),
    options.WebSocket === undefined ? Layer.empty : WebSocketConstructor.layer(options.WebSocket),
  );
  return BackpackSocket.layer(options.socket).pipe(Layer.provide(deps));
};

/**
 * Creates the streams object. Nothing connects until the first iteration starts. Bad options or
 * credentials make the first iteration throw `InvalidInputError`. When the server rejects the
 * private subscriptions as expired (this machine's clock is off), the socket reads the server time
 * from `baseUrl` (`GET /api/v1/time`) and subscribes again; if that cannot fix it, the private
 * streams throw `AuthError`.
 */
export const createStreams = (options: CreateStreamsOptions = {}): BackpackStreams => {
  const runtime = ManagedRuntime.make(layerStreams(options));
  /** The `close` of every subscription not yet ended, so {@link BackpackStreams.close} reaches idle ones. */
  const live = new Set<() => Promise<void>>();
  let closing: Promise<void> | undefined;

  const subscription = <A, E>(
    stream: Stream.Stream<A, E, BackpackSocket>,
  ): StreamSubscription<A> => {
    let started: Promise<AsyncIterator<A>> | undefined;
    let closed = closing !== undefined;
    const done: IteratorReturnResult<undefined> = { done: true, value: undefined };
    const start = async (): Promise<AsyncIterator<A>> => {
      const context = unwrapExit(
        await runtime.runPromiseExit(Effect.context<BackpackSocket>()),
      );
      return Stream.toAsyncIterableWith(stream, context)[Symbol.asyncIterator]();
    };
    const close = async (): Promise<void> => {
      if (closed) return;
      closed = true;
      live.delete(close);
      const iterator = await started?.catch(() => undefined);
      await iterator?.return?.();
    };
    // Ends the wrapper without releasing again: the Effect iterator closed itself (end or failure).
    const ended = () => {
      closed = true;
      live.delete(close);
    };
    const iterator: AsyncIterator<A> = {
      next: async () => {
        if (closed) return done;
        started ??= start();
        let result: IteratorResult<A>;
        try {
          const inner = await started;
          // close() may have run while the socket was being built: it returns `inner` itself.
          if (closed) return done;
          result = await inner.next();
        } catch (error) {
          ended();
          throw error;
        }
        if (result.done) ended();
        return result;
      },
      return: async () => {
        await close();
        return done;
      },
    };
    if (!closed) live.add(close);
    return { [Symbol.asyncIterator]: () => iterator, close };
  };

  const methods = Object.fromEntries(
    Object.entries(streamFunctions).map(([name, fn]) => [
      name,
      (...args: unknown[]) =>
        subscription((fn as (...a: unknown[]) => Stream.Stream<unknown, unknown, BackpackSocket>)(
          ...args,
        )),
    ]),
  ) as unknown as StreamMethods;
  const close = (): Promise<void> =>
    closing ??= Promise.allSettled([...live].map((end) => end())).then(() => runtime.dispose());
  const description = `BackpackStreams(${options.wsUrl ?? "default"}, ${
    options.apiSecret === undefined ? "public" : "signed"
  })`;
  return describedAs({
    ...methods,
    close,
    [asyncDispose]: close,
  } as BackpackStreams, description);
};
