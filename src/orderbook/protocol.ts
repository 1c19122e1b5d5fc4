/**
 * The single definition of the order-book worker API (STYLE §2.8): what the main thread may ask the
 * book feed (`book_feed.ts`), whether it runs in a Web Worker, a Node `worker_threads` worker or on
 * the calling thread. Everything here is structured-clone data: decimals are strings, errors travel
 * in the encoded form of `encodeBackpackError` (comlink's throw handler would drop `_tag` and every
 * field; the feed builds them with `wire_errors.ts`, without Effect), so no method ever throws
 * across the boundary; `client.ts` rebuilds the real classes.
 *
 * @module
 */
import type { EncodedBackpackError } from "../errors.ts";
import type { SharedTopBuffer } from "./shared_top.ts";
import type { ResyncReason, SnapshotReason, SyncPhase } from "./sync.ts";
import type { BookSide, Fill, Level } from "./types.ts";

/** A call's outcome as it crosses the boundary: a value or an encoded SDK error. */
export type Result<A> =
  | {
    /** Success. */
    readonly _tag: "Ok";
    /** The value. */
    readonly value: A;
  }
  | {
    /** Failure. */
    readonly _tag: "Err";
    /** The error, encoded with `encodeBackpackError`; decode with `decodeBackpackError`. */
    readonly error: EncodedBackpackError;
  };

/** Wraps a value as an `Ok` {@link Result}. */
export const ok = <A>(value: A): Result<A> => ({ _tag: "Ok", value });

/** Wraps an encoded SDK error (`wire_errors.ts`) as an `Err` {@link Result}. */
export const err = <A>(error: EncodedBackpackError): Result<A> => ({ _tag: "Err", error });

/** Where the feed stands: `Live` is the only phase whose book is served. */
export type FeedPhase = SyncPhase | "Closed";

/** Why the feed threw its book away and synchronised again. */
export type ResyncCause =
  /** The stream broke continuity (gap, bad frame or level). */
  | ResyncReason
  /** A snapshot could not be bridged to the stream (stale or invalid): a new one was fetched. */
  | SnapshotReason
  /** The socket was lost; frames may have been missed while it was down. */
  | { readonly _tag: "Reconnect"; readonly detail: string };

/** The feed's state, always available (never an error). */
export interface FeedStatus {
  /** The market, e.g. `SOL_USDC`. */
  readonly symbol: string;
  /** Current phase. */
  readonly phase: FeedPhase;
  /** Update id of the Live book; undefined when not Live. */
  readonly lastUpdateId: string | undefined;
  /** True while the depth socket is open. */
  readonly connected: boolean;
  /** How many times the book was thrown away and rebuilt. */
  readonly resyncs: number;
  /** The last failure (snapshot fetch, socket), if any, as text. */
  readonly lastError: string | undefined;
}

/** The top `n` levels of a Live book, decimal strings. */
export interface WireBook {
  /** Bids, best (highest) first. */
  readonly bids: ReadonlyArray<Level>;
  /** Asks, best (lowest) first. */
  readonly asks: ReadonlyArray<Level>;
  /** Update id the book is at. */
  readonly lastUpdateId: string;
  /** Engine time (µs) of the last applied frame or snapshot, when known. */
  readonly timestamp: string | undefined;
}

/** Best bid and ask of a Live book, sent when either changes. */
export interface WireTopOfBook {
  /** Best bid, or undefined when there are no bids. */
  readonly bid: Level | undefined;
  /** Best ask, or undefined when there are no asks. */
  readonly ask: Level | undefined;
  /** Update id the book is at. */
  readonly lastUpdateId: string;
  /** When the feed applied that update: ms since the epoch, sub-millisecond precision. */
  readonly appliedAt: number;
}

/** Notifications of the feed, in the order they happened. */
export type FeedEvent =
  | {
    /** The best bid or ask of the Live book changed. */
    readonly type: "topOfBook";
    /** The new top of book. */
    readonly top: WireTopOfBook;
  }
  | {
    /**
     * The Live book turned crossed (inconsistent data): its top is not served (queries fail)
     * until it uncrosses, announced by the next `topOfBook`, or the book is rebuilt.
     */
    readonly type: "topWithdrawn";
    /** Update id of the crossed book. */
    readonly lastUpdateId: string;
  }
  | {
    /** The book was rebuilt and is Live again. */
    readonly type: "resynced";
    /** What broke the previous book (or snapshot). */
    readonly reason: ResyncCause;
    /** Update id of the new Live book. */
    readonly lastUpdateId: string;
  }
  | {
    /** The phase or connection changed. */
    readonly type: "status";
    /** The new status. */
    readonly status: FeedStatus;
  };

/** Options that start a feed (structured-clone data: they are sent to the worker). */
export interface FeedOptions {
  /** Market symbol, e.g. `SOL_USDC_PERP`. */
  readonly symbol: string;
  /** REST base URL. Default `https://api.backpack.exchange`. */
  readonly restUrl?: string;
  /** WebSocket URL. Default `wss://ws.backpack.exchange`. */
  readonly wsUrl?: string;
  /** Buffered frames before the first snapshot request. Default 1. */
  readonly minBufferedBeforeSnapshot?: number;
}

/**
 * The worker API. Every method returns a Promise (comlink makes every call asynchronous; the inline
 * mode follows the same contract) and never rejects: failures are `Err` results.
 */
export interface OrderBookWorkerApi {
  /**
   * Starts the feed (once): opens the depth socket and synchronises. `top` is the buffer the feed
   * publishes its Live top of book into (`shared_top.ts`), a `SharedArrayBuffer` across threads.
   */
  start(options: FeedOptions, top?: SharedTopBuffer): Promise<Result<FeedStatus>>;
  /** The current status. */
  status(): Promise<FeedStatus>;
  /** The best `depth` levels of each side. */
  snapshot(depth: number): Promise<Result<WireBook>>;
  /** Best bid, or undefined when there are no bids. */
  bestBid(): Promise<Result<Level | undefined>>;
  /** Best ask, or undefined when there are no asks. */
  bestAsk(): Promise<Result<Level | undefined>>;
  /** `(bestBid + bestAsk) / 2`; undefined unless both sides have levels. */
  mid(): Promise<Result<string | undefined>>;
  /** `bestAsk - bestBid`; undefined unless both sides have levels. */
  spread(): Promise<Result<string | undefined>>;
  /** Fill of a market order of `quantity` base units against `side` (`"asks"` = buying). */
  vwap(side: BookSide, quantity: string): Promise<Result<Fill>>;
  /** Fill of a market order spending `notional` quote units against `side`. */
  depthToNotional(side: BookSide, notional: string): Promise<Result<Fill>>;
  /** Registers the (single) event listener; in a worker, the MessagePort events are posted to (`event_relay.ts`). */
  listen(listener: (event: FeedEvent) => void): Promise<void>;
  /** Closes the socket, stops every timer and releases the listener. */
  close(): Promise<void>;
}
