/**
 * The seeded price process of one market: the index follows a driftless geometric Brownian
 * motion (one step per `advance`), the mark is the index times (1 + premium) where the premium
 * is a mean-reverting AR(1) process, and the estimated funding rate follows the premium.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import type { Market } from "./markets.ts";
import { d, max, min } from "./num.ts";
import type { Random } from "./random.ts";

const PRICE_DECIMALS = 8;
const RATE_DECIMALS = 8;
/** Premium persistence per step and its noise. */
const PREMIUM_DECAY = 0.95;
const PREMIUM_NOISE = 0.0001;
/** Funding rate per interval = premium / FUNDING_DAMPING (then clamped to the market bounds). */
const FUNDING_DAMPING = 8;

/** Index/mark/funding state of one market. */
export class PriceProcess {
  #logIndex: number;
  #premium = 0;
  index: Decimal;
  mark: Decimal;
  readonly #volatility: number;

  constructor(readonly market: Market) {
    this.#logIndex = Math.log(Number(market.config.initialPrice));
    this.#volatility = market.config.volatility ?? 0.001;
    this.index = d(market.config.initialPrice);
    this.mark = this.index;
  }

  /** One step of the process. */
  step(random: Random): void {
    const sigma = this.#volatility;
    this.#logIndex += sigma * random.normal() - (sigma * sigma) / 2;
    if (this.market.perp) {
      this.#premium = PREMIUM_DECAY * this.#premium + PREMIUM_NOISE * random.normal();
    }
    const floor = this.market.tickSize.mul(10);
    this.index = max(floor, d(Math.exp(this.#logIndex)).toDecimalPlaces(PRICE_DECIMALS));
    this.mark = this.market.perp
      ? this.index.mul(1 + this.#premium).toDecimalPlaces(PRICE_DECIMALS)
      : this.index;
  }

  /** Estimated funding rate of the current interval (fraction), clamped to the market bounds. */
  get fundingRate(): Decimal {
    const bound = this.market.fundingBound;
    const rate = d(this.#premium).div(FUNDING_DAMPING).toDecimalPlaces(RATE_DECIMALS);
    return max(bound.neg(), min(bound, rate));
  }
}
