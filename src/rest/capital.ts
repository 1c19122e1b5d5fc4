/**
 * Capital endpoints (signed): balances, collateral, deposits, deposit addresses, withdrawals.
 *
 * @module
 */
import type * as Effect from "effect/Effect";
import * as Schema from "effect/Schema";
import type { DecimalInput } from "../decimal.ts";
import type { BackpackError } from "../errors.ts";
import { Balances, Collateral, Deposit, DepositAddress, Withdrawal } from "../schema/capital.ts";
import { type BackpackHttp, signedCall } from "./http.ts";
import {
  decimalInput,
  guarded,
  integerIn,
  optionalText,
  type PageParams,
  pageProblems,
  requiredText,
  timeRangeProblems,
  uint16,
} from "./validate.ts";

/**
 * Spot balances per asset (`available`, `locked`, `staked`). `GET /api/v1/capital`, instruction
 * `balanceQuery` (signed).
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect";
 * import { getBalances } from "./capital.ts";
 * const usdc = Effect.map(getBalances(), (b) => b.USDC?.available.toFixed());
 * ```
 */
export const getBalances = (): Effect.Effect<Balances, BackpackError, BackpackHttp> =>
  signedCall({
    method: "GET",
    path: "/api/v1/capital",
    instruction: "balanceQuery",
    schema: Balances,
  });

/** Parameters of {@link getCollateral}. */
export interface GetCollateralParams {
  /** Subaccount to report (uint16); default the key's account. */
  readonly subaccountId?: number;
}

/**
 * The unified-margin account: equity, free margin (`netEquityAvailable`), margin fractions and
 * per-asset collateral (lent balances included). `GET /api/v1/capital/collateral`, instruction
 * `collateralQuery`.
 */
export const getCollateral = (
  params: GetCollateralParams = {},
): Effect.Effect<Collateral, BackpackError, BackpackHttp> =>
  guarded(() => [uint16("subaccountId", params.subaccountId)], () =>
    signedCall({
      method: "GET",
      path: "/api/v1/capital/collateral",
      query: { subaccountId: params.subaccountId },
      instruction: "collateralQuery",
      schema: Collateral,
    }));

/** A `from`/`to` window in Unix milliseconds (inclusive bounds, `from ≤ to`). */
export interface TimeRangeParams {
  /** Start, Unix ms. */
  readonly from?: number;
  /** End, Unix ms. */
  readonly to?: number;
}

/** Parameters of {@link getDeposits}. */
export interface GetDepositsParams extends PageParams, TimeRangeParams {
  /** Leave out platform (internal/administrative) deposits. */
  readonly excludePlatform?: boolean;
}

/** Deposit history, newest first. `GET /wapi/v1/capital/deposits`, instruction `depositQueryAll`. */
export const getDeposits = (
  params: GetDepositsParams = {},
): Effect.Effect<ReadonlyArray<Deposit>, BackpackError, BackpackHttp> =>
  guarded(
    () => [pageProblems(params), timeRangeProblems(params.from, params.to)],
    () =>
      signedCall({
        method: "GET",
        path: "/wapi/v1/capital/deposits",
        query: { ...params },
        instruction: "depositQueryAll",
        schema: Schema.Array(Deposit),
      }),
  );

/**
 * Blockchains Backpack documents (PascalCase, as the capital endpoints spell them); newer chains
 * are accepted as plain strings.
 */
export type Blockchain =
  | "Arbitrum"
  | "Base"
  | "Bitcoin"
  | "Bsc"
  | "Ethereum"
  | "Optimism"
  | "Polygon"
  | "Solana"
  | "Sui"
  | "Tron"
  | "XRP"
  | (string & Record<never, never>);

/** Parameters of {@link getDepositAddress}. */
export interface GetDepositAddressParams {
  /** Blockchain, PascalCase (`Solana`, `Ethereum`...). */
  readonly blockchain: Blockchain;
}

/**
 * Your deposit address on one blockchain. `GET /wapi/v1/capital/deposit/address`, instruction
 * `depositAddressQuery`.
 */
export const getDepositAddress = (
  params: GetDepositAddressParams,
): Effect.Effect<DepositAddress, BackpackError, BackpackHttp> =>
  guarded(() => [requiredText("blockchain", params.blockchain)], () =>
    signedCall({
      method: "GET",
      path: "/wapi/v1/capital/deposit/address",
      query: { blockchain: params.blockchain },
      instruction: "depositAddressQuery",
      schema: DepositAddress,
    }));

/** Parameters of {@link getWithdrawals}. */
export interface GetWithdrawalsParams extends PageParams, TimeRangeParams {
  /** One withdrawal by id (int32). */
  readonly id?: number;
  /** Withdrawals made with this client id. */
  readonly clientId?: string;
}

/**
 * Withdrawal history, newest first. `GET /wapi/v1/capital/withdrawals`, instruction
 * `withdrawalQueryAll`.
 */
export const getWithdrawals = (
  params: GetWithdrawalsParams = {},
): Effect.Effect<ReadonlyArray<Withdrawal>, BackpackError, BackpackHttp> =>
  guarded(() => [
    pageProblems(params),
    timeRangeProblems(params.from, params.to),
    integerIn("id", params.id, 0, 2_147_483_647),
    optionalText("clientId", params.clientId),
  ], () =>
    signedCall({
      method: "GET",
      path: "/wapi/v1/capital/withdrawals",
      query: { ...params },
      instruction: "withdrawalQueryAll",
      schema: Schema.Array(Withdrawal),
    }));

/** Parameters of {@link withdraw}. */
export interface WithdrawParams {
  /** Destination address (must be an address-book entry allowed for API withdrawals). */
  readonly address: string;
  /** Blockchain, PascalCase. */
  readonly blockchain: Blockchain;
  /** Amount, as a decimal string or `Decimal`. */
  readonly quantity: DecimalInput;
  /** Asset symbol, e.g. `USDC`. */
  readonly symbol: string;
  /** Your id for this withdrawal (a string). */
  readonly clientId?: string;
  /** 2FA token (Backpack's FAQ says it is currently disabled for API withdrawals). */
  readonly twoFactorToken?: string;
  /** Borrow to cover a shortfall. */
  readonly autoBorrow?: boolean;
  /** Redeem lent funds to cover a shortfall. */
  readonly autoLendRedeem?: boolean;
}

/**
 * Requests a withdrawal. `POST /wapi/v1/capital/withdrawals`, instruction `withdraw`. Mutating: a
 * 202/5xx/timeout becomes `OrderOutcomeUnknownError`; check {@link getWithdrawals} (by `clientId`)
 * before retrying.
 *
 * The spec's nested `recipientInformation` object (travel-rule data) is **not** sent: how nested
 * objects are signed is undocumented (REFERENCE §2.3, UNCERTAIN), so the SDK does not guess.
 */
export const withdraw = (
  params: WithdrawParams,
): Effect.Effect<Withdrawal, BackpackError, BackpackHttp> =>
  guarded(() => [
    requiredText("address", params.address),
    requiredText("blockchain", params.blockchain),
    decimalInput("quantity", params.quantity, { required: true, positive: true }),
    requiredText("symbol", params.symbol),
    optionalText("clientId", params.clientId),
  ], () =>
    signedCall({
      method: "POST",
      path: "/wapi/v1/capital/withdrawals",
      body: {
        address: params.address,
        blockchain: params.blockchain,
        quantity: params.quantity,
        symbol: params.symbol,
        clientId: params.clientId,
        twoFactorToken: params.twoFactorToken,
        autoBorrow: params.autoBorrow,
        autoLendRedeem: params.autoLendRedeem,
      },
      instruction: "withdraw",
      schema: Withdrawal,
    }));

/** The capital endpoints, by name (the Promise facade exposes each as a method). */
export interface CapitalEndpoints {
  /** {@link getBalances} */
  readonly getBalances: typeof getBalances;
  /** {@link getCollateral} */
  readonly getCollateral: typeof getCollateral;
  /** {@link getDeposits} */
  readonly getDeposits: typeof getDeposits;
  /** {@link getDepositAddress} */
  readonly getDepositAddress: typeof getDepositAddress;
  /** {@link getWithdrawals} */
  readonly getWithdrawals: typeof getWithdrawals;
  /** {@link withdraw} */
  readonly withdraw: typeof withdraw;
}

/** The capital endpoints, by name. */
export const capitalEndpoints: CapitalEndpoints = {
  getBalances,
  getCollateral,
  getDeposits,
  getDepositAddress,
  getWithdrawals,
  withdraw,
};
