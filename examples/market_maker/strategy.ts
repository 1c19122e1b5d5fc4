/**
 * The quoting rules of the demo market maker, as pure functions (no I/O, easy to test):
 *
 * 1. {@link marketTop}: the best bid and ask of the book *without our own orders* (otherwise the
 *    strategy would chase its own quotes);
 * 2. {@link desiredQuotes}: a bid and an ask around that mid, `halfSpreadBps` away, the centre
 *    skewed against the inventory (long → quotes move down, so we sell more readily), never
 *    crossing the market, sized so a fill cannot take the inventory beyond `maxInventory`;
 * 3. {@link needsReplace}: whether a resting quote is stale enough (`requoteTicks` away, or larger
 *    than now allowed) to cancel and replace it.
 *
 * @module
 */
import {
  type BookSnapshot,
  Decimal,
  type FilterSource,
  type OrderSide,
  roundPrice,
  roundQuantity,
} from "@backpack-edge/sdk";

/** Parameters of the quoting rules. */
export interface StrategyConfig {
  /** The market's filters (tick and step sizes), e.g. from `client.getMarket`. */
  readonly market: FilterSource;
  /** Distance of each quote from the (skewed) centre, in basis points. */
  readonly halfSpreadBps: Decimal;
  /** Centre shift per unit of base inventory, in basis points (against the inventory). */
  readonly skewBpsPerUnit: Decimal;
  /** Base quantity per quote. */
  readonly size: Decimal;
  /** Largest absolute base inventory a fill may lead to. */
  readonly maxInventory: Decimal;
  /** A resting quote this many ticks (or more) from the desired price is replaced. */
  readonly requoteTicks: number;
}

/** A quote: one post-only limit order. */
export interface Quote {
  /** `Bid` (buy) or `Ask` (sell). */
  readonly side: OrderSide;
  /** Limit price, on the tick. */
  readonly price: Decimal;
  /** Base quantity, on the step. */
  readonly quantity: Decimal;
}

/** The best prices of the rest of the market (our own resting quantity taken out). */
export interface MarketTop {
  /** Best bid of the others. */
  readonly bid: Decimal | undefined;
  /** Best ask of the others. */
  readonly ask: Decimal | undefined;
}

/** The quotes wanted now, per side (`undefined`: no quote on that side). */
export interface DesiredQuotes {
  /** The bid, unless the inventory is at its long limit. */
  readonly bid: Quote | undefined;
  /** The ask, unless the inventory is at its short limit. */
  readonly ask: Quote | undefined;
}

const BPS = new Decimal(10_000);

const filtersOf = (market: FilterSource) => "filters" in market ? market.filters : market;
const tickOf = (market: FilterSource): Decimal => filtersOf(market).price.tickSize;

/** First level of `levels` with quantity left once our own resting quantity there is removed. */
const bestOther = (
  levels: BookSnapshot["bids"],
  own: ReadonlyArray<Quote>,
): Decimal | undefined => {
  for (const [price, quantity] of levels) {
    const ours = own
      .filter((q) => q.price.eq(price))
      .reduce((sum, q) => sum.plus(q.quantity), new Decimal(0));
    if (quantity.gt(ours)) return price;
  }
  return undefined;
};

/** The best bid and ask of `book` without our resting quotes `own` (remaining quantities). */
export const marketTop = (book: BookSnapshot, own: ReadonlyArray<Quote>): MarketTop => ({
  bid: bestOther(book.bids, own.filter((q) => q.side === "Bid")),
  ask: bestOther(book.asks, own.filter((q) => q.side === "Ask")),
});

/**
 * The bid and ask to show for `top` and a signed `inventory` (base; > 0 long). Empty when the
 * market has no two-sided price.
 */
export const desiredQuotes = (
  top: MarketTop,
  inventory: Decimal,
  config: StrategyConfig,
): DesiredQuotes => {
  if (top.bid === undefined || top.ask === undefined) return { bid: undefined, ask: undefined };
  const mid = top.bid.plus(top.ask).div(2);
  const center = mid.mul(BPS.minus(config.skewBpsPerUnit.mul(inventory))).div(BPS);
  const half = center.mul(config.halfSpreadBps).div(BPS);
  const tick = tickOf(config.market);
  // Never cross the others' best price (a post-only order would be rejected).
  const bidPrice = Decimal.min(
    roundPrice(config.market, center.minus(half), "down"),
    top.ask.minus(tick),
  );
  const askPrice = Decimal.max(
    roundPrice(config.market, center.plus(half), "up"),
    top.bid.plus(tick),
  );
  const minQuantity = filtersOf(config.market).quantity.minQuantity;
  /** The largest quote (≤ size) that fits `room`; `undefined` below the market's minimum. */
  const quote = (side: OrderSide, price: Decimal, room: Decimal): Quote | undefined => {
    const quantity = roundQuantity(config.market, Decimal.min(config.size, room), "down");
    return quantity.gte(minQuantity) && quantity.isPositive() && !quantity.isZero()
      ? { side, price, quantity }
      : undefined;
  };
  return {
    bid: quote("Bid", bidPrice, config.maxInventory.minus(inventory)),
    ask: quote("Ask", askPrice, config.maxInventory.plus(inventory)),
  };
};

/**
 * Whether the resting quote (its remaining quantity) should be cancelled and `desired` placed:
 * one of them is missing, the price is `requoteTicks` ticks or more away, or the resting quote
 * is larger than now allowed.
 */
export const needsReplace = (
  resting: Quote | undefined,
  desired: Quote | undefined,
  config: StrategyConfig,
): boolean => {
  if (resting === undefined || desired === undefined) return resting !== desired;
  return resting.price.minus(desired.price).abs().gte(
    tickOf(config.market).mul(config.requoteTicks),
  ) ||
    resting.quantity.gt(desired.quantity);
};
