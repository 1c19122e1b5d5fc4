/**
 * Borrow/lend models: open positions, movements (borrow, repay, lend, redeem), interest payments
 * and position history. History times are naive UTC, decoded to `Date`.
 *
 * @module
 */
import * as Schema from "effect/Schema";
import { type Decimal, DecimalFromString } from "../decimal.ts";
import { IdString, NaiveUtcDate, NumberOrString } from "./common.ts";
import type { Open } from "./history.ts";
import type { MarginFunction } from "./market.ts";
import { OptionalDecimal, OptionalId, optionalNullable } from "./optional.ts";

const MarginFunctionSchema: Schema.Decoder<MarginFunction> = Schema.Struct({
  type: Schema.String,
  base: DecimalFromString,
  factor: DecimalFromString,
});

/** An open borrow/lend position: `netQuantity` > 0 lent, < 0 borrowed. */
export interface BorrowLendPosition {
  /** Position id. */
  readonly id: string;
  /** Asset symbol. */
  readonly symbol: string;
  /** Signed quantity (+ lend, − borrow). */
  readonly netQuantity: Decimal;
  /** Exposure quantity. */
  readonly netExposureQuantity: Decimal;
  /** Exposure notional. */
  readonly netExposureNotional: Decimal;
  /** Mark price. */
  readonly markPrice: Decimal;
  /** Initial margin fraction. */
  readonly imf: Decimal;
  /** Initial margin function. */
  readonly imfFunction?: MarginFunction | null | undefined;
  /** Maintenance margin fraction. */
  readonly mmf: Decimal;
  /** Maintenance margin function. */
  readonly mmfFunction?: MarginFunction | null | undefined;
  /** Interest accrued. */
  readonly cumulativeInterest: Decimal;
  /** Estimated liquidation price. */
  readonly estLiquidationPrice: Decimal;
}

/** Schema of {@link BorrowLendPosition}. */
export const BorrowLendPosition: Schema.Decoder<BorrowLendPosition> = Schema.Struct({
  id: IdString,
  symbol: Schema.String,
  netQuantity: DecimalFromString,
  netExposureQuantity: DecimalFromString,
  netExposureNotional: DecimalFromString,
  markPrice: DecimalFromString,
  imf: DecimalFromString,
  imfFunction: optionalNullable(MarginFunctionSchema),
  mmf: DecimalFromString,
  mmfFunction: optionalNullable(MarginFunctionSchema),
  cumulativeInterest: DecimalFromString,
  estLiquidationPrice: DecimalFromString,
});

/** Borrow/lend movement kinds. */
export type BorrowLendEventType = Open<"Borrow" | "BorrowRepay" | "Lend" | "LendRedeem">;

/** A borrow/lend movement (`GET /wapi/v1/history/borrowLend`). */
export interface BorrowLendMovement {
  /** Kind of movement. */
  readonly eventType: BorrowLendEventType;
  /** Position id. */
  readonly positionId: string;
  /** Position size after the movement. */
  readonly positionQuantity?: Decimal | null | undefined;
  /** Quantity moved. */
  readonly quantity: Decimal;
  /** What caused it (`Manual`, `AutoBorrow`, `Liquidation`...). */
  readonly source: string;
  /** Asset symbol. */
  readonly symbol: string;
  /** When (UTC). */
  readonly timestamp: Date;
  /** Spot-margin order behind it. */
  readonly spotMarginOrderId?: string | null | undefined;
}

/** Schema of {@link BorrowLendMovement}. */
export const BorrowLendMovement: Schema.Decoder<BorrowLendMovement> = Schema.Struct({
  eventType: Schema.String,
  positionId: IdString,
  positionQuantity: OptionalDecimal,
  quantity: DecimalFromString,
  source: Schema.String,
  symbol: Schema.String,
  timestamp: NaiveUtcDate,
  spotMarginOrderId: OptionalId,
});

/** An interest payment (`GET /wapi/v1/history/interest`). */
export interface InterestPayment {
  /** `EntryFee`, `Borrow`, `Lend`, `UnrealizedPositivePnl`, `UnrealizedNegativePnl`... */
  readonly paymentType: string;
  /** Rate applied. */
  readonly interestRate: Decimal;
  /** Interval length in ms. */
  readonly interval: number;
  /** Market the interest relates to. */
  readonly marketSymbol: string;
  /** Position id. */
  readonly positionId: string;
  /** Amount (signed). */
  readonly quantity: Decimal;
  /** Asset symbol. */
  readonly symbol: string;
  /** When (UTC). */
  readonly timestamp: Date;
}

/** Schema of {@link InterestPayment}. */
export const InterestPayment: Schema.Decoder<InterestPayment> = Schema.Struct({
  paymentType: Schema.String,
  interestRate: DecimalFromString,
  interval: NumberOrString,
  marketSymbol: Schema.String,
  positionId: IdString,
  quantity: DecimalFromString,
  symbol: Schema.String,
  timestamp: NaiveUtcDate,
});

/** A past or present borrow/lend position (`GET /wapi/v1/history/borrowLend/positions`). */
export interface BorrowPositionHistoryEntry {
  /** Position id. */
  readonly positionId: string;
  /** Quantity. */
  readonly quantity: Decimal;
  /** Asset symbol. */
  readonly symbol: string;
  /** Origin of the position. */
  readonly source: string;
  /** Interest accrued. */
  readonly cumulativeInterest: Decimal;
  /** Average interest rate. */
  readonly avgInterestRate: Decimal;
  /** `Borrow` or `Lend`. */
  readonly side: Open<"Borrow" | "Lend">;
  /** When opened (UTC). */
  readonly createdAt: Date;
}

/** Schema of {@link BorrowPositionHistoryEntry}. */
export const BorrowPositionHistoryEntry: Schema.Decoder<BorrowPositionHistoryEntry> = Schema
  .Struct({
    positionId: IdString,
    quantity: DecimalFromString,
    symbol: Schema.String,
    source: Schema.String,
    cumulativeInterest: DecimalFromString,
    avgInterestRate: DecimalFromString,
    side: Schema.String,
    createdAt: NaiveUtcDate,
  });
