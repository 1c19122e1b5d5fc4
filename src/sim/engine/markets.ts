/**
 * Market definitions of the simulator: the default markets and accounts, and the parsed form
 * (`Market`) the engine works with.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import { d, max } from "./num.ts";
import type { SimMarginFunction } from "./account_types.ts";
import type { SimAccountConfig, SimMarketConfig } from "./config_types.ts";

/** A market with its filters parsed into decimals. */
export interface Market {
  readonly config: SimMarketConfig;
  readonly symbol: string;
  readonly base: string;
  readonly quote: string;
  readonly perp: boolean;
  readonly tickSize: Decimal;
  readonly stepSize: Decimal;
  readonly minQuantity: Decimal;
  readonly maxQuantity: Decimal | null;
  readonly minPrice: Decimal;
  readonly maxPrice: Decimal | null;
  readonly minMultiplier: Decimal;
  readonly maxMultiplier: Decimal;
  readonly priceDecimals: number;
  readonly quantityDecimals: number;
  readonly fundingIntervalMs: number;
  readonly fundingBound: Decimal;
  readonly imfFunction: SimMarginFunction;
  readonly mmfFunction: SimMarginFunction;
}

/** Parses a market config. */
export const parseMarket = (config: SimMarketConfig): Market => {
  const tickSize = d(config.tickSize);
  const stepSize = d(config.stepSize);
  return {
    config,
    symbol: config.symbol,
    base: config.baseSymbol,
    quote: config.quoteSymbol,
    perp: config.marketType === "PERP",
    tickSize,
    stepSize,
    minQuantity: d(config.minQuantity),
    maxQuantity: config.maxQuantity === undefined ? null : d(config.maxQuantity),
    minPrice: d(config.minPrice ?? config.tickSize),
    maxPrice: config.maxPrice === undefined ? null : d(config.maxPrice),
    minMultiplier: d(config.minMultiplier ?? "0.25"),
    maxMultiplier: d(config.maxMultiplier ?? "4"),
    priceDecimals: tickSize.decimalPlaces(),
    quantityDecimals: stepSize.decimalPlaces(),
    fundingIntervalMs: config.fundingIntervalMs ?? 3_600_000,
    fundingBound: d(config.fundingRateBoundBps ?? "100").div(10_000),
    imfFunction: {
      type: "sqrt",
      base: config.imfBase ?? "0.02",
      factor: config.imfFactor ?? "0.00006",
    },
    mmfFunction: {
      type: "sqrt",
      base: config.mmfBase ?? "0.0135",
      factor: config.mmfFactor ?? "0.000036",
    },
  };
};

/**
 * Margin fraction of a sqrt function at a notional: `max(base, factor × √notional)`.
 * (Backpack does not publish the formula; this is the commonly assumed one.)
 */
export const marginFraction = (fn: SimMarginFunction, notional: Decimal): Decimal =>
  max(d(fn.base), d(fn.factor).mul(notional.abs().sqrt()));

/** SOL against USDC: the shared settings of the spot and perp SOL markets. */
const SOL = {
  baseSymbol: "SOL",
  quoteSymbol: "USDC",
  tickSize: "0.01",
  stepSize: "0.01",
  minQuantity: "0.01",
  minPrice: "0.01",
  initialPrice: "150",
  volatility: 0.001,
} as const;

/** The simulator's default markets: spot `SOL_USDC`, perps `SOL_USDC_PERP` and `BTC_USDC_PERP`. */
export const defaultMarkets = (): SimMarketConfig[] => [
  {
    symbol: "SOL_USDC",
    marketType: "SPOT",
    ...SOL,
  },
  {
    symbol: "SOL_USDC_PERP",
    marketType: "PERP",
    ...SOL,
    fundingIntervalMs: 3_600_000,
    imfBase: "0.02",
    imfFactor: "0.00006",
    mmfBase: "0.0135",
    mmfFactor: "0.000036",
  },
  {
    symbol: "BTC_USDC_PERP",
    baseSymbol: "BTC",
    quoteSymbol: "USDC",
    marketType: "PERP",
    tickSize: "0.1",
    stepSize: "0.0001",
    minQuantity: "0.0001",
    minPrice: "0.1",
    initialPrice: "60000",
    volatility: 0.0008,
    fundingIntervalMs: 3_600_000,
    imfBase: "0.02",
    imfFactor: "0.0000935",
    mmfBase: "0.0125",
    mmfFactor: "0.0000561",
  },
];

/** Id of the default funded account. */
export const DEFAULT_ACCOUNT_ID = "default";

/** The default accounts: one account funded with 100 000 USDC and 100 SOL. */
export const defaultAccounts = (): SimAccountConfig[] => [
  { id: DEFAULT_ACCOUNT_ID, balances: { USDC: "100000", SOL: "100" } },
];
