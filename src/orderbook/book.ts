/**
 * The order book: two sorted sides over scaled integers (see `book_side.ts`), fed with decimal
 * strings and queried with decimal strings. Prices and quantities are parsed digit by digit
 * (`price_scale.ts`) at a per-book scale; when a level carries more decimals than the scale, the
 * whole book is rescaled once (as long as every value stays a safe integer). Aggregates
 * (mid, VWAP, depth-to-notional) are computed exactly with `bigint`.
 *
 * Pure and synchronous: no I/O, no Effect, plain data in and out.
 *
 * @module
 */
import { BookSideArray } from "./book_side.ts";
import {
  type Fixed,
  formatScaled,
  fractionDigits,
  MAX_DECIMALS,
  parseFixed,
  parseScaled,
  pow10,
  SCALE_SYNTAX,
  SCALE_TOO_PRECISE,
  SCALE_UNSAFE,
  upscale,
} from "./price_scale.ts";
import type {
  ApplyResult,
  BookLevels,
  BookSide,
  Fill,
  Level,
  Rejection,
  RejectionReason,
} from "./types.ts";

/** Extra decimals (beyond the price precision) of {@link Fill.averagePrice}. */
export const AVERAGE_EXTRA_DECIMALS = 8;

/** Initial scale of an {@link OrderBook}; both grow on demand. */
export interface OrderBookOptions {
  /** Decimals of prices (the market's `tickSize` decimals). Default 0. */
  readonly priceDecimals?: number;
  /** Decimals of quantities (the market's `stepSize` decimals). Default 0. */
  readonly quantityDecimals?: number;
}

const APPLIED: ApplyResult = Object.freeze({ _tag: "Applied" as const });

const rejection = (reason: RejectionReason, input: string): Rejection => ({
  _tag: "Rejected",
  reason,
  input,
});

/** An order book over scaled integer prices. */
export class OrderBook {
  /** Builds a book scaled for a market's `filters.price.tickSize` and `filters.quantity.stepSize`. */
  static forMarket(filters: { readonly tickSize: string; readonly stepSize: string }): OrderBook {
    return new OrderBook({
      priceDecimals: fractionDigits(filters.tickSize),
      quantityDecimals: fractionDigits(filters.stepSize),
    });
  }

  private readonly bidSide: BookSideArray = new BookSideArray(1);
  private readonly askSide: BookSideArray = new BookSideArray(-1);
  private pd: number;
  private qd: number;
  private failure: RejectionReason | undefined;

  /** Creates an empty book; see {@link OrderBookOptions}. */
  constructor(options: OrderBookOptions = {}) {
    this.pd = Math.min(MAX_DECIMALS, Math.max(0, options.priceDecimals ?? 0));
    this.qd = Math.min(MAX_DECIMALS, Math.max(0, options.quantityDecimals ?? 0));
  }

  /** Current number of price decimals (grows when finer prices arrive). */
  get priceDecimals(): number {
    return this.pd;
  }

  /** Current number of quantity decimals (grows when finer quantities arrive). */
  get quantityDecimals(): number {
    return this.qd;
  }

  /** Number of levels on `side`. */
  depth(side: BookSide): number {
    return this.side(side).length;
  }

  /** Removes every level. */
  clear(): void {
    this.bidSide.clear();
    this.askSide.clear();
  }

  /**
   * Replaces the whole book with a snapshot (levels in any order; zero sizes skipped).
   * On a {@link Rejection} the book is left empty.
   */
  applySnapshot(snapshot: Pick<BookLevels, "bids" | "asks">): ApplyResult {
    this.clear();
    // A rescale while parsing makes earlier values stale: parse again until the scale is stable.
    for (;;) {
      const pd = this.pd;
      const qd = this.qd;
      const bids = this.parseAll(snapshot.bids);
      if (!Array.isArray(bids)) return bids;
      const asks = this.parseAll(snapshot.asks);
      if (!Array.isArray(asks)) return asks;
      if (pd === this.pd && qd === this.qd) {
        this.bidSide.load(bids[0], bids[1]);
        this.askSide.load(asks[0], asks[1]);
        return APPLIED;
      }
    }
  }

  /**
   * Sets absolute sizes on one side (`"0"` removes a level). Stops at the first bad level and
   * returns its {@link Rejection}; levels before it stay applied (callers treat the book as broken).
   */
  applyLevels(side: BookSide, levels: ReadonlyArray<Level>): ApplyResult {
    const target = this.side(side);
    for (let i = 0; i < levels.length; i++) {
      const level = levels[i];
      const price = this.scaledPrice(level[0]);
      if (price < 0) return rejection(this.failure!, level[0]);
      const quantity = this.scaledQuantity(level[1]);
      if (quantity < 0) return rejection(this.failure!, level[1]);
      target.set(price, quantity);
    }
    return APPLIED;
  }

  /** The highest bid, or undefined when there are no bids. */
  bestBid(): Level | undefined {
    return this.levelAt(this.bidSide, 0);
  }

  /** The lowest ask, or undefined when there are no asks. */
  bestAsk(): Level | undefined {
    return this.levelAt(this.askSide, 0);
  }

  /** The best `n` levels of each side, best first. */
  top(n: number): BookLevels {
    return { bids: this.levels(this.bidSide, n), asks: this.levels(this.askSide, n) };
  }

  /** Every level of both sides, best first. */
  toLevels(): BookLevels {
    return this.top(Number.POSITIVE_INFINITY);
  }

  /** `(bestBid + bestAsk) / 2`, exact; undefined unless both sides have levels. */
  mid(): string | undefined {
    if (this.bidSide.length === 0 || this.askSide.length === 0) return undefined;
    const sum = BigInt(this.bidSide.priceAt(0)) + BigInt(this.askSide.priceAt(0));
    return formatScaled(sum * 5n, this.pd + 1);
  }

  /** `bestAsk - bestBid` (negative when crossed); undefined unless both sides have levels. */
  spread(): string | undefined {
    if (this.bidSide.length === 0 || this.askSide.length === 0) return undefined;
    return formatScaled(this.askSide.priceAt(0) - this.bidSide.priceAt(0), this.pd);
  }

  /**
   * Writes the best bid and ask as scaled integers (price and quantity of each, `-1` for an empty
   * side) and the two scales into `into` (6 slots); returns true when that changed what `into`
   * held. Allocation-free: the feed uses it to skip formatting a top of book that did not move.
   */
  updateTopSignature(into: Float64Array): boolean {
    const bids = this.bidSide;
    const asks = this.askSide;
    const bidPrice = bids.length > 0 ? bids.priceAt(0) : -1;
    const bidQuantity = bids.length > 0 ? bids.quantityAt(0) : -1;
    const askPrice = asks.length > 0 ? asks.priceAt(0) : -1;
    const askQuantity = asks.length > 0 ? asks.quantityAt(0) : -1;
    if (
      into[0] === bidPrice && into[1] === bidQuantity && into[2] === askPrice &&
      into[3] === askQuantity && into[4] === this.pd && into[5] === this.qd
    ) return false;
    into[0] = bidPrice;
    into[1] = bidQuantity;
    into[2] = askPrice;
    into[3] = askQuantity;
    into[4] = this.pd;
    into[5] = this.qd;
    return true;
  }

  /** True when both sides have levels and the best bid is at or above the best ask. */
  isCrossed(): boolean {
    return this.bidSide.length > 0 && this.askSide.length > 0 &&
      this.bidSide.priceAt(0) >= this.askSide.priceAt(0);
  }

  /**
   * Walks `side` from the best level taking up to `quantity` (base): the fill of a market order
   * of that size (`"asks"` = buying). Returns a {@link Rejection} when `quantity` is not a decimal.
   */
  vwap(side: BookSide, quantity: string): Fill | Rejection {
    const target = parseFixed(quantity);
    return target === undefined ? rejection("syntax", quantity) : this.walk(side, target, false);
  }

  /**
   * Walks `side` from the best level until `notional` (quote) is spent; the last level is taken
   * partially, rounded down to the quantity precision. Returns a {@link Rejection} when
   * `notional` is not a decimal.
   */
  depthToNotional(side: BookSide, notional: string): Fill | Rejection {
    const target = parseFixed(notional);
    return target === undefined ? rejection("syntax", notional) : this.walk(side, target, true);
  }

  private side(side: BookSide): BookSideArray {
    return side === "bids" ? this.bidSide : this.askSide;
  }

  private levelAt(side: BookSideArray, rank: number): Level | undefined {
    if (rank >= side.length) return undefined;
    return [
      formatScaled(side.priceAt(rank), this.pd),
      formatScaled(side.quantityAt(rank), this.qd),
    ];
  }

  private levels(side: BookSideArray, n: number): Level[] {
    const count = Math.min(n, side.length);
    const out: Level[] = new Array(count);
    for (let rank = 0; rank < count; rank++) out[rank] = this.levelAt(side, rank)!;
    return out;
  }

  private walk(sideName: BookSide, target: Fixed, byNotional: boolean): Fill {
    const side = this.side(sideName);
    const pd = this.pd;
    // Quantities are counted at `qDec` decimals, notionals at `pd + qDec`.
    const qDec = byNotional ? this.qd : Math.max(this.qd, target.decimals);
    const nDec = byNotional ? Math.max(pd + qDec, target.decimals) : pd + qDec;
    const qUp = upscale(1n, this.qd, qDec);
    const nUp = upscale(1n, pd + qDec, nDec);
    let remaining = upscale(target.value, target.decimals, byNotional ? nDec : qDec);
    let filled = 0n;
    let spent = 0n;
    let levels = 0;
    let worst: number | undefined;
    for (let rank = 0; rank < side.length && remaining > 0n; rank++) {
      const price = BigInt(side.priceAt(rank));
      const available = BigInt(side.quantityAt(rank)) * qUp;
      let take: bigint;
      if (byNotional) {
        const cost = price * available * nUp;
        take = cost <= remaining ? available : remaining / (price * nUp);
        remaining = cost <= remaining ? remaining - cost : 0n;
      } else {
        take = available <= remaining ? available : remaining;
        remaining -= take;
      }
      if (take === 0n) break;
      filled += take;
      spent += price * take * nUp;
      levels++;
      worst = side.priceAt(rank);
    }
    const average = filled === 0n
      ? undefined
      : (2n * spent * upscale(1n, 0, AVERAGE_EXTRA_DECIMALS) + filled * nUp) / (2n * filled * nUp);
    return {
      _tag: "Fill",
      quantity: formatScaled(filled, qDec),
      notional: formatScaled(spent, nDec),
      averagePrice: average === undefined
        ? undefined
        : formatScaled(average, pd + AVERAGE_EXTRA_DECIMALS),
      worstPrice: worst === undefined ? undefined : formatScaled(worst, pd),
      levels,
      complete: remaining === 0n,
    };
  }

  private scaledPrice(text: string): number {
    const value = parseScaled(text, this.pd);
    if (value >= 0) return value;
    if (value === SCALE_TOO_PRECISE && this.growPrices(fractionDigits(text))) {
      return this.scaledPrice(text);
    }
    return this.fail(value === SCALE_TOO_PRECISE ? SCALE_UNSAFE : value);
  }

  private scaledQuantity(text: string): number {
    const value = parseScaled(text, this.qd);
    if (value >= 0) return value;
    if (value === SCALE_TOO_PRECISE && this.growQuantities(fractionDigits(text))) {
      return this.scaledQuantity(text);
    }
    return this.fail(value === SCALE_TOO_PRECISE ? SCALE_UNSAFE : value);
  }

  private fail(code: number): number {
    this.failure = code === SCALE_SYNTAX ? "syntax" : "unsafe";
    return code;
  }

  private growPrices(decimals: number): boolean {
    const factor = this.growthFactor(
      this.pd,
      decimals,
      Math.max(this.bidSide.maxAbsPrice(), this.askSide.maxAbsPrice()),
    );
    if (factor === 0) return false;
    this.bidSide.rescale(true, factor);
    this.askSide.rescale(true, factor);
    this.pd = decimals;
    return true;
  }

  private growQuantities(decimals: number): boolean {
    const factor = this.growthFactor(
      this.qd,
      decimals,
      Math.max(this.bidSide.maxQuantity(), this.askSide.maxQuantity()),
    );
    if (factor === 0) return false;
    this.bidSide.rescale(false, factor);
    this.askSide.rescale(false, factor);
    this.qd = decimals;
    return true;
  }

  /** The factor that moves `from` to `to` decimals, or 0 when that is impossible or unsafe. */
  private growthFactor(from: number, to: number, largest: number): number {
    if (to <= from || to > MAX_DECIMALS) return 0;
    const factor = pow10(to - from);
    return largest * factor > Number.MAX_SAFE_INTEGER ? 0 : factor;
  }

  /** Parses levels into parallel arrays of scaled prices and quantities. */
  private parseAll(levels: ReadonlyArray<Level>): [number[], number[]] | Rejection {
    const prices: number[] = new Array(levels.length);
    const quantities: number[] = new Array(levels.length);
    for (let i = 0; i < levels.length; i++) {
      const [priceText, quantityText] = levels[i];
      const price = this.scaledPrice(priceText);
      if (price < 0) return rejection(this.failure!, priceText);
      const quantity = this.scaledQuantity(quantityText);
      if (quantity < 0) return rejection(this.failure!, quantityText);
      prices[i] = price;
      quantities[i] = quantity;
    }
    return [prices, quantities];
  }
}
