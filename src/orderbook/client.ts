/**
 * The main-thread side of the order book: {@link createOrderBook} (Promise facade) and the
 * {@link OrderBook} Effect service. The book feed runs in a module Web Worker (Deno, Bun, browsers),
 * a `worker_threads` worker (Node) or, where no worker exists (Cloudflare Workers), on the calling
 * thread; the interface is the same in every mode. Decimal strings cross the boundary and become
 * `Decimal`s here; encoded errors are rebuilt into the SDK's error classes (`instanceof` works).
 *
 * @module
 */
import * as Comlink from "comlink";
import * as Context from "effect/Context";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import { Decimal, type DecimalInput } from "../decimal.ts";
import {
  type BackpackError,
  decodeBackpackError,
  isBackpackError,
  TimeoutError,
  TransportError,
} from "../errors.ts";
import { createFeedApi, type FeedEnvironment } from "./feed_api.ts";
import { nodeEndpoint, type NodePort } from "./node_endpoint.ts";
import type {
  FeedEvent,
  FeedOptions,
  FeedStatus,
  OrderBookWorkerApi,
  Result,
  ResyncCause,
} from "./protocol.ts";
import type { BookSide, Fill, Level } from "./types.ts";

/** Where the feed runs: `auto` picks a worker where the runtime has one, else `inline`. */
export type OrderBookMode = "auto" | "worker" | "inline";

/** Options of {@link createOrderBook}. */
export interface CreateOrderBookOptions extends FeedOptions {
  /** Default `auto`: Web Worker, else `worker_threads` on Node, else inline (Cloudflare Workers). */
  readonly mode?: OrderBookMode;
  /** Inline mode only: `fetch` and WebSocket constructor overrides (a worker uses its globals). */
  readonly environment?: FeedEnvironment;
}

/** A price level: `[price, quantity]`. */
export type BookLevel = readonly [price: Decimal, quantity: Decimal];

/** The top levels of a Live book. */
export interface BookSnapshot {
  /** Bids, best first. */
  readonly bids: ReadonlyArray<BookLevel>;
  /** Asks, best first. */
  readonly asks: ReadonlyArray<BookLevel>;
  /** Update id the book is at. */
  readonly lastUpdateId: string;
  /** Engine time (µs) of the last update, when known. */
  readonly timestamp: string | undefined;
}

/** Best bid and ask. */
export interface TopOfBook {
  /** Best bid, if any. */
  readonly bid: BookLevel | undefined;
  /** Best ask, if any. */
  readonly ask: BookLevel | undefined;
  /** Update id the book is at. */
  readonly lastUpdateId: string;
}

/** The fill of a simulated market order walking one side. */
export interface BookFill {
  /** Base quantity taken. */
  readonly quantity: Decimal;
  /** Quote amount. */
  readonly notional: Decimal;
  /** Average price; undefined when nothing was taken. */
  readonly averagePrice: Decimal | undefined;
  /** Price of the last level touched; undefined when nothing was taken. */
  readonly worstPrice: Decimal | undefined;
  /** Levels touched. */
  readonly levels: number;
  /** True when the book held enough. */
  readonly complete: boolean;
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

const level = (l: Level | undefined): BookLevel | undefined =>
  l === undefined ? undefined : [new Decimal(l[0]), new Decimal(l[1])];
const decimal = (text: string | undefined): Decimal | undefined =>
  text === undefined ? undefined : new Decimal(text);
const fill = (f: Fill): BookFill => ({
  quantity: new Decimal(f.quantity),
  notional: new Decimal(f.notional),
  averagePrice: decimal(f.averagePrice),
  worstPrice: decimal(f.worstPrice),
  levels: f.levels,
  complete: f.complete,
});

const unwrap = async <A>(result: Promise<Result<A>>): Promise<A> => {
  const r = await result;
  if (r._tag === "Ok") return r.value;
  throw decodeBackpackError(r.error);
};

interface Backend {
  readonly api: OrderBookWorkerApi;
  readonly mode: "worker" | "inline";
  readonly dispose: () => void;
  /** Rejects if the worker fails to load or dies (its calls would never be answered). */
  readonly failed: Promise<never>;
}

/** A `TransportError` for a worker that failed; `failed` rejects with it. */
const workerFailure = (): { failed: Promise<never>; fail: (cause: unknown) => void } => {
  let fail: (cause: unknown) => void = () => {};
  const failed = new Promise<never>((_, reject) => {
    fail = (cause) => {
      // An Error (Node), an ErrorEvent (Web Worker) or a text.
      const message = (cause as { message?: unknown } | undefined)?.message;
      const reason = typeof message === "string" ? message : String(cause);
      reject(new TransportError({ endpoint: "orderbook worker", reason }));
    };
  });
  failed.catch(() => {}); // only awaited while starting
  return { failed, fail };
};

/**
 * The worker module next to this one: `.ts` when run from source (Deno, Bun), `.js` in the npm build
 * (tsc rewrites import specifiers, not URL strings, so the extension follows this module's own).
 * Computed on use: workerd has no `import.meta.url`, and loading this module there must not fail.
 */
const workerUrl = (): URL =>
  new URL(
    `../../workers/orderbook.worker.${import.meta.url.endsWith(".ts") ? "ts" : "js"}`,
    import.meta.url,
  );

const isNode = (): boolean => {
  const g = globalThis as {
    process?: { versions?: { node?: string } };
    navigator?: { userAgent?: string };
  };
  return typeof g.process?.versions?.node === "string" &&
    g.navigator?.userAgent !== "Cloudflare-Workers";
};

/** A Web Worker, or a `worker_threads` worker on Node. */
const workerBackend = async (): Promise<Backend> => {
  const { failed, fail } = workerFailure();
  if (typeof Worker === "function") {
    const worker = new Worker(workerUrl(), { type: "module" });
    worker.addEventListener("error", (event) => {
      event.preventDefault(); // reported through `failed`, not rethrown on this thread
      fail(event);
    });
    return {
      api: Comlink.wrap<OrderBookWorkerApi>(worker) as unknown as OrderBookWorkerApi,
      mode: "worker",
      dispose: () => worker.terminate(),
      failed,
    };
  }
  const specifier = "node:worker_threads"; // computed: bundlers and tsc leave it alone
  const threads = await import(specifier) as {
    Worker: new (url: URL) => NodePort & {
      terminate(): Promise<number>;
      once(event: "error" | "exit", listener: (cause: unknown) => void): unknown;
    };
  };
  const worker = new threads.Worker(workerUrl());
  worker.once("error", fail);
  worker.once("exit", (code) => fail(`the worker exited with code ${code}`));
  return {
    api: Comlink.wrap<OrderBookWorkerApi>(nodeEndpoint(worker)) as unknown as OrderBookWorkerApi,
    mode: "worker",
    dispose: () => void worker.terminate(),
    failed,
  };
};

const backend = (options: CreateOrderBookOptions): Promise<Backend> => {
  const mode = options.mode ?? "auto";
  const hasWorker = typeof Worker === "function" || isNode();
  if (mode === "worker" || (mode === "auto" && hasWorker)) return workerBackend();
  return Promise.resolve({
    api: createFeedApi(options.environment),
    mode: "inline",
    dispose: () => {},
    failed: new Promise<never>(() => {}),
  });
};

/**
 * What a closed worker's feed answers (its final status, `UnavailableError` `BOOK_CLOSED` to every
 * query), kept on this thread so the client still answers once the worker is gone.
 */
const closedApi = async (remote: OrderBookWorkerApi): Promise<OrderBookWorkerApi> => {
  // A closed feed answers every query with the same `Err` (the cast only renames its value type).
  const [status, closed] = await Promise.all([remote.status(), remote.bestBid()]);
  const answer = <A>(): Promise<Result<A>> => Promise.resolve(closed as Result<A>);
  return {
    start: answer,
    status: () => Promise.resolve(status),
    snapshot: answer,
    bestBid: answer,
    bestAsk: answer,
    mid: answer,
    spread: answer,
    vwap: answer,
    depthToNotional: answer,
    listen: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
};

/** Starts an order book for `options.symbol`; it becomes Live once the first snapshot is bridged. */
export const createOrderBook = async (
  options: CreateOrderBookOptions,
): Promise<OrderBookClient> => {
  const started = await backend(options);
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
  const onEvent = (event: FeedEvent): void => {
    if (event.type === "topOfBook") {
      const top: TopOfBook = {
        bid: level(event.top.bid),
        ask: level(event.top.ask),
        lastUpdateId: event.top.lastUpdateId,
      };
      for (const listener of tops) listener(top);
    } else if (event.type === "resynced") {
      for (const listener of resyncs) listener(event);
    } else for (const listener of statuses) listener(event.status);
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
      await unwrap(api.start(feedOptions));
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
    snapshot: async (depth = 10) => {
      const book = await unwrap(api.snapshot(depth));
      return {
        bids: book.bids.map((l) => level(l)!),
        asks: book.asks.map((l) => level(l)!),
        lastUpdateId: book.lastUpdateId,
        timestamp: book.timestamp,
      };
    },
    bestBid: async () => level(await unwrap(api.bestBid())),
    bestAsk: async () => level(await unwrap(api.bestAsk())),
    mid: async () => decimal(await unwrap(api.mid())),
    spread: async () => decimal(await unwrap(api.spread())),
    vwap: async (side, quantity) => fill(await unwrap(api.vwap(side, String(quantity)))),
    depthToNotional: async (side, notional) =>
      fill(await unwrap(api.depthToNotional(side, String(notional)))),
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

/** The {@link OrderBook} service: the same queries as {@link OrderBookClient}, as Effects. */
export interface OrderBookShape {
  /** The market. */
  readonly symbol: string;
  /** Phase, connection, resync count. */
  readonly status: Effect.Effect<FeedStatus>;
  /** The best `depth` levels of each side. */
  readonly snapshot: (depth?: number) => Effect.Effect<BookSnapshot, BackpackError>;
  /** Best bid. */
  readonly bestBid: Effect.Effect<BookLevel | undefined, BackpackError>;
  /** Best ask. */
  readonly bestAsk: Effect.Effect<BookLevel | undefined, BackpackError>;
  /** Mid price. */
  readonly mid: Effect.Effect<Decimal | undefined, BackpackError>;
  /** Spread. */
  readonly spread: Effect.Effect<Decimal | undefined, BackpackError>;
  /** Fill of `quantity` base units against `side`. */
  readonly vwap: (side: BookSide, quantity: DecimalInput) => Effect.Effect<BookFill, BackpackError>;
  /** Fill spending `notional` quote units against `side`. */
  readonly depthToNotional: (
    side: BookSide,
    notional: DecimalInput,
  ) => Effect.Effect<BookFill, BackpackError>;
  /** The underlying client (for `onTopOfBook` / `onResynced` callbacks). */
  readonly client: OrderBookClient;
}

const attempt = <A>(run: () => Promise<A>): Effect.Effect<A, BackpackError> =>
  Effect.tryPromise({
    try: run,
    catch: (cause) =>
      isBackpackError(cause)
        ? cause
        : new TransportError({ endpoint: "orderbook worker", reason: String(cause) }),
  });

/** Base class of {@link OrderBook} (its type spelled out for JSR); extend or use OrderBook instead. */
export const OrderBookBase: Context.ServiceClass<
  OrderBook,
  "backpack-edge/OrderBook",
  OrderBookShape
> = Context.Service<OrderBook, OrderBookShape>()("backpack-edge/OrderBook");

/** One market's Live order book as a service; {@link OrderBook.layer} starts and closes it. */
export class OrderBook extends OrderBookBase {
  /** A layer that starts the book (see {@link createOrderBook}) and closes it with the scope. */
  static layer(options: CreateOrderBookOptions): Layer.Layer<OrderBook, BackpackError> {
    return Layer.effect(
      OrderBook,
      Effect.acquireRelease(
        attempt(() => createOrderBook(options)),
        (client) => Effect.promise(() => client.close()),
      ).pipe(Effect.map((client): OrderBookShape => ({
        symbol: client.symbol,
        status: Effect.promise(() => client.status()),
        snapshot: (depth) => attempt(() => client.snapshot(depth)),
        bestBid: attempt(() => client.bestBid()),
        bestAsk: attempt(() => client.bestAsk()),
        mid: attempt(() => client.mid()),
        spread: attempt(() => client.spread()),
        vwap: (side, quantity) => attempt(() => client.vwap(side, quantity)),
        depthToNotional: (side, notional) => attempt(() => client.depthToNotional(side, notional)),
        client,
      }))),
    );
  }
}
