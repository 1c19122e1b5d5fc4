/**
 * Plain-data types of the order-book engine: what goes in (wire-shaped depth snapshots and
 * diffs, exactly as decoded from JSON) and what comes out (decimal-string levels and fills).
 * Everything here is structured-clone friendly so the engine can live in a Web Worker.
 *
 * @module
 */

/** A side of the book. `"bids"` are buy orders (best = highest), `"asks"` sell orders (best = lowest). */
export type BookSide = "bids" | "asks";

/** One price level as it travels on the wire and out of the engine: `[price, quantity]` decimal strings. */
export type Level = readonly [price: string, quantity: string];

/** An update id or timestamp as Backpack sends it: int64 as a JSON string or number. */
export type WireInteger = string | number | bigint;

/**
 * A REST depth snapshot (`GET /api/v1/depth`, REFERENCE §3.2). Levels may come in any order
 * (bids arrive ascending); a zero quantity is skipped.
 */
export interface DepthSnapshot {
  /** Ask levels `[price, quantity]`. */
  readonly asks: ReadonlyArray<Level>;
  /** Bid levels `[price, quantity]`. */
  readonly bids: ReadonlyArray<Level>;
  /** Id of the last engine update included in the snapshot (int64). */
  readonly lastUpdateId: WireInteger;
  /** Snapshot time in microseconds. */
  readonly timestamp?: WireInteger;
}

/**
 * The `data` object of a `depth.<symbol>` frame (REFERENCE §6.5): absolute level sizes for the
 * updates `U..u`; `"0"` removes a level.
 */
export interface DepthDiff {
  /** First update id in this event. */
  readonly U: WireInteger;
  /** Last update id in this event. */
  readonly u: WireInteger;
  /** Ask levels `[price, absolute quantity]`. */
  readonly a: ReadonlyArray<Level>;
  /** Bid levels `[price, absolute quantity]`. */
  readonly b: ReadonlyArray<Level>;
  /** Engine time in microseconds. */
  readonly T?: WireInteger;
  /** Event time in microseconds. */
  readonly E?: WireInteger;
}

/** Why a decimal string could not be turned into a scaled integer. */
export type RejectionReason =
  /** Not a plain non-negative decimal literal (`"1.5"`, `"0.000"`, `".5"`). */
  | "syntax"
  /** The scaled integer would exceed `Number.MAX_SAFE_INTEGER` (2^53 - 1). */
  | "unsafe";

/** A decimal string the engine refused; nothing after it in the same call was applied. */
export interface Rejection {
  /** Discriminant. */
  readonly _tag: "Rejected";
  /** Why the text was refused. */
  readonly reason: RejectionReason;
  /** The offending text. */
  readonly input: string;
}

/** The outcome of a book mutation: `{ _tag: "Applied" }` or a {@link Rejection}. */
export type ApplyResult = { readonly _tag: "Applied" } | Rejection;

/**
 * The result of walking one side of the book from the best level (a simulated market order).
 * All amounts are normalised decimal strings (no trailing zeros).
 */
export interface Fill {
  /** Discriminant (against {@link Rejection}). */
  readonly _tag: "Fill";
  /** Base quantity taken. */
  readonly quantity: string;
  /** Quote amount spent/received: sum of price × quantity over the levels taken. */
  readonly notional: string;
  /** `notional / quantity`, rounded half-up to the price precision + 8 decimals; undefined when nothing was taken. */
  readonly averagePrice: string | undefined;
  /** Price of the last level touched; undefined when nothing was taken. */
  readonly worstPrice: string | undefined;
  /** Number of levels touched (the last one possibly partially). */
  readonly levels: number;
  /** True when the book held enough to satisfy the whole request. */
  readonly complete: boolean;
}

/** Both sides of a book, best level first. */
export interface BookLevels {
  /** Bids, highest price first. */
  readonly bids: ReadonlyArray<Level>;
  /** Asks, lowest price first. */
  readonly asks: ReadonlyArray<Level>;
}
