/**
 * Configuration of the exchange simulator's engine: the markets it lists, the accounts it holds
 * and the options an `Exchange` is constructed with. Decimals are decimal strings.
 *
 * @module
 */

/** Market kind served by the simulator. */
export type SimMarketType = "SPOT" | "PERP";

/** A market listed by the simulator. Decimals are strings. */
export interface SimMarketConfig {
  /** Market symbol (`SOL_USDC_PERP`). */
  readonly symbol: string;
  /** Base asset. */
  readonly baseSymbol: string;
  /** Quote asset. */
  readonly quoteSymbol: string;
  /** `SPOT` or `PERP`. */
  readonly marketType: SimMarketType;
  /** Price step. */
  readonly tickSize: string;
  /** Quantity step. */
  readonly stepSize: string;
  /** Smallest order quantity. */
  readonly minQuantity: string;
  /** Largest order quantity. */
  readonly maxQuantity?: string;
  /** Lowest limit price. */
  readonly minPrice?: string;
  /** Highest limit price. */
  readonly maxPrice?: string;
  /** Limit prices must lie within `[mark × minMultiplier, mark × maxMultiplier]` (defaults 0.25 / 4). */
  readonly minMultiplier?: string;
  /** Highest limit price as a multiple of the mark (price band). */
  readonly maxMultiplier?: string;
  /** Starting index/mark price. */
  readonly initialPrice: string;
  /** Standard deviation of the log index price per `advance` step (default 0.001). */
  readonly volatility?: number;
  /** Funding interval in ms (perps; default 3 600 000). */
  readonly fundingIntervalMs?: number;
  /** Funding rate bounds in basis points (default ±100). */
  readonly fundingRateBoundBps?: string;
  /** `base` of the IMF sqrt function. */
  readonly imfBase?: string;
  /** `factor` of the IMF sqrt function. */
  readonly imfFactor?: string;
  /** `base` of the MMF sqrt function. */
  readonly mmfBase?: string;
  /** `factor` of the MMF sqrt function. */
  readonly mmfFactor?: string;
}

/** An account of the simulator (`id` is what the server maps an API key to). */
export interface SimAccountConfig {
  /** Account id. */
  readonly id: string;
  /** Asset → available quantity, e.g. `{ USDC: "100000" }`. */
  readonly balances: Readonly<Record<string, string>>;
  /** Account-wide leverage cap (default "10"). */
  readonly leverageLimit?: string;
  /** Maker fee in basis points (default "2"; negative = rebate). */
  readonly makerFeeBps?: string;
  /** Taker fee in basis points (default "5"). */
  readonly takerFeeBps?: string;
}

/** Options of {@link SimExchange} construction. */
export interface SimExchangeOptions {
  /** Markets. */
  readonly markets: ReadonlyArray<SimMarketConfig>;
  /** Accounts. */
  readonly accounts: ReadonlyArray<SimAccountConfig>;
  /** Seed of the price walk and synthetic flow. */
  readonly seed: number;
  /** Start time, Unix ms. */
  readonly now: number;
  /** Background market maker + taker flow (default true). */
  readonly syntheticLiquidity?: boolean;
  /** Resting levels per side kept by the synthetic market maker (default 10). */
  readonly syntheticLevels?: number;
}
