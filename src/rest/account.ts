/**
 * Account endpoints (signed): settings and fees, the account-wide leverage cap, dust conversion,
 * and the "how much can I" limits for orders, borrows and withdrawals.
 *
 * Leverage is one cap for the whole (sub)account — `updateAccount({ leverageLimit })` — not per
 * symbol; margin is always cross.
 *
 * @module
 */
import * as Effect from "effect/Effect";
import * as Schema from "effect/Schema";
import type { DecimalInput } from "../decimal.ts";
import type { BackpackError } from "../errors.ts";
import { booleanInput } from "../orders/validate_order.ts";
import {
  Account,
  MaxBorrowQuantity,
  MaxOrderQuantity,
  MaxWithdrawalQuantity,
} from "../schema/account.ts";
import type { OrderSide } from "../schema/order.ts";
import { type BackpackHttp, signedCall } from "./http.ts";
import {
  atLeastOne,
  decimalInput,
  guarded,
  oneOf,
  optionalText,
  requiredText,
} from "./validate.ts";

/**
 * Settings, fees (basis points), leverage cap and open-order counts. `GET /api/v1/account`,
 * instruction `accountQuery`.
 */
export const getAccount = (): Effect.Effect<Account, BackpackError, BackpackHttp> =>
  signedCall({
    method: "GET",
    path: "/api/v1/account",
    instruction: "accountQuery",
    schema: Account,
  });

/** Parameters of {@link updateAccount}: at least one field. */
export interface UpdateAccountParams {
  /** Account-wide leverage cap, e.g. `"10"`. */
  readonly leverageLimit?: DecimalInput;
  /** Borrow automatically to settle negative balances. */
  readonly autoBorrowSettlements?: boolean;
  /** Lend idle balances automatically. */
  readonly autoLend?: boolean;
  /** Repay borrows automatically. */
  readonly autoRepayBorrows?: boolean;
}

const ACCOUNT_FLAGS = ["autoBorrowSettlements", "autoLend", "autoRepayBorrows"] as const;

/**
 * Changes account settings, e.g. the leverage cap. `PATCH /api/v1/account`, instruction
 * `accountUpdate`. Succeeds with no value (the server answers an empty 200).
 *
 * @example
 * ```ts
 * import { updateAccount } from "./account.ts";
 * const setLeverage = updateAccount({ leverageLimit: "5" });
 * ```
 */
export const updateAccount = (
  params: UpdateAccountParams,
): Effect.Effect<void, BackpackError, BackpackHttp> =>
  guarded(() => [
    atLeastOne({
      leverageLimit: params.leverageLimit,
      autoBorrowSettlements: params.autoBorrowSettlements,
      autoLend: params.autoLend,
      autoRepayBorrows: params.autoRepayBorrows,
    }),
    decimalInput("leverageLimit", params.leverageLimit, { positive: true }),
    ...ACCOUNT_FLAGS.map((key) => booleanInput(key, params[key])),
  ], () =>
    Effect.asVoid(signedCall({
      method: "PATCH",
      path: "/api/v1/account",
      instruction: "accountUpdate",
      body: {
        leverageLimit: params.leverageLimit,
        autoBorrowSettlements: params.autoBorrowSettlements,
        autoLend: params.autoLend,
        autoRepayBorrows: params.autoRepayBorrows,
      },
      schema: Schema.Unknown,
    })));

/** Parameters of {@link convertDust}. */
export interface ConvertDustParams {
  /** Asset to convert; all dust balances when omitted. */
  readonly symbol?: string;
}

/**
 * Converts dust balances to USDC. `POST /api/v1/account/convertDust`, instruction `convertDust`.
 * Succeeds with no value.
 */
export const convertDust = (
  params: ConvertDustParams = {},
): Effect.Effect<void, BackpackError, BackpackHttp> =>
  guarded(() => [optionalText("symbol", params.symbol)], () =>
    Effect.asVoid(signedCall({
      method: "POST",
      path: "/api/v1/account/convertDust",
      instruction: "convertDust",
      body: { symbol: params.symbol },
      schema: Schema.Unknown,
    })));

/** Parameters of {@link getMaxOrderQuantity}. */
export interface GetMaxOrderQuantityParams {
  /** Market symbol. */
  readonly symbol: string;
  /** Side of the order. */
  readonly side: OrderSide;
  /** Limit price; omit for a market order. */
  readonly price?: DecimalInput;
  /** As a reduce-only order. */
  readonly reduceOnly?: boolean;
  /** Allowing borrows. */
  readonly autoBorrow?: boolean;
  /** Repaying borrows with the proceeds. */
  readonly autoBorrowRepay?: boolean;
  /** Redeeming lent funds. */
  readonly autoLendRedeem?: boolean;
}

const ORDER_LIMIT_FLAGS = [
  "reduceOnly",
  "autoBorrow",
  "autoBorrowRepay",
  "autoLendRedeem",
] as const;

/**
 * The largest order quantity the account can place now. `GET /api/v1/account/limits/order`,
 * instruction `maxOrderQuantity`.
 */
export const getMaxOrderQuantity = (
  params: GetMaxOrderQuantityParams,
): Effect.Effect<MaxOrderQuantity, BackpackError, BackpackHttp> =>
  guarded(() => [
    requiredText("symbol", params.symbol),
    requiredText("side", params.side) ?? oneOf("side", params.side, ["Bid", "Ask"]),
    decimalInput("price", params.price, { positive: true }),
    ...ORDER_LIMIT_FLAGS.map((key) => booleanInput(key, params[key])),
  ], () =>
    signedCall({
      method: "GET",
      path: "/api/v1/account/limits/order",
      instruction: "maxOrderQuantity",
      query: {
        symbol: params.symbol,
        side: params.side,
        price: params.price,
        reduceOnly: params.reduceOnly,
        autoBorrow: params.autoBorrow,
        autoBorrowRepay: params.autoBorrowRepay,
        autoLendRedeem: params.autoLendRedeem,
      },
      schema: MaxOrderQuantity,
    }));

/** Parameters of {@link getMaxBorrowQuantity}. */
export interface GetMaxBorrowQuantityParams {
  /** Asset symbol, e.g. `USDC`. */
  readonly symbol: string;
}

/**
 * The largest quantity of an asset the account can borrow. `GET /api/v1/account/limits/borrow`,
 * instruction `maxBorrowQuantity`.
 */
export const getMaxBorrowQuantity = (
  params: GetMaxBorrowQuantityParams,
): Effect.Effect<MaxBorrowQuantity, BackpackError, BackpackHttp> =>
  guarded(() => [requiredText("symbol", params.symbol)], () =>
    signedCall({
      method: "GET",
      path: "/api/v1/account/limits/borrow",
      instruction: "maxBorrowQuantity",
      query: { symbol: params.symbol },
      schema: MaxBorrowQuantity,
    }));

/** Parameters of {@link getMaxWithdrawalQuantity}. */
export interface GetMaxWithdrawalQuantityParams {
  /** Asset symbol, e.g. `USDC`. */
  readonly symbol: string;
  /** Allowing borrows. */
  readonly autoBorrow?: boolean;
  /** Redeeming lent funds. */
  readonly autoLendRedeem?: boolean;
}

/**
 * The largest quantity of an asset the account can withdraw. `GET
 * /api/v1/account/limits/withdrawal`, instruction `maxWithdrawalQuantity`.
 */
export const getMaxWithdrawalQuantity = (
  params: GetMaxWithdrawalQuantityParams,
): Effect.Effect<MaxWithdrawalQuantity, BackpackError, BackpackHttp> =>
  guarded(() => [
    requiredText("symbol", params.symbol),
    booleanInput("autoBorrow", params.autoBorrow),
    booleanInput("autoLendRedeem", params.autoLendRedeem),
  ], () =>
    signedCall({
      method: "GET",
      path: "/api/v1/account/limits/withdrawal",
      instruction: "maxWithdrawalQuantity",
      query: {
        symbol: params.symbol,
        autoBorrow: params.autoBorrow,
        autoLendRedeem: params.autoLendRedeem,
      },
      schema: MaxWithdrawalQuantity,
    }));

/** The account endpoints, by name (the Promise facade exposes each as a method). */
export interface AccountEndpoints {
  /** {@link getAccount} */
  readonly getAccount: typeof getAccount;
  /** {@link updateAccount} */
  readonly updateAccount: typeof updateAccount;
  /** {@link convertDust} */
  readonly convertDust: typeof convertDust;
  /** {@link getMaxOrderQuantity} */
  readonly getMaxOrderQuantity: typeof getMaxOrderQuantity;
  /** {@link getMaxBorrowQuantity} */
  readonly getMaxBorrowQuantity: typeof getMaxBorrowQuantity;
  /** {@link getMaxWithdrawalQuantity} */
  readonly getMaxWithdrawalQuantity: typeof getMaxWithdrawalQuantity;
}

/** The account endpoints, by name. */
export const accountEndpoints: AccountEndpoints = {
  getAccount,
  updateAccount,
  convertDust,
  getMaxOrderQuantity,
  getMaxBorrowQuantity,
  getMaxWithdrawalQuantity,
};
