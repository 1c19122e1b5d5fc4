/**
 * Synthetic liquidity: the quotes a background market maker keeps around the mark price, and the
 * occasional seeded taker order, so books are never empty and trades happen.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import type { Market } from "./markets.ts";
import { d, floorTo, max, roundTo } from "./num.ts";
import type { Random } from "./random.ts";
import type { Side } from "./order_types.ts";

/** Account id of the synthetic market maker. */
export const MARKET_MAKER_ID = "sim-market-maker";
/** Account id of the synthetic taker flow. */
export const TAKER_FLOW_ID = "sim-taker-flow";

/** One resting quote. */
export interface Quote {
  readonly side: Side;
  readonly price: Decimal;
  readonly quantity: Decimal;
}

/** Distance between levels as a fraction of the mark. */
const LEVEL_SPACING = d("0.0005");
/** Quote notional of the first level (USDC); deeper levels grow linearly. */
const LEVEL_NOTIONAL = d(2_000);
/** Probability of a taker order per market per `advance`. */
const TAKER_PROBABILITY = 0.35;

/** `levels` quotes per side around `mark`; a pure function of the mark. */
export const quotesAround = (market: Market, mark: Decimal, levels: number): Quote[] => {
  const spacing = max(market.tickSize, roundTo(mark.mul(LEVEL_SPACING), market.tickSize));
  const center = roundTo(mark, market.tickSize);
  const out: Quote[] = [];
  for (let i = 1; i <= levels; i++) {
    const quantity = max(
      market.minQuantity,
      floorTo(LEVEL_NOTIONAL.mul(1 + (i - 1) / 2).div(mark), market.stepSize),
    );
    const bid = center.minus(spacing.mul(i));
    if (bid.gte(market.minPrice)) out.push({ side: "Bid", price: bid, quantity });
    out.push({ side: "Ask", price: center.plus(spacing.mul(i)), quantity });
  }
  return out;
};

/** A seeded taker market order, or `null` when no taker trades this step. */
export const takerFlow = (
  market: Market,
  mark: Decimal,
  random: Random,
): { side: Side; quantity: Decimal } | null => {
  if (random.next() >= TAKER_PROBABILITY) return null;
  const side: Side = random.next() < 0.5 ? "Bid" : "Ask";
  const notional = d(random.int(50, 3_000));
  const quantity = max(market.minQuantity, floorTo(notional.div(mark), market.stepSize));
  return { side, quantity };
};
