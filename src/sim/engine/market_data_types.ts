/**
 * Public market data of the exchange simulator's engine: funding rates, trades, tickers, mark
 * prices, open interest, candles and order-book depth. Plain JSON-safe data shaped like Backpack's
 * public REST objects (convention: `exchange_api.ts`).
 *
 * @module
 */

/** One historical market funding rate. */
export interface SimFundingRate {
  /** `symbol`, as the Backpack object of the same name carries it. */
  readonly symbol: string;
  /** `fundingRate`, as the Backpack object of the same name carries it. */
  readonly fundingRate: string;
  /** Unix ms of the interval end. */
  readonly intervalEndTimestamp: number;
}

/** A public trade. */
export interface SimTrade {
  /** `id`, as the Backpack object of the same name carries it. */
  readonly id: string;
  /** `price`, as the Backpack object of the same name carries it. */
  readonly price: string;
  /** `quantity`, as the Backpack object of the same name carries it. */
  readonly quantity: string;
  /** `quoteQuantity`, as the Backpack object of the same name carries it. */
  readonly quoteQuantity: string;
  /** Unix ms. */
  readonly timestamp: number;
  /** `isBuyerMaker`, as the Backpack object of the same name carries it. */
  readonly isBuyerMaker: boolean;
}

/** 24 h rolling ticker (`GET /api/v1/ticker`). */
export interface SimTicker {
  /** `symbol`, as the Backpack object of the same name carries it. */
  readonly symbol: string;
  /** `firstPrice`, as the Backpack object of the same name carries it. */
  readonly firstPrice: string;
  /** `lastPrice`, as the Backpack object of the same name carries it. */
  readonly lastPrice: string;
  /** `priceChange`, as the Backpack object of the same name carries it. */
  readonly priceChange: string;
  /** `priceChangePercent`, as the Backpack object of the same name carries it. */
  readonly priceChangePercent: string;
  /** `high`, as the Backpack object of the same name carries it. */
  readonly high: string;
  /** `low`, as the Backpack object of the same name carries it. */
  readonly low: string;
  /** `volume`, as the Backpack object of the same name carries it. */
  readonly volume: string;
  /** `quoteVolume`, as the Backpack object of the same name carries it. */
  readonly quoteVolume: string;
  /** `trades`, as the Backpack object of the same name carries it. */
  readonly trades: string;
}

/** `GET /api/v1/markPrices` row. Funding fields are `null` on spot markets. */
export interface SimMarkPrice {
  /** `symbol`, as the Backpack object of the same name carries it. */
  readonly symbol: string;
  /** `markPrice`, as the Backpack object of the same name carries it. */
  readonly markPrice: string;
  /** `indexPrice`, as the Backpack object of the same name carries it. */
  readonly indexPrice: string;
  /** `fundingRate`, as the Backpack object of the same name carries it. */
  readonly fundingRate: string | null;
  /** Unix ms. */
  readonly nextFundingTimestamp: number | null;
}

/** `GET /api/v1/openInterest` row. */
export interface SimOpenInterest {
  /** `symbol`, as the Backpack object of the same name carries it. */
  readonly symbol: string;
  /** `openInterest`, as the Backpack object of the same name carries it. */
  readonly openInterest: string;
  /** Unix ms. */
  readonly timestamp: number;
}

/** A candle; `start`/`end` are Unix ms, OHLC `null` when no trade happened. */
export interface SimKline {
  /** `start`, as the Backpack object of the same name carries it. */
  readonly start: number;
  /** `end`, as the Backpack object of the same name carries it. */
  readonly end: number;
  /** `open`, as the Backpack object of the same name carries it. */
  readonly open: string | null;
  /** `high`, as the Backpack object of the same name carries it. */
  readonly high: string | null;
  /** `low`, as the Backpack object of the same name carries it. */
  readonly low: string | null;
  /** `close`, as the Backpack object of the same name carries it. */
  readonly close: string | null;
  /** `volume`, as the Backpack object of the same name carries it. */
  readonly volume: string;
  /** `quoteVolume`, as the Backpack object of the same name carries it. */
  readonly quoteVolume: string;
  /** `trades`, as the Backpack object of the same name carries it. */
  readonly trades: string;
}

/** A price level `[price, quantity]`. */
export type SimLevel = readonly [string, string];

/** `GET /api/v1/depth`: both sides ascending by price (as Backpack returns them). */
export interface SimDepth {
  /** `bids`, as the Backpack object of the same name carries it. */
  readonly bids: ReadonlyArray<SimLevel>;
  /** `asks`, as the Backpack object of the same name carries it. */
  readonly asks: ReadonlyArray<SimLevel>;
  /** Equals the `lastUpdateId` of the last emitted depth event of the symbol. */
  readonly lastUpdateId: string;
  /** µs. */
  readonly timestamp: number;
}

/** The full book: bids best (highest) first, asks best (lowest) first. */
export interface SimTrueBook {
  /** Bid levels, best first. */
  readonly bids: ReadonlyArray<SimLevel>;
  /** Ask levels, best first. */
  readonly asks: ReadonlyArray<SimLevel>;
  /** Id of the last book update. */
  readonly lastUpdateId: string;
}
