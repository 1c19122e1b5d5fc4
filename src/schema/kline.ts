/**
 * Candle model: `GET /api/v1/klines`.
 *
 * @module
 */
import * as Schema from "effect/Schema";
import { type Decimal, DecimalFromString } from "../decimal.ts";
import { NaiveUtcDate, NumberOrString } from "./common.ts";
import { OptionalDecimal } from "./optional.ts";

/** One candle. Open/high/low/close are absent (or `null`) for a candle without trades. */
export interface Kline {
  /** Candle open time (the API sends `YYYY-MM-DD HH:MM:SS`, UTC). */
  readonly start: Date;
  /** Candle close time (UTC). */
  readonly end: Date;
  /** First price. */
  readonly open?: Decimal | null | undefined;
  /** Highest price. */
  readonly high?: Decimal | null | undefined;
  /** Lowest price. */
  readonly low?: Decimal | null | undefined;
  /** Last price. */
  readonly close?: Decimal | null | undefined;
  /** Base volume. */
  readonly volume: Decimal;
  /** Quote volume. */
  readonly quoteVolume: Decimal;
  /** Number of trades (sent as a string). */
  readonly trades: number;
}

/** Schema of {@link Kline}. */
export const Kline: Schema.Decoder<Kline> = Schema.Struct({
  start: NaiveUtcDate,
  end: NaiveUtcDate,
  open: OptionalDecimal,
  high: OptionalDecimal,
  low: OptionalDecimal,
  close: OptionalDecimal,
  volume: DecimalFromString,
  quoteVolume: DecimalFromString,
  trades: NumberOrString,
});

/** Schema of the `GET /api/v1/klines` answer. */
export const Klines: Schema.Decoder<ReadonlyArray<Kline>> = Schema.Array(Kline);
