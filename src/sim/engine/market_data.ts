/**
 * Public market-data queries over the trading core: depth, the true book, ticker, mark prices,
 * open interest and klines.
 *
 * @module
 */
import { Errors } from "./errors.ts";
import { intervalMs, klines, ticker } from "./history.ts";
import { str, ZERO } from "./num.ts";
import type { TradingCore } from "./trading.ts";
import type {
  SimDepth,
  SimKline,
  SimMarkPrice,
  SimOpenInterest,
  SimTicker,
  SimTrueBook,
} from "./market_data_types.ts";

/** The top `limit` levels per side (bids ascending, as the exchange sends them). */
export const depthOf = (core: TradingCore, symbol: string, limit: number): SimDepth => {
  const { book } = core.state(symbol);
  return {
    bids: book.top("Bid", limit).reverse(),
    asks: book.top("Ask", limit),
    lastUpdateId: String(book.lastUpdateId),
    timestamp: core.time,
  };
};

/** Every level per side, best first. */
export const trueBookOf = (core: TradingCore, symbol: string): SimTrueBook => {
  const { book } = core.state(symbol);
  return {
    bids: book.top("Bid", Infinity),
    asks: book.top("Ask", Infinity),
    lastUpdateId: String(book.lastUpdateId),
  };
};

/** The 24 h ticker of `symbol`. */
export const tickerOf = (core: TradingCore, symbol: string): SimTicker => {
  const state = core.state(symbol);
  return ticker(symbol, state.trades, core.now, state.lastPrice ?? state.price.mark);
};

/** Mark, index and funding of every market (`null` funding for spot). */
export const markPricesOf = (core: TradingCore): SimMarkPrice[] =>
  [...core.markets.values()].map(({ market, price, nextFundingTime }) => ({
    symbol: market.symbol,
    markPrice: str(price.mark),
    indexPrice: str(price.index),
    fundingRate: market.perp ? str(price.fundingRate) : null,
    nextFundingTimestamp: market.perp ? nextFundingTime : null,
  }));

/** Open interest (sum of long positions) of `symbol`, or of every perp market. */
export const openInterestOf = (core: TradingCore, symbol?: string): SimOpenInterest[] => {
  const states = symbol === undefined
    ? [...core.markets.values()].filter((s) => s.market.perp)
    : [core.state(symbol)];
  return states.map(({ market }) => {
    let open = ZERO;
    for (const account of core.accounts.values()) {
      const n = account.positions.get(market.symbol)?.netQuantity;
      if (n !== undefined && n.isPositive()) open = open.plus(n);
    }
    return { symbol: market.symbol, openInterest: str(open), timestamp: core.now };
  });
};

/** Candles of `interval` over `[startMs, endMs]`; INVALID_CLIENT_REQUEST for an unknown one. */
export const klinesOf = (
  core: TradingCore,
  symbol: string,
  interval: string,
  startMs: number,
  endMs: number,
): SimKline[] => {
  const length = intervalMs(interval);
  if (length === undefined) throw Errors.invalidRequest(`Invalid \`interval\`: ${interval}`);
  return klines(core.state(symbol).trades, length, startMs, endMs);
};
