/**
 * The Promise client of the order book, {@link createOrderBook}: it starts the feed where
 * {@link OrderBookMode} says (see `backend.ts`), talks to it over comlink (events come back on a
 * `MessagePort`), hands out `Decimal` views of the decimal strings that cross the boundary
 * (`book_views.ts`) and rebuilds encoded errors into the SDK's error classes (`instanceof` works).
 * The interface is the same in every mode; the Effect service over it is `service.ts`.
 *
 * @module
 */
import * as Comlink from "comlink";
import type { Decimal, DecimalInput } from "../decimal.ts";
import { TimeoutError } from "../error_classes.ts";
import { decodeBackpackError } from "../errors.ts";
import { closedApi, type OrderBookMode, startBackend } from "./backend.ts";
import {
  type BookFill,
  type BookLevel,
  type BookSnapshot,
  toBookFill,
  toBookLevel,
  toBookSnapshot,
  toDecimal,
  type TopOfBook,
  toTopOfBook,
} from "./book_views.ts";
import type { FeedEnvironment } from "./feed_api.ts";
import { canShareMemory, sharedTopBuffer, SharedTopReader } from "./shared_top.ts";
import type { FeedEvent, FeedOptions, FeedStatus, Result, ResyncCause } from "./protocol.ts";
import type { BookSide } from "./types.ts";

/** Options of {@link createOrderBook}. */
export interface CreateOrderBookOptions extends FeedOptions {
  /** Default `auto`: Web Worker, else `worker_threads` on Node, else inline (Cloudflare Workers). */
  readonly mode?: OrderBookMode;
  /** Inline mode only: `fetch` and WebSocket constructor overrides (a worker uses its globals). */
  readonly environment?: FeedEnvironment;
}

/** A `resynced` notification: the book was rebuilt after `reason` and is Live at `lastUpdateId`. */
export interface ResyncedEvent {
  /** What broke the previous book. */
  readonly reason: ResyncCause;
  /** Update id of the new Live book. */
  readonly lastUpdateId: string;
}

/**
 * A Live order book. Queries reject with `SequenceGapError` while the book is being rebuilt after a
 * gap or reconnect, `UnavailableError` (`BOOK_SYNCING` / `BOOK_CLOSED`) before the first sync or
 * after `close()`, `InvalidInputError` on a bad amount.
 */
export interface OrderBookClient {
  /** The market. */
  readonly symbol: string;
  /** Where the feed runs. */
  readonly mode: "worker" | "inline";
  /** Phase, connection, resync count. Never rejects. */
  status(): Promise<FeedStatus>;
  /** The best `depth` levels of each side (default 10). */
  snapshot(depth?: number): Promise<BookSnapshot>;
  /** Best bid, or undefined when there are no bids. */
  bestBid(): Promise<BookLevel | undefined>;
  /** Best ask, or undefined when there are no asks. */
  bestAsk(): Promise<BookLevel | undefined>;
  /** `(bestBid + bestAsk) / 2`, or undefined. */
  mid(): Promise<Decimal | undefined>;
  /** `bestAsk - bestBid`, or undefined. */
  spread(): Promise<Decimal | undefined>;
  /** Fill of a market order of `quantity` (base) against `side` (`"asks"` = buying). */
  vwap(side: BookSide, quantity: DecimalInput): Promise<BookFill>;
  /** Fill of a market order spending `notional` (quote) against `side`. */
  depthToNotional(side: BookSide, notional: DecimalInput): Promise<BookFill>;
  /**
   * The top of book now, read synchronously (no `await`, no round trip): best bid and ask, the
   * update id the book is at and when it was applied; undefined while the book is not Live
   * (syncing, resyncing after a gap or reconnect, crossed, closed). In worker mode the worker
   * publishes every applied frame into shared memory, so this is the worker's latest state; where
   * memory cannot be shared (a browser page that is not cross-origin isolated) it is the last
   * {@link OrderBookClient.onTopOfBook} notification, one message behind.
   */
  peekTop(): TopOfBook | undefined;
  /** Calls `listener` whenever the best bid or ask changes; returns the unsubscribe function. */
  onTopOfBook(listener: (top: TopOfBook) => void): () => void;
  /** Calls `listener` each time the book is Live again after a resync. */
  onResynced(listener: (event: ResyncedEvent) => void): () => void;
  /** Calls `listener` on phase or connection changes. */
  onStatus(listener: (status: FeedStatus) => void): () => void;
  /**
   * Resolves once the book is Live (snapshot and stream in sync); rejects with `TimeoutError` when it
   * is not Live within `timeoutMs` (default 10 000).
   */
  ready(timeoutMs?: number): Promise<void>;
  /** Closes the socket and terminates the worker. Idempotent. */
  close(): Promise<void>;
  /** Same as {@link OrderBookClient.close}. */
  [Symbol.asyncDispose](): Promise<void>;
}

const unwrap = async <A>(result: Promise<Result<A>>): Promise<A> => {
  const r = await result;
  if (r._tag === "Ok") return r.value;
  throw decodeBackpackError(r.error);
};

/** Starts an order book for `options.symbol`; it becomes Live once the first snapshot is bridged. */
export const createOrderBook = async (
  options: CreateOrderBookOptions,
): Promise<OrderBookClient> => {
  const started = await startBackend(options.mode, options.environment);
  const { mode, dispose } = started;
  let api = started.api;
  const feedOptions: FeedOptions = {
    symbol: options.symbol,
    ...(options.restUrl === undefined ? {} : { restUrl: options.restUrl }),
    ...(options.wsUrl === undefined ? {} : { wsUrl: options.wsUrl }),
    ...(options.minBufferedBeforeSnapshot === undefined
      ? {}
      : { minBufferedBeforeSnapshot: options.minBufferedBeforeSnapshot }),
  };
  const tops = new Set<(top: TopOfBook) => void>();
  const resyncs = new Set<(event: ResyncedEvent) => void>();
  const statuses = new Set<(status: FeedStatus) => void>();
  // The feed's top in shared memory (inline: a plain buffer); else the last notification.
  const topBuffer = mode === "inline" || canShareMemory()
    ? sharedTopBuffer(mode === "worker")
    : undefined;
  const shared = topBuffer === undefined ? undefined : new SharedTopReader(topBuffer, toTopOfBook);
  let notified: TopOfBook | undefined;
  let closed = false;
  const peekTop = (): TopOfBook | undefined =>
    closed ? undefined : shared === undefined ? notified : shared.read();
  const onEvent = (event: FeedEvent): void => {
    if (event.type === "topOfBook") {
      const top = toTopOfBook(event.top);
      notified = top;
      for (const listener of tops) listener(top);
    } else if (event.type === "topWithdrawn") {
      notified = undefined;
    } else if (event.type === "resynced") {
      for (const listener of resyncs) listener(event);
    } else {
      if (event.status.phase !== "Live") notified = undefined;
      for (const listener of statuses) listener(event.status);
    }
  };
  // A worker gets a port to post its events to (plain messages, see `event_relay.ts`), so this
  // thread can close its end itself: a port left open keeps Bun alive once the worker is gone.
  const events = mode === "worker" ? new MessageChannel() : undefined;
  if (events !== undefined) {
    events.port1.addEventListener("message", (message) => onEvent(message.data as FeedEvent));
    events.port1.start();
  }
  const listener = events === undefined
    ? onEvent
    : Comlink.transfer(events.port2, [events.port2]) as unknown as typeof onEvent;
  const release = (): void => {
    dispose();
    events?.port1.close();
  };
  try {
    const starting = (async () => {
      await api.listen(listener);
      await unwrap(api.start(feedOptions, topBuffer));
    })();
    starting.catch(() => {}); // when the worker failed first, its calls are never answered
    await Promise.race([starting, started.failed]);
  } catch (cause) {
    release();
    throw cause;
  }
  const add = <L>(set: Set<L>) => (l: L): () => void => {
    set.add(l);
    return () => void set.delete(l);
  };
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    closing ??= (async () => {
      closed = true;
      const remote = api;
      try {
        await remote.close();
        if (mode === "worker") api = await closedApi(remote);
      } finally {
        if (mode === "worker") {
          (remote as unknown as Comlink.Remote<unknown>)[Comlink.releaseProxy]();
        }
        release();
      }
    })();
  return {
    symbol: options.symbol,
    mode,
    status: () => api.status(),
    snapshot: async (depth = 10) => toBookSnapshot(await unwrap(api.snapshot(depth))),
    bestBid: async () => toBookLevel(await unwrap(api.bestBid())),
    bestAsk: async () => toBookLevel(await unwrap(api.bestAsk())),
    mid: async () => toDecimal(await unwrap(api.mid())),
    spread: async () => toDecimal(await unwrap(api.spread())),
    vwap: async (side, quantity) => toBookFill(await unwrap(api.vwap(side, String(quantity)))),
    depthToNotional: async (side, notional) =>
      toBookFill(await unwrap(api.depthToNotional(side, String(notional)))),
    peekTop,
    onTopOfBook: add(tops),
    onResynced: add(resyncs),
    onStatus: add(statuses),
    ready: (timeoutMs = 10_000) =>
      new Promise<void>((resolve, reject) => {
        const done = (error?: TimeoutError): void => {
          clearTimeout(timer);
          off();
          if (error === undefined) resolve();
          else reject(error);
        };
        const timer = setTimeout(
          () => done(new TimeoutError({ endpoint: `depth.${options.symbol}`, timeoutMs })),
          timeoutMs,
        );
        const off = add(statuses)((status) => {
          if (status.phase === "Live") done();
        });
        void api.status().then((status) => {
          if (status.phase === "Live") done();
        });
      }),
    close,
    [Symbol.asyncDispose]: close,
  };
};
