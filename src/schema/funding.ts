/**
 * Perp market statistics: `GET /api/v1/markPrices`, `GET /api/v1/openInterest` and
 * `GET /api/v1/fundingRates`.
 *
 * @module
 */
import * as Schema from "effect/Schema";
import { type Decimal, DecimalFromString } from "../decimal.ts";
import { NaiveUtcDate, NumberOrString } from "./common.ts";
import { OptionalDecimal, OptionalNumber } from "./optional.ts";

/** Mark and index price of a market, with the current funding estimate (perps). */
export interface MarkPrice {
  /** Market symbol. */
  readonly symbol: string;
  /** Mark price. */
  readonly markPrice: Decimal;
  /** Index price, when the market has one. */
  readonly indexPrice?: Decimal | null | undefined;
  /** Current interval's estimated funding rate as a **fraction** (`0.0001` = 0.01%). */
  readonly fundingRate?: Decimal | null | undefined;
  /** Next funding time in Unix **ms**. */
  readonly nextFundingTimestamp?: number | null | undefined;
}

/** Schema of {@link MarkPrice}. */
export const MarkPrice: Schema.Decoder<MarkPrice> = Schema.Struct({
  symbol: Schema.String,
  markPrice: DecimalFromString,
  indexPrice: OptionalDecimal,
  fundingRate: OptionalDecimal,
  nextFundingTimestamp: OptionalNumber,
});

/** Schema of the `GET /api/v1/markPrices` answer. */
export const MarkPrices: Schema.Decoder<ReadonlyArray<MarkPrice>> = Schema.Array(MarkPrice);

/** Open interest of a market. */
export interface OpenInterest {
  /** Market symbol. */
  readonly symbol: string;
  /** Open interest in contracts (base units), when known. */
  readonly openInterest?: Decimal | null | undefined;
  /** Sample time in Unix **ms**. */
  readonly timestamp: number;
}

/** Schema of {@link OpenInterest}. */
export const OpenInterest: Schema.Decoder<OpenInterest> = Schema.Struct({
  symbol: Schema.String,
  openInterest: OptionalDecimal,
  timestamp: NumberOrString,
});

/** Schema of the `GET /api/v1/openInterest` answer (always an array). */
export const OpenInterests: Schema.Decoder<ReadonlyArray<OpenInterest>> = Schema.Array(
  OpenInterest,
);

/** The funding rate of one past interval. */
export interface FundingRate {
  /** Market symbol. */
  readonly symbol: string;
  /** End of the funding interval (the API sends naive UTC). */
  readonly intervalEndTimestamp: Date;
  /** Funding rate of the interval as a **fraction**. */
  readonly fundingRate: Decimal;
}

/** Schema of {@link FundingRate}. */
export const FundingRate: Schema.Decoder<FundingRate> = Schema.Struct({
  symbol: Schema.String,
  intervalEndTimestamp: NaiveUtcDate,
  fundingRate: DecimalFromString,
});

/** Schema of the `GET /api/v1/fundingRates` answer. */
export const FundingRates: Schema.Decoder<ReadonlyArray<FundingRate>> = Schema.Array(FundingRate);
