/**
 * Account models: `GET /api/v1/account` (`accountQuery`) and the account limits
 * (`GET /api/v1/account/limits/{order,borrow,withdrawal}`).
 *
 * Fees are in **basis points** (a negative maker fee is a rebate). Leverage is an account-wide cap
 * (`leverageLimit`), the only leverage control Backpack has.
 *
 * @module
 */
import * as Schema from "effect/Schema";
import { type Decimal, DecimalFromString } from "../decimal.ts";
import { NumberOrString } from "./common.ts";
import { OptionalBoolean, OptionalDecimal } from "./optional.ts";

/** Account settings, limits, fees and open-order counts. */
export interface Account {
  /** Borrow automatically to settle negative balances. */
  readonly autoBorrowSettlements: boolean;
  /** Lend idle balances automatically. */
  readonly autoLend: boolean;
  /** Realize PnL into the quote balance periodically. */
  readonly autoRealizePnl: boolean;
  /** Repay borrows automatically when funds arrive. */
  readonly autoRepayBorrows: boolean;
  /** Borrow limit (quote notional). */
  readonly borrowLimit: Decimal;
  /** Position limit (quote notional). */
  readonly positionLimit: Decimal;
  /** Account-wide leverage cap, e.g. `10`. */
  readonly leverageLimit: Decimal;
  /** Futures maker fee in basis points (negative = rebate). */
  readonly futuresMakerFee: Decimal;
  /** Futures taker fee in basis points. */
  readonly futuresTakerFee: Decimal;
  /** Spot maker fee in basis points (negative = rebate). */
  readonly spotMakerFee: Decimal;
  /** Spot taker fee in basis points. */
  readonly spotTakerFee: Decimal;
  /** Open limit orders. */
  readonly limitOrders: number;
  /** Open trigger orders. */
  readonly triggerOrders: number;
  /** Whether the account is being liquidated. */
  readonly liquidating: boolean;
}

/** Schema of {@link Account}. */
export const Account: Schema.Decoder<Account> = Schema.Struct({
  autoBorrowSettlements: Schema.Boolean,
  autoLend: Schema.Boolean,
  autoRealizePnl: Schema.Boolean,
  autoRepayBorrows: Schema.Boolean,
  borrowLimit: DecimalFromString,
  positionLimit: DecimalFromString,
  leverageLimit: DecimalFromString,
  futuresMakerFee: DecimalFromString,
  futuresTakerFee: DecimalFromString,
  spotMakerFee: DecimalFromString,
  spotTakerFee: DecimalFromString,
  limitOrders: NumberOrString,
  triggerOrders: NumberOrString,
  liquidating: Schema.Boolean,
});

/** `GET /api/v1/account/limits/order`: the largest order the account can place now. */
export interface MaxOrderQuantity {
  /** Market symbol. */
  readonly symbol: string;
  /** Side asked about. */
  readonly side: string;
  /** Largest base quantity. */
  readonly maxOrderQuantity: Decimal;
  /** Price asked about (absent for a market order). */
  readonly price?: Decimal | null | undefined;
  /** Echo of the `reduceOnly` query flag. */
  readonly reduceOnly?: boolean | null | undefined;
  /** Echo of the `autoBorrow` query flag. */
  readonly autoBorrow?: boolean | null | undefined;
  /** Echo of the `autoBorrowRepay` query flag. */
  readonly autoBorrowRepay?: boolean | null | undefined;
  /** Echo of the `autoLendRedeem` query flag. */
  readonly autoLendRedeem?: boolean | null | undefined;
}

/** Schema of {@link MaxOrderQuantity}. */
export const MaxOrderQuantity: Schema.Decoder<MaxOrderQuantity> = Schema.Struct({
  symbol: Schema.String,
  side: Schema.String,
  maxOrderQuantity: DecimalFromString,
  price: OptionalDecimal,
  reduceOnly: OptionalBoolean,
  autoBorrow: OptionalBoolean,
  autoBorrowRepay: OptionalBoolean,
  autoLendRedeem: OptionalBoolean,
});

/** `GET /api/v1/account/limits/borrow`: the largest borrow of an asset. */
export interface MaxBorrowQuantity {
  /** Asset symbol. */
  readonly symbol: string;
  /** Largest quantity that can be borrowed. */
  readonly maxBorrowQuantity: Decimal;
}

/** Schema of {@link MaxBorrowQuantity}. */
export const MaxBorrowQuantity: Schema.Decoder<MaxBorrowQuantity> = Schema.Struct({
  symbol: Schema.String,
  maxBorrowQuantity: DecimalFromString,
});

/** `GET /api/v1/account/limits/withdrawal`: the largest withdrawal of an asset. */
export interface MaxWithdrawalQuantity {
  /** Asset symbol. */
  readonly symbol: string;
  /** Largest quantity that can be withdrawn. */
  readonly maxWithdrawalQuantity: Decimal;
  /** Echo of the `autoBorrow` query flag. */
  readonly autoBorrow?: boolean | null | undefined;
  /** Echo of the `autoLendRedeem` query flag. */
  readonly autoLendRedeem?: boolean | null | undefined;
}

/** Schema of {@link MaxWithdrawalQuantity}. */
export const MaxWithdrawalQuantity: Schema.Decoder<MaxWithdrawalQuantity> = Schema.Struct({
  symbol: Schema.String,
  maxWithdrawalQuantity: DecimalFromString,
  autoBorrow: OptionalBoolean,
  autoLendRedeem: OptionalBoolean,
});
