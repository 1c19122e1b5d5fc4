/**
 * The public market-data endpoints beyond markets and depth, gathered in one record for the
 * Promise facade: tickers, candles, trades, perp statistics, assets, borrow/lend pools, prediction
 * events, tokenized securities and vaults. Each function lives in its own module.
 *
 * @module
 */
import { getAssets, getCollateralParameters } from "./assets.ts";
import {
  estimateBorrowLiquidationPrice,
  getApyRates,
  getBorrowLendMarkets,
  getBorrowLendMarketsHistory,
} from "./borrow_lend_markets.ts";
import { getFundingRates, getMarkPrices, getOpenInterest } from "./funding.ts";
import { getKlines } from "./klines.ts";
import { getPredictionEvents, getPredictionTags } from "./prediction.ts";
import { getMarketSessions, getSecurities } from "./securities.ts";
import { getTicker, getTickers } from "./tickers.ts";
import { getHistoricalTrades, getRecentTrades } from "./trades.ts";
import { getVaultHistory, getVaults } from "./vault_info.ts";

/** The public market-data endpoints, by name (the Promise facade exposes each as a method). */
export interface MarketDataEndpoints {
  /** {@link getTicker} */
  readonly getTicker: typeof getTicker;
  /** {@link getTickers} */
  readonly getTickers: typeof getTickers;
  /** {@link getKlines} */
  readonly getKlines: typeof getKlines;
  /** {@link getRecentTrades} */
  readonly getRecentTrades: typeof getRecentTrades;
  /** {@link getHistoricalTrades} */
  readonly getHistoricalTrades: typeof getHistoricalTrades;
  /** {@link getMarkPrices} */
  readonly getMarkPrices: typeof getMarkPrices;
  /** {@link getOpenInterest} */
  readonly getOpenInterest: typeof getOpenInterest;
  /** {@link getFundingRates} */
  readonly getFundingRates: typeof getFundingRates;
  /** {@link getAssets} */
  readonly getAssets: typeof getAssets;
  /** {@link getCollateralParameters} */
  readonly getCollateralParameters: typeof getCollateralParameters;
  /** {@link getBorrowLendMarkets} */
  readonly getBorrowLendMarkets: typeof getBorrowLendMarkets;
  /** {@link getBorrowLendMarketsHistory} */
  readonly getBorrowLendMarketsHistory: typeof getBorrowLendMarketsHistory;
  /** {@link getApyRates} */
  readonly getApyRates: typeof getApyRates;
  /** {@link estimateBorrowLiquidationPrice} */
  readonly estimateBorrowLiquidationPrice: typeof estimateBorrowLiquidationPrice;
  /** {@link getPredictionEvents} */
  readonly getPredictionEvents: typeof getPredictionEvents;
  /** {@link getPredictionTags} */
  readonly getPredictionTags: typeof getPredictionTags;
  /** {@link getMarketSessions} */
  readonly getMarketSessions: typeof getMarketSessions;
  /** {@link getSecurities} */
  readonly getSecurities: typeof getSecurities;
  /** {@link getVaults} */
  readonly getVaults: typeof getVaults;
  /** {@link getVaultHistory} */
  readonly getVaultHistory: typeof getVaultHistory;
}

/** The public market-data endpoints, by name. */
export const marketDataEndpoints: MarketDataEndpoints = {
  getTicker,
  getTickers,
  getKlines,
  getRecentTrades,
  getHistoricalTrades,
  getMarkPrices,
  getOpenInterest,
  getFundingRates,
  getAssets,
  getCollateralParameters,
  getBorrowLendMarkets,
  getBorrowLendMarketsHistory,
  getApyRates,
  estimateBorrowLiquidationPrice,
  getPredictionEvents,
  getPredictionTags,
  getMarketSessions,
  getSecurities,
  getVaults,
  getVaultHistory,
};
