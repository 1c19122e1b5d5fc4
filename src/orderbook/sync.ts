/**
 * The depth synchronisation state machine of REFERENCE §6.6, pure: feed it `depth.<symbol>`
 * frames ({@link BookSync.onDiff}) and REST snapshots ({@link BookSync.onSnapshot}); it answers
 * with {@link SyncAction}s for its owner (the worker holding the socket) to act on.
 *
 * Phases: `Buffering` (no verified book yet) → `Live` (snapshot plus a continuous diff chain) →
 * on any gap `Resyncing` (book cleared, frames buffered, a new snapshot requested) → `Live`.
 * The book is only handed out while `Live`.
 *
 * Continuity: a frame covering `U..u` applies on top of update id `c` when `U <= c + 1 <= u`
 * (sizes are absolute, so an overlapping frame still lands on the exact state at `u`). The first
 * frame after a snapshot must satisfy this with `c = lastUpdateId`; afterwards it reduces to the
 * documented `U == prev u + 1` for a well-formed stream. `u <= c` is a duplicate and is ignored.
 *
 * @module
 */
import { OrderBook, type OrderBookOptions } from "./book.ts";
import type { DepthDiff, DepthSnapshot, Rejection, WireInteger } from "./types.ts";

/** Where the machine stands; the book is served only in `Live`. */
export type SyncPhase = "Buffering" | "Live" | "Resyncing";

/** Why a Live book was thrown away. */
export type ResyncReason =
  /** A frame did not continue the chain: `expected` was the next id, `received` the frame's `U`. */
  | { readonly _tag: "Gap"; readonly expected: string; readonly received: string }
  /** A frame carried a level the book cannot hold. */
  | { readonly _tag: "InvalidLevel"; readonly rejection: Rejection }
  /** A frame's ids were not integers, or `U > u`. */
  | { readonly _tag: "InvalidFrame"; readonly U: string; readonly u: string };

/** Why a snapshot is needed. */
export type SnapshotReason =
  /** The first frames have been buffered. */
  | { readonly _tag: "Initial" }
  /** The previous book was thrown away (a `resync` action precedes this one). */
  | { readonly _tag: "Resync" }
  /** The snapshot is older than the buffered stream: ids `snapshotId + 1 .. firstBuffered - 1` are missing. */
  | { readonly _tag: "StaleSnapshot"; readonly snapshotId: string; readonly firstBuffered: string }
  /** The snapshot could not be used (bad id or level). */
  | { readonly _tag: "InvalidSnapshot"; readonly detail: string };

/** What the owner must do (or may report) after an input. */
export type SyncAction =
  /** Fetch `GET /api/v1/depth` and pass it to {@link BookSync.onSnapshot}. */
  | { readonly type: "needSnapshot"; readonly reason: SnapshotReason }
  /** The book was invalidated and cleared; the machine is `Resyncing`. */
  | { readonly type: "resync"; readonly reason: ResyncReason }
  /** The Live book changed; it is now at `lastUpdateId` after `frames` more frames. */
  | { readonly type: "applied"; readonly lastUpdateId: string; readonly frames: number };

/** Options of a {@link BookSync}. */
export interface BookSyncOptions {
  /** Initial scale of the book (e.g. from the market's tick and step sizes). */
  readonly book?: OrderBookOptions;
  /** Frames to buffer before the first `needSnapshot` (ccxt waits for ~10). Default 1. */
  readonly minBufferedBeforeSnapshot?: number;
  /** Most frames kept while waiting for a snapshot; older ones are dropped. Default 10 000. */
  readonly maxBuffered?: number;
}

interface Buffered {
  readonly first: bigint;
  readonly last: bigint;
  readonly frame: DepthDiff;
}

const toId = (value: WireInteger): bigint | undefined => {
  try {
    return BigInt(value);
  } catch {
    return undefined;
  }
};

type Step = "applied" | "duplicate" | "gap" | Rejection;

/** One market's book kept in sync with the depth stream. */
export class BookSync {
  private readonly orderBook: OrderBook;
  private readonly minBuffered: number;
  private readonly maxBuffered: number;
  private state: SyncPhase = "Buffering";
  private buffer: Buffered[] = [];
  private requested = false;
  /** Update id the book is at; set once a snapshot is applied (Live or awaiting its first frame). */
  private current: bigint | undefined;
  /** As received (rendered as text on read: the hot path does not format it per frame). */
  private time: WireInteger | undefined;

  /** Creates a machine in `Buffering`; see {@link BookSyncOptions}. */
  constructor(options: BookSyncOptions = {}) {
    this.orderBook = new OrderBook(options.book);
    this.minBuffered = Math.max(1, options.minBufferedBeforeSnapshot ?? 1);
    this.maxBuffered = Math.max(1, options.maxBuffered ?? 10_000);
  }

  /** The current phase. */
  get phase(): SyncPhase {
    return this.state;
  }

  /** The book, only while `Live` (never a stale or partial one). */
  book(): OrderBook | undefined {
    return this.state === "Live" ? this.orderBook : undefined;
  }

  /** Update id of the Live book; undefined when not `Live`. */
  get lastUpdateId(): string | undefined {
    return this.state === "Live" ? String(this.current) : undefined;
  }

  /** Update id of the Live book as an integer; undefined when not `Live`. */
  get updateId(): bigint | undefined {
    return this.state === "Live" ? this.current : undefined;
  }

  /** Engine time (µs) of the last applied frame (or the snapshot); undefined when not `Live`. */
  get timestamp(): string | undefined {
    return this.state === "Live" && this.time !== undefined ? String(this.time) : undefined;
  }

  /** Number of frames waiting for a snapshot. */
  get buffered(): number {
    return this.buffer.length;
  }

  /** Handles one `depth.<symbol>` frame. */
  onDiff(frame: DepthDiff): ReadonlyArray<SyncAction> {
    const first = toId(frame.U);
    const last = toId(frame.u);
    if (first === undefined || last === undefined || first > last) {
      return this.invalidate({ _tag: "InvalidFrame", U: String(frame.U), u: String(frame.u) });
    }
    if (this.current !== undefined) return this.onChained(first, last, frame);
    return this.enqueue({ first, last, frame });
  }

  /** Handles a REST depth snapshot (ignored while `Live`: the stream already carries the book). */
  onSnapshot(snapshot: DepthSnapshot): ReadonlyArray<SyncAction> {
    if (this.state === "Live") return [];
    this.requested = false;
    const id = toId(snapshot.lastUpdateId);
    if (id === undefined) {
      return this.request({
        _tag: "InvalidSnapshot",
        detail: `lastUpdateId ${String(snapshot.lastUpdateId)}`,
      });
    }
    const pending = this.buffer.filter((b) => b.last > id);
    this.buffer = pending;
    if (pending.length > 0 && pending[0].first > id + 1n) {
      return this.request({
        _tag: "StaleSnapshot",
        snapshotId: String(id),
        firstBuffered: String(pending[0].first),
      });
    }
    const result = this.orderBook.applySnapshot(snapshot);
    if (result._tag === "Rejected") {
      return this.request({ _tag: "InvalidSnapshot", detail: `${result.reason}: ${result.input}` });
    }
    this.current = id;
    this.time = snapshot.timestamp;
    this.buffer = [];
    let applied = 0;
    for (const { first, last, frame } of pending) {
      const step = this.step(first, last, frame);
      if (step === "applied") applied++;
      else if (typeof step === "object") {
        return this.invalidate({ _tag: "InvalidLevel", rejection: step });
      }
      // The buffer is kept gap-free, and the first pending frame bridges the snapshot.
    }
    if (applied === 0) return []; // Wait for the first frame that bridges the snapshot.
    this.state = "Live";
    return [{ type: "applied", lastUpdateId: String(this.current), frames: applied }];
  }

  /** A frame arriving after a snapshot was applied (Live, or waiting for the bridging frame). */
  private onChained(first: bigint, last: bigint, frame: DepthDiff): ReadonlyArray<SyncAction> {
    const before = this.current!;
    const step = this.step(first, last, frame);
    if (step === "duplicate") return [];
    if (step === "applied") {
      this.state = "Live";
      return [{ type: "applied", lastUpdateId: String(last), frames: 1 }];
    }
    if (step === "gap" && this.state !== "Live") {
      // The snapshot is older than the stream now reaching us.
      const snapshotId = String(this.current);
      this.reset();
      this.buffer = [{ first, last, frame }];
      return this.request({ _tag: "StaleSnapshot", snapshotId, firstBuffered: String(first) });
    }
    const reason: ResyncReason = step === "gap"
      ? { _tag: "Gap", expected: String(before + 1n), received: String(first) }
      : { _tag: "InvalidLevel", rejection: step };
    const actions = this.invalidate(reason);
    if (step === "gap") this.buffer = [{ first, last, frame }];
    return actions;
  }

  /** Applies a frame on top of `current` when it continues the chain. */
  private step(first: bigint, last: bigint, frame: DepthDiff): Step {
    const current = this.current!;
    if (last <= current) return "duplicate";
    if (first > current + 1n) return "gap";
    const bids = this.orderBook.applyLevels("bids", frame.b);
    if (bids._tag === "Rejected") return bids;
    const asks = this.orderBook.applyLevels("asks", frame.a);
    if (asks._tag === "Rejected") return asks;
    this.current = last;
    if (frame.T !== undefined) this.time = frame.T;
    return "applied";
  }

  /** Buffers a frame while no snapshot is applied, keeping the buffer gap-free. */
  private enqueue(entry: Buffered): ReadonlyArray<SyncAction> {
    const tail = this.buffer[this.buffer.length - 1];
    if (tail !== undefined) {
      if (entry.last <= tail.last) return []; // duplicate or late frame
      if (entry.first > tail.last + 1n) this.buffer = []; // gap: what came before is useless
    }
    this.buffer.push(entry);
    if (this.buffer.length > this.maxBuffered) this.buffer.shift();
    if (this.requested || this.buffer.length < this.minBuffered) return [];
    return this.request(this.state === "Resyncing" ? { _tag: "Resync" } : { _tag: "Initial" });
  }

  /** Throws the book away and asks for a new snapshot. */
  private invalidate(reason: ResyncReason): ReadonlyArray<SyncAction> {
    this.reset();
    this.state = "Resyncing";
    // A snapshot already on its way is still good: it is checked against the stream on arrival.
    const fetch = this.requested ? [] : this.request({ _tag: "Resync" });
    return [{ type: "resync", reason }, ...fetch];
  }

  private reset(): void {
    this.orderBook.clear();
    this.current = undefined;
    this.time = undefined;
    this.buffer = [];
    if (this.state === "Live") this.state = "Resyncing";
  }

  private request(reason: SnapshotReason): ReadonlyArray<SyncAction> {
    this.requested = true;
    return [{ type: "needSnapshot", reason }];
  }
}
