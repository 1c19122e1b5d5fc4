/**
 * The shared top of book: the best bid and ask of the Live book, the update id it is at and when
 * that update was applied, published by the feed on every applied frame into a small buffer that
 * the client reads synchronously (`OrderBookClient.peekTop`). In worker mode the buffer is a
 * `SharedArrayBuffer`, so the calling thread reads the worker's latest state with no message hop;
 * inline it is a plain `ArrayBuffer` written and read on the same thread.
 *
 * Layout: a publication counter and two slots (double buffering). A publication writes the slot
 * the counter does not point at, then advances the counter to it; a reader loads the counter,
 * reads the slot it points at and loads the counter again, and retries when it moved (a whole
 * publication landed during the read). A writer stopped halfway (preempted, or its worker
 * terminated) never blocks a reader: the slot being written is not the one readers use. Every
 * access is an `Atomics` load or store, so a read is never torn on any memory model.
 *
 * Values are scaled integers (`OrderBook.updateTopSignature`), each stored as a (high, low) pair
 * of 32-bit words; the update id has a 64-bit slot of its own.
 *
 * @module
 */
import { formatScaled } from "./price_scale.ts";
import type { WireTopOfBook } from "./protocol.ts";
import type { Level } from "./types.ts";

/** The buffer a {@link SharedTopWriter} writes and a {@link SharedTopReader} reads. */
export type SharedTopBuffer = SharedArrayBuffer | ArrayBuffer;

const COUNTER = 0;
/** Words before the first slot. */
const HEADER_WORDS = 4;
/** Words of a slot: state, the two scales, then five (high, low) pairs. */
const SLOT_WORDS = 16;
const STATE = 0;
const PRICE_DECIMALS = 1;
const QUANTITY_DECIMALS = 2;
const BID_PRICE = 3;
const BID_QUANTITY = 5;
const ASK_PRICE = 7;
const ASK_QUANTITY = 9;
const APPLIED_AT_US = 11;
const LIVE = 1;
const WITHDRAWN = 0;
/** Byte offset of the two 64-bit update ids (one per slot). */
const IDS_OFFSET = (HEADER_WORDS + 2 * SLOT_WORDS) * 4;
const TWO_32 = 4294967296;
/** A reader gives up (answers undefined) after this many publications overtook its read. */
const MAX_READ_ATTEMPTS = 1000;

/** Size in bytes of a {@link SharedTopBuffer}. */
export const SHARED_TOP_BYTES: number = IDS_OFFSET + 2 * 8;

/** A fresh buffer: shared where `SharedArrayBuffer` exists and may cross threads, else plain. */
export const sharedTopBuffer = (shared: boolean): SharedTopBuffer =>
  shared ? new SharedArrayBuffer(SHARED_TOP_BYTES) : new ArrayBuffer(SHARED_TOP_BYTES);

/**
 * True when this runtime can hand a `SharedArrayBuffer` to a worker: it has one and, in a browser,
 * the page is cross-origin isolated (otherwise posting one throws).
 */
export const canShareMemory = (): boolean =>
  typeof SharedArrayBuffer === "function" &&
  (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated !== false;

/** Publishes the top of book into a {@link SharedTopBuffer} (the feed's side). */
export class SharedTopWriter {
  readonly #words: Int32Array;
  readonly #ids: BigInt64Array;

  /** Writes into `buffer` (at least {@link SHARED_TOP_BYTES}). */
  constructor(buffer: SharedTopBuffer) {
    this.#words = new Int32Array(buffer, 0, IDS_OFFSET / 4);
    this.#ids = new BigInt64Array(buffer, IDS_OFFSET, 2);
  }

  /**
   * Publishes a Live top: `signature` as `OrderBook.updateTopSignature` fills it (best bid price
   * and quantity, best ask price and quantity, scaled, `-1` for an empty side; then the price and
   * quantity decimals), the update id and when it was applied (ms since the epoch).
   */
  publish(signature: Float64Array, lastUpdateId: bigint, appliedAt: number): void {
    const next = this.#next();
    const base = HEADER_WORDS + (next & 1) * SLOT_WORDS;
    const words = this.#words;
    Atomics.store(words, base + PRICE_DECIMALS, signature[4]);
    Atomics.store(words, base + QUANTITY_DECIMALS, signature[5]);
    this.#wide(base + BID_PRICE, signature[0] + 1);
    this.#wide(base + BID_QUANTITY, signature[1] + 1);
    this.#wide(base + ASK_PRICE, signature[2] + 1);
    this.#wide(base + ASK_QUANTITY, signature[3] + 1);
    this.#wide(base + APPLIED_AT_US, Math.round(appliedAt * 1000));
    Atomics.store(this.#ids, next & 1, lastUpdateId);
    Atomics.store(words, base + STATE, LIVE);
    Atomics.store(words, COUNTER, next);
  }

  /** Withdraws the top (the book is not Live, is crossed or is closed): readers get undefined. */
  withdraw(): void {
    const next = this.#next();
    Atomics.store(this.#words, HEADER_WORDS + (next & 1) * SLOT_WORDS + STATE, WITHDRAWN);
    Atomics.store(this.#words, COUNTER, next);
  }

  /** The next counter value; it wraps around 2^32 but skips 0 ("never published"). */
  #next(): number {
    const next = (Atomics.load(this.#words, COUNTER) + 1) | 0;
    return next === 0 ? 2 : next;
  }

  /** Stores a non-negative integer below 2^53 as a (high, low) pair. */
  #wide(at: number, value: number): void {
    const high = Math.floor(value / TWO_32);
    Atomics.store(this.#words, at, high);
    Atomics.store(this.#words, at + 1, value - high * TWO_32);
  }
}

/** The wire top itself (the default view of a {@link SharedTopReader}). */
const asWire = <T>(top: WireTopOfBook): T => top as unknown as T;

/**
 * Reads the top of book from a {@link SharedTopBuffer} (the client's side), as `view` makes it of
 * the decimal strings (by default the {@link WireTopOfBook} itself).
 */
export class SharedTopReader<T = WireTopOfBook> {
  readonly #words: Int32Array;
  readonly #ids: BigInt64Array;
  readonly #view: (top: WireTopOfBook) => T;
  /** The counter of the last read and its value: an unchanged counter answers without decoding. */
  #counter = Number.NaN;
  #value: T | undefined;

  /** Reads `buffer` (at least {@link SHARED_TOP_BYTES}), each new top once through `view`. */
  constructor(buffer: SharedTopBuffer, view: (top: WireTopOfBook) => T = asWire) {
    this.#words = new Int32Array(buffer, 0, IDS_OFFSET / 4);
    this.#ids = new BigInt64Array(buffer, IDS_OFFSET, 2);
    this.#view = view;
  }

  /**
   * The latest published top (the same object while nothing new was published); undefined when
   * none is Live (or none was ever published).
   */
  read(): T | undefined {
    const words = this.#words;
    for (let attempt = 0; attempt < MAX_READ_ATTEMPTS; attempt++) {
      const counter = Atomics.load(words, COUNTER);
      if (counter === this.#counter) return this.#value;
      if (counter === 0) return undefined; // never published
      const base = HEADER_WORDS + (counter & 1) * SLOT_WORDS;
      const wire = Atomics.load(words, base + STATE) === LIVE
        ? this.#decode(base, counter & 1)
        : undefined;
      if (Atomics.load(words, COUNTER) !== counter) continue;
      this.#counter = counter;
      this.#value = wire === undefined ? undefined : this.#view(wire);
      return this.#value;
    }
    return undefined;
  }

  #decode(base: number, slot: number): WireTopOfBook {
    const pd = Atomics.load(this.#words, base + PRICE_DECIMALS);
    const qd = Atomics.load(this.#words, base + QUANTITY_DECIMALS);
    return {
      bid: this.#level(base + BID_PRICE, base + BID_QUANTITY, pd, qd),
      ask: this.#level(base + ASK_PRICE, base + ASK_QUANTITY, pd, qd),
      lastUpdateId: String(Atomics.load(this.#ids, slot)),
      appliedAt: this.#wide(base + APPLIED_AT_US) / 1000,
    };
  }

  #level(price: number, quantity: number, pd: number, qd: number): Level | undefined {
    const p = this.#wide(price) - 1;
    return p < 0 ? undefined : [formatScaled(p, pd), formatScaled(this.#wide(quantity) - 1, qd)];
  }

  #wide(at: number): number {
    return Atomics.load(this.#words, at) * TWO_32 + (Atomics.load(this.#words, at + 1) >>> 0);
  }
}
