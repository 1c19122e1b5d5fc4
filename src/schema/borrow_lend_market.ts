/**
 * Public borrow/lend market models: `GET /api/v1/borrowLend/markets`, `.../markets/history`,
 * `GET /api/v1/borrowLend/apy` and `GET /api/v1/borrowLend/position/liquidationPrice`.
 *
 * @module
 */
import * as Schema from "effect/Schema";
import { type Decimal, DecimalFromString } from "../decimal.ts";
import { NaiveUtcDate } from "./common.ts";
import { OptionalDecimal } from "./optional.ts";

/** Borrow/lend book states Backpack documents; others decode as plain strings. */
export type BorrowLendState = "Open" | "Closed" | "RepayOnly" | (string & Record<never, never>);

/** A borrow/lend pool. Rates are annual fractions. */
export interface BorrowLendMarket {
  /** Asset symbol. */
  readonly symbol: string;
  /** Pool state. */
  readonly state: BorrowLendState;
  /** Mark price of the asset. */
  readonly assetMarkPrice: Decimal;
  /** Rate borrowers pay. */
  readonly borrowInterestRate: Decimal;
  /** Rate lenders receive. */
  readonly lendInterestRate: Decimal;
  /** Quantity borrowed from the pool. */
  readonly borrowedQuantity: Decimal;
  /** Quantity lent to the pool. */
  readonly lentQuantity: Decimal;
  /** Pool utilization. */
  readonly utilization: Decimal;
  /** Optimal utilization of the rate model. */
  readonly optimalUtilization: Decimal;
  /** Maximum utilization. */
  readonly maxUtilization: Decimal;
  /** Maximum total open borrows/lends. */
  readonly openBorrowLendLimit: Decimal;
  /** Exchange fee on the yield. */
  readonly fee: Decimal;
  /** Quantity increment. */
  readonly stepSize: Decimal;
  /** Utilization that triggers borrow throttling. */
  readonly throttleUtilizationThreshold?: Decimal | null | undefined;
  /** Utilization bound per time step. */
  readonly throttleUtilizationBound?: Decimal | null | undefined;
  /** Maximum utilization increase per time step. */
  readonly throttleUpdateFraction?: Decimal | null | undefined;
  /** Snapshot time. */
  readonly timestamp: Date;
}

/** Schema of {@link BorrowLendMarket}. */
export const BorrowLendMarket: Schema.Decoder<BorrowLendMarket> = Schema.Struct({
  symbol: Schema.String,
  state: Schema.String,
  assetMarkPrice: DecimalFromString,
  borrowInterestRate: DecimalFromString,
  lendInterestRate: DecimalFromString,
  borrowedQuantity: DecimalFromString,
  lentQuantity: DecimalFromString,
  utilization: DecimalFromString,
  optimalUtilization: DecimalFromString,
  maxUtilization: DecimalFromString,
  openBorrowLendLimit: DecimalFromString,
  fee: DecimalFromString,
  stepSize: DecimalFromString,
  throttleUtilizationThreshold: OptionalDecimal,
  throttleUtilizationBound: OptionalDecimal,
  throttleUpdateFraction: OptionalDecimal,
  timestamp: NaiveUtcDate,
});

/** Schema of the `GET /api/v1/borrowLend/markets` answer. */
export const BorrowLendMarkets: Schema.Decoder<ReadonlyArray<BorrowLendMarket>> = Schema.Array(
  BorrowLendMarket,
);

/** One point of a pool's history. */
export interface BorrowLendHistoryPoint {
  /** Rate borrowers paid. */
  readonly borrowInterestRate: Decimal;
  /** Rate lenders received. */
  readonly lendInterestRate: Decimal;
  /** Quantity borrowed. */
  readonly borrowedQuantity: Decimal;
  /** Quantity lent. */
  readonly lentQuantity: Decimal;
  /** Utilization. */
  readonly utilization: Decimal;
  /** Sample time. */
  readonly timestamp: Date;
}

/** Schema of {@link BorrowLendHistoryPoint}. */
export const BorrowLendHistoryPoint: Schema.Decoder<BorrowLendHistoryPoint> = Schema.Struct({
  borrowInterestRate: DecimalFromString,
  lendInterestRate: DecimalFromString,
  borrowedQuantity: DecimalFromString,
  lentQuantity: DecimalFromString,
  utilization: DecimalFromString,
  timestamp: NaiveUtcDate,
});

/** Schema of the `GET /api/v1/borrowLend/markets/history` answer. */
export const BorrowLendHistory: Schema.Decoder<ReadonlyArray<BorrowLendHistoryPoint>> = Schema
  .Array(BorrowLendHistoryPoint);

/** Borrow/lend and staking APYs. */
export interface ApyRates {
  /** Per asset borrow and lend rates. */
  readonly borrowLend: ReadonlyArray<{
    /** Asset symbol. */
    readonly symbol: string;
    /** Borrow APY (fraction). */
    readonly borrowRate: Decimal;
    /** Lend APY (fraction). */
    readonly lendRate: Decimal;
  }>;
  /** Per asset staking rates. */
  readonly staking: ReadonlyArray<{
    /** Asset symbol. */
    readonly symbol: string;
    /** Dilution factor. */
    readonly dilutionFactor: Decimal;
    /** Staking APY (fraction). */
    readonly stakingRate: Decimal;
  }>;
}

/** Schema of {@link ApyRates}. */
export const ApyRates: Schema.Decoder<ApyRates> = Schema.Struct({
  borrowLend: Schema.Array(Schema.Struct({
    symbol: Schema.String,
    borrowRate: DecimalFromString,
    lendRate: DecimalFromString,
  })),
  staking: Schema.Array(Schema.Struct({
    symbol: Schema.String,
    dilutionFactor: DecimalFromString,
    stakingRate: DecimalFromString,
  })),
});

/** Estimated liquidation price of a hypothetical borrow. */
export interface EstimatedLiquidationPrice {
  /** Estimated liquidation price. */
  readonly liquidationPrice: Decimal;
  /** Current mark price. */
  readonly markPrice: Decimal;
}

/** Schema of {@link EstimatedLiquidationPrice}. */
export const EstimatedLiquidationPrice: Schema.Decoder<EstimatedLiquidationPrice> = Schema.Struct({
  liquidationPrice: DecimalFromString,
  markPrice: DecimalFromString,
});
