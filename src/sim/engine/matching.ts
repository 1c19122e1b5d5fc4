/**
 * The matching loop (price-time priority with self-trade prevention) and a dry-run walk of the
 * book used for fill-or-kill checks and cost estimates.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import type { OrderBook } from "./order_book.ts";
import type { EngineOrder } from "./orders.ts";
import { min, ZERO } from "./num.ts";
import type { Side } from "./order_types.ts";

/** What the matching loop needs from the engine. */
export interface MatchHost {
  /** Base quantity the taker may still take at `price` (0 stops matching). */
  capacity(taker: EngineOrder, price: Decimal): Decimal;
  /** Base quantity a resting maker may still give (its size, or less for reduce-only). */
  makerCapacity(maker: EngineOrder): Decimal;
  /** Executes a trade of `quantity` at `price` (updates both orders and the book). */
  trade(taker: EngineOrder, maker: EngineOrder, price: Decimal, quantity: Decimal): void;
  /** Takes a maker off the book (self-trade prevention or a reduce-only maker that cannot reduce). */
  expireMaker(maker: EngineOrder, reason: "SelfTradePrevention" | "ReduceOnlyNotReduced"): void;
}

/** Why the matching loop stopped. */
export type MatchEnd = "exhausted" | "capacity" | "selfTrade";

/** True when a taker at `limit` (null = market) can trade against a level at `levelPrice`. */
export const crosses = (side: Side, limit: Decimal | null, levelPrice: Decimal): boolean =>
  limit === null || (side === "Bid" ? levelPrice.lte(limit) : levelPrice.gte(limit));

/** Matches `taker` against the opposite side of `book`. */
export const match = (book: OrderBook, taker: EngineOrder, host: MatchHost): MatchEnd => {
  const opposite = book.opposite(taker.side);
  for (;;) {
    const level = opposite.best();
    if (level === undefined || !crosses(taker.side, taker.price, level.price)) return "exhausted";
    const maker = level.orders[0];
    if (maker.accountId === taker.accountId) {
      const mode = taker.selfTradePrevention;
      if (mode === "RejectTaker") return "selfTrade";
      host.expireMaker(maker, "SelfTradePrevention");
      if (mode === "RejectBoth") return "selfTrade";
      continue;
    }
    const makerSize = host.makerCapacity(maker);
    if (makerSize.lte(0)) {
      host.expireMaker(maker, "ReduceOnlyNotReduced");
      continue;
    }
    const quantity = min(makerSize, host.capacity(taker, level.price));
    if (quantity.lte(0)) return "capacity";
    host.trade(taker, maker, level.price, quantity);
  }
};

/** Result of a dry-run walk. */
export interface Walk {
  /** Base quantity that would fill. */
  readonly quantity: Decimal;
  /** Quote value of that quantity. */
  readonly quote: Decimal;
}

/**
 * Walks the book without changing it: how much a taker of `side` at `limit` could fill, up to
 * `maxQuantity` base (or `maxQuote` quote, in steps of `step`), ignoring `accountId`'s own orders.
 */
export const walk = (
  book: OrderBook,
  side: Side,
  limit: Decimal | null,
  maxQuantity: Decimal | null,
  maxQuote: Decimal | null,
  step: Decimal,
  accountId: string,
): Walk => {
  const levels = book.opposite(side).levels;
  let quantity = ZERO;
  let quote = ZERO;
  for (let i = levels.length - 1; i >= 0; i--) {
    const level = levels[i];
    if (!crosses(side, limit, level.price)) break;
    let size = ZERO;
    for (const order of level.orders) {
      if (order.accountId !== accountId) {
        size = size.plus(order.quantity!.minus(order.executedQuantity));
      }
    }
    let take = size;
    if (maxQuantity !== null) take = min(take, maxQuantity.minus(quantity));
    if (maxQuote !== null) {
      take = min(take, maxQuote.minus(quote).div(level.price).div(step).floor().mul(step));
    }
    if (take.lte(0)) break;
    quantity = quantity.plus(take);
    quote = quote.plus(take.mul(level.price));
  }
  return { quantity, quote };
};
