/**
 * The `Decimal` views of the order book the client hands out ({@link BookLevel},
 * {@link BookSnapshot}, {@link TopOfBook}, {@link BookFill}) and their conversion from the decimal
 * strings the feed sends across the worker boundary ({@link WireBook}, {@link WireTopOfBook},
 * {@link Fill}).
 *
 * @module
 */
import { Decimal } from "../decimal.ts";
import type { WireBook, WireTopOfBook } from "./protocol.ts";
import type { Fill, Level } from "./types.ts";

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
  /**
   * When the book applied that update: ms since the epoch with sub-millisecond precision
   * (comparable with `Date.now()`: `Date.now() - appliedAt` is the age of that update).
   */
  readonly appliedAt: number;
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

/** A wire level as `Decimal`s; undefined stays undefined. */
export const toBookLevel = (l: Level | undefined): BookLevel | undefined =>
  l === undefined ? undefined : [new Decimal(l[0]), new Decimal(l[1])];

/** A decimal string as a `Decimal`; undefined stays undefined. */
export const toDecimal = (text: string | undefined): Decimal | undefined =>
  text === undefined ? undefined : new Decimal(text);

/** A wire fill as a {@link BookFill}. */
export const toBookFill = (f: Fill): BookFill => ({
  quantity: new Decimal(f.quantity),
  notional: new Decimal(f.notional),
  averagePrice: toDecimal(f.averagePrice),
  worstPrice: toDecimal(f.worstPrice),
  levels: f.levels,
  complete: f.complete,
});

/** A wire book as a {@link BookSnapshot}. */
export const toBookSnapshot = (book: WireBook): BookSnapshot => ({
  bids: book.bids.map((l) => toBookLevel(l)!),
  asks: book.asks.map((l) => toBookLevel(l)!),
  lastUpdateId: book.lastUpdateId,
  timestamp: book.timestamp,
});

/** A wire top of book as a {@link TopOfBook}. */
export const toTopOfBook = (top: WireTopOfBook): TopOfBook => ({
  bid: toBookLevel(top.bid),
  ask: toBookLevel(top.ask),
  lastUpdateId: top.lastUpdateId,
  appliedAt: top.appliedAt,
});
