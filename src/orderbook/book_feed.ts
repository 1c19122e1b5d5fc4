/**
 * The book feed: one market's order book kept Live from the `depth.<symbol>` stream and REST
 * snapshots (REFERENCE §6.6), without the Effect runtime, so it runs inside the order-book worker
 * or on the calling thread (Cloudflare Workers) unchanged.
 *
 * - {@link BookFeed} is the transport-free engine: frames, snapshots and connection changes in;
 *   queries ({@link Result}s) and {@link FeedEvent}s out. It drives {@link BookSync}, throws the
 *   book away on a gap, a bad frame, a stale snapshot or a reconnect, and emits `resynced` once
 *   Live again. It never serves a book that is not Live (nor a crossed one): queries then fail with
 *   `SequenceGapError` (continuity lost) or `UnavailableError` (`BOOK_SYNCING`, `BOOK_CLOSED`).
 * - `feed_api.ts` wires it to the shared reconnecting socket and `fetch`: that is the API the worker
 *   exposes and the inline client calls directly.
 *
 * @module
 */
import type { EncodedBackpackError } from "../errors.ts";
import type {
  FeedEvent,
  FeedPhase,
  FeedStatus,
  Result,
  ResyncCause,
  WireBook,
} from "./protocol.ts";
import { err, ok } from "./protocol.ts";
import { BookSync, type SyncAction } from "./sync.ts";
import type { BookSide, DepthDiff, DepthSnapshot, Fill, Level } from "./types.ts";
import type { OrderBook } from "./book.ts";
import { type SharedTopBuffer, SharedTopWriter } from "./shared_top.ts";
import {
  invalidInputError,
  sequenceGapError,
  unavailableError,
  type WireError,
} from "./wire_errors.ts";

const isLevels = (u: unknown): u is Level[] =>
  Array.isArray(u) &&
  u.every((l) => Array.isArray(l) && typeof l[0] === "string" && typeof l[1] === "string");
const isId = (u: unknown): boolean => typeof u === "string" || typeof u === "number";
const object = (u: unknown): Record<string, unknown> =>
  typeof u === "object" && u !== null ? u as Record<string, unknown> : {};

/** The top-of-book key while the Live book is crossed (never a real key: those contain "/"). */
const CROSSED_TOP = "crossed";

/** A frame whose ids cannot be read: {@link BookSync} treats it as `InvalidFrame`. */
const UNREADABLE: DepthDiff = { U: "unreadable", u: "unreadable", a: [], b: [] };
/** A snapshot whose id cannot be read: {@link BookSync} asks for a new one. */
const UNREADABLE_SNAPSHOT: DepthSnapshot = { lastUpdateId: "unreadable", bids: [], asks: [] };

/** Minimal decoding of a `depth` frame's `data` (the worker has no Schema runtime in the hot path). */
const decodeDiff = (data: unknown): DepthDiff => {
  const d = object(data);
  return isId(d.U) && isId(d.u) && isLevels(d.a) && isLevels(d.b)
    ? d as unknown as DepthDiff
    : UNREADABLE;
};

/** Minimal decoding of a `GET /api/v1/depth` body. */
export const decodeSnapshot = (body: unknown): DepthSnapshot => {
  const d = object(body);
  return isId(d.lastUpdateId) && isLevels(d.bids) && isLevels(d.asks)
    ? d as unknown as DepthSnapshot
    : UNREADABLE_SNAPSHOT;
};

/** Options of a {@link BookFeed}. */
export interface BookFeedOptions {
  /** Market symbol. */
  readonly symbol: string;
  /** Called when a REST snapshot is needed; answer with {@link BookFeed.onSnapshot}. */
  readonly requestSnapshot: () => void;
  /** Buffered frames before the first snapshot request. Default 1. */
  readonly minBufferedBeforeSnapshot?: number;
  /** Where the Live top of book is published on every applied frame (`shared_top.ts`). */
  readonly topBuffer?: SharedTopBuffer;
  /** Wall clock of `appliedAt` (ms since the epoch). Default: {@link preciseNow}. */
  readonly now?: () => number;
}

/**
 * Milliseconds since the epoch with sub-millisecond precision, on one clock for every thread of
 * the process (`performance.timeOrigin + performance.now()`); `Date.now()` where the runtime has
 * no `timeOrigin`.
 */
export const preciseNow = (): () => number => {
  const origin = typeof performance === "object" ? performance.timeOrigin : undefined;
  return typeof origin === "number" && origin > 0
    ? () => origin + performance.now()
    : () => Date.now();
};

/** The transport-free feed engine (see the module documentation). */
export class BookFeed {
  readonly #options: BookFeedOptions;
  /** Replaced (never mutated) on every change, so an emit iterates a stable snapshot. */
  #listeners: ReadonlyArray<(event: FeedEvent) => void> = [];
  #sync: BookSync;
  #closed = false;
  #connected = false;
  #resyncs = 0;
  #lastError: string | undefined;
  /** What broke the last Live book; cleared when Live again. */
  #cause: ResyncCause | undefined;
  /** Update id of the last Live book (for the error of a query while resyncing). */
  #lastLiveId: string | undefined;
  /** Key of the last top of book seen while Live; `""` until the first one after (re)sync. */
  #top = "";
  /** Scaled form of the same top ({@link OrderBook.updateTopSignature}), compared first. */
  readonly #topSignature = new Float64Array(6).fill(-2);
  readonly #shared: SharedTopWriter | undefined;
  readonly #now: () => number;

  /** Creates a feed in `Buffering`. */
  constructor(options: BookFeedOptions) {
    this.#options = options;
    this.#sync = this.#newSync();
    this.#shared = options.topBuffer === undefined
      ? undefined
      : new SharedTopWriter(options.topBuffer);
    this.#now = options.now ?? preciseNow();
  }

  /** The market. */
  get symbol(): string {
    return this.#options.symbol;
  }

  /** The current phase. */
  get phase(): FeedPhase {
    return this.#closed ? "Closed" : this.#sync.phase;
  }

  /** The Live book itself (for in-process checks); undefined unless Live. */
  liveBook(): OrderBook | undefined {
    return this.#closed ? undefined : this.#sync.book();
  }

  /** Adds an event listener; returns its removal. */
  onEvent(listener: (event: FeedEvent) => void): () => void {
    if (!this.#listeners.includes(listener)) this.#listeners = [...this.#listeners, listener];
    return () => void (this.#listeners = this.#listeners.filter((l) => l !== listener));
  }

  /** The current status. */
  status(): FeedStatus {
    return {
      symbol: this.symbol,
      phase: this.phase,
      lastUpdateId: this.#closed ? undefined : this.#sync.lastUpdateId,
      connected: this.#connected,
      resyncs: this.#resyncs,
      lastError: this.#lastError,
    };
  }

  /** Handles the `data` of one `depth.<symbol>` frame. */
  onFrame(data: unknown): void {
    if (!this.#closed) this.#act(this.#sync.onDiff(decodeDiff(data)));
  }

  /** Handles a REST snapshot body. */
  onSnapshot(body: unknown): void {
    if (!this.#closed) this.#act(this.#sync.onSnapshot(decodeSnapshot(body)));
  }

  /** Records a failed snapshot fetch (the owner retries). */
  onSnapshotFailed(reason: string): void {
    this.#lastError = `snapshot: ${reason}`;
  }

  /** The socket is open (again). */
  onConnected(): void {
    if (this.#closed || this.#connected) return;
    this.#connected = true;
    this.#emitStatus();
  }

  /**
   * The socket was lost: frames may be missed, so the book is thrown away now (never served while
   * the stream is down) and rebuilt from the next frames and a fresh snapshot.
   */
  onDisconnected(reason: string): void {
    if (this.#closed) return;
    this.#connected = false;
    this.#lastError = `socket: ${reason}`;
    const wasLive = this.#sync.phase === "Live";
    if (wasLive) this.#lastLiveId = this.#sync.lastUpdateId;
    if (wasLive || this.#cause !== undefined) {
      this.#cause ??= { _tag: "Reconnect", detail: reason };
    }
    this.#sync = this.#newSync();
    this.#forgetTop();
    this.#emitStatus();
  }

  /** True while a snapshot should be fetched (not Live, not closed). */
  get wantsSnapshot(): boolean {
    return !this.#closed && this.#sync.phase !== "Live";
  }

  /** The best `depth` levels of each side. */
  snapshot(depth: number): Result<WireBook> {
    return this.#query((book) => ({
      ...book.top(Math.max(0, Math.floor(depth))),
      lastUpdateId: this.#sync.lastUpdateId!,
      timestamp: this.#sync.timestamp,
    }));
  }

  /** Best bid. */
  bestBid(): Result<Level | undefined> {
    return this.#query((book) => book.bestBid());
  }

  /** Best ask. */
  bestAsk(): Result<Level | undefined> {
    return this.#query((book) => book.bestAsk());
  }

  /** Mid price. */
  mid(): Result<string | undefined> {
    return this.#query((book) => book.mid());
  }

  /** Spread. */
  spread(): Result<string | undefined> {
    return this.#query((book) => book.spread());
  }

  /** Fill of `quantity` base units against `side`. */
  vwap(side: BookSide, quantity: string): Result<Fill> {
    return this.#fill(side, quantity, "quantity", (book) => book.vwap(side, quantity));
  }

  /** Fill spending `notional` quote units against `side`. */
  depthToNotional(side: BookSide, notional: string): Result<Fill> {
    return this.#fill(side, notional, "notional", (book) => book.depthToNotional(side, notional));
  }

  /** Stops serving and drops the listeners. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#connected = false;
    this.#shared?.withdraw();
    this.#emitStatus();
    this.#listeners = [];
  }

  #newSync(): BookSync {
    const min = this.#options.minBufferedBeforeSnapshot;
    return new BookSync(min === undefined ? {} : { minBufferedBeforeSnapshot: min });
  }

  #fill(
    side: BookSide,
    input: string,
    field: string,
    walk: (book: OrderBook) => ReturnType<OrderBook["vwap"]>,
  ): Result<Fill> {
    if (side !== "bids" && side !== "asks") {
      return err(invalidInput("side", `expected "bids" or "asks", got ${String(side)}`));
    }
    const result = this.#query(walk);
    if (result._tag === "Ok" && result.value._tag === "Rejected") {
      return err(invalidInput(field, `not a non-negative decimal: ${input}`));
    }
    return result as Result<Fill>;
  }

  #query<A>(read: (book: OrderBook) => A): Result<A> {
    const book = this.liveBook();
    // A crossed book is never served: it means the stream or snapshot was inconsistent.
    if (book === undefined || book.isCrossed()) return err(this.#notLive());
    return ok(read(book));
  }

  #notLive(): EncodedBackpackError {
    const symbol = this.symbol;
    if (this.#closed) {
      return unavailableError({
        endpoint: `depth.${symbol}`,
        status: 0,
        code: "BOOK_CLOSED",
        detail: "the order book was closed",
      });
    }
    const cause = this.#cause;
    if (cause === undefined) {
      return unavailableError({
        endpoint: `depth.${symbol}`,
        status: 0,
        code: "BOOK_SYNCING",
        detail: `the order book is not Live yet (${this.#sync.phase})`,
      });
    }
    return sequenceGapError({
      symbol,
      expected: this.#expectedOf(cause),
      received: receivedOf(cause),
    });
  }

  #expectedOf(cause: ResyncCause): string {
    if (cause._tag === "Gap") return cause.expected;
    if (cause._tag === "StaleSnapshot") return String(BigInt(cause.snapshotId) + 1n);
    return this.#lastLiveId === undefined ? "?" : String(BigInt(this.#lastLiveId) + 1n);
  }

  #act(actions: ReadonlyArray<SyncAction>): void {
    for (const action of actions) {
      if (action.type === "needSnapshot") {
        if (action.reason._tag !== "Initial" && action.reason._tag !== "Resync") {
          this.#cause ??= action.reason;
        }
        this.#options.requestSnapshot();
      } else if (action.type === "resync") {
        this.#cause ??= action.reason;
        this.#forgetTop();
        this.#emitStatus();
      } else this.#applied(action.lastUpdateId);
    }
  }

  #applied(lastUpdateId: string): void {
    this.#lastLiveId = lastUpdateId;
    const cause = this.#cause;
    const becameLive = this.#top === "";
    if (cause !== undefined) {
      this.#cause = undefined;
      this.#resyncs++;
      this.#emit({ type: "resynced", reason: cause, lastUpdateId });
    }
    if (becameLive) this.#emitStatus();
    const book = this.#sync.book()!;
    // Unchanged scaled values at unchanged scales: the same top, nothing to format or compare.
    const moved = book.updateTopSignature(this.#topSignature);
    if (moved && book.isCrossed()) {
      // Withdrawn and said once; the next uncrossed top differs from the marker, so it is
      // announced again.
      if (this.#top !== CROSSED_TOP) {
        this.#shared?.withdraw();
        this.#emit({ type: "topWithdrawn", lastUpdateId });
      }
      this.#top = CROSSED_TOP;
      return;
    }
    if (this.#top === CROSSED_TOP && !moved) return; // still crossed
    const appliedAt = this.#now();
    this.#shared?.publish(this.#topSignature, this.#sync.updateId!, appliedAt);
    if (!moved) return;
    const bid = book.bestBid();
    const ask = book.bestAsk();
    const key = `${bid?.[0]}/${bid?.[1]}/${ask?.[0]}/${ask?.[1]}`;
    if (key === this.#top) return;
    this.#top = key;
    this.#emit({ type: "topOfBook", top: { bid, ask, lastUpdateId, appliedAt } });
  }

  #forgetTop(): void {
    this.#top = "";
    this.#topSignature.fill(-2);
    this.#shared?.withdraw();
  }

  #emitStatus(): void {
    this.#emit({ type: "status", status: this.status() });
  }

  #emit(event: FeedEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}

const receivedOf = (cause: ResyncCause): string => {
  switch (cause._tag) {
    case "Gap":
      return cause.received;
    case "StaleSnapshot":
      return cause.firstBuffered;
    case "Reconnect":
      return `reconnect (${cause.detail})`;
    case "InvalidFrame":
      return `invalid frame ${cause.U}..${cause.u}`;
    case "InvalidLevel":
      return `invalid level ${cause.rejection.input}`;
    default:
      return cause._tag;
  }
};

const invalidInput = (field: string, detail: string): WireError<"InvalidInputError"> =>
  invalidInputError({ field, reason: "Malformed", detail });
