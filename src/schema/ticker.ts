/**
 * 24h/1w ticker model: `GET /api/v1/ticker` and `GET /api/v1/tickers`.
 *
 * @module
 */
import * as Schema from "effect/Schema";
import { type Decimal, DecimalFromString } from "../decimal.ts";
import { NumberOrString } from "./common.ts";

/** Rolling-window statistics of one market. There is no bid/ask here: use depth or `bookTicker`. */
export interface Ticker {
  /** Market symbol. */
  readonly symbol: string;
  /** First trade price of the window. */
  readonly firstPrice: Decimal;
  /** Last trade price. */
  readonly lastPrice: Decimal;
  /** `lastPrice − firstPrice`. */
  readonly priceChange: Decimal;
  /** Price change as a **fraction** (`-0.031279` = −3.13%). */
  readonly priceChangePercent: Decimal;
  /** Highest trade price of the window. */
  readonly high: Decimal;
  /** Lowest trade price of the window. */
  readonly low: Decimal;
  /** Base volume. */
  readonly volume: Decimal;
  /** Quote volume. */
  readonly quoteVolume: Decimal;
  /** Number of trades (sent as a string). */
  readonly trades: number;
}

/** Schema of {@link Ticker}. */
export const Ticker: Schema.Decoder<Ticker> = Schema.Struct({
  symbol: Schema.String,
  firstPrice: DecimalFromString,
  lastPrice: DecimalFromString,
  priceChange: DecimalFromString,
  priceChangePercent: DecimalFromString,
  high: DecimalFromString,
  low: DecimalFromString,
  volume: DecimalFromString,
  quoteVolume: DecimalFromString,
  trades: NumberOrString,
});

/** Schema of the `GET /api/v1/tickers` answer. */
export const Tickers: Schema.Decoder<ReadonlyArray<Ticker>> = Schema.Array(Ticker);
