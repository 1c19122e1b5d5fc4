/**
 * Public borrow/lend market data: pools, pool history, APYs and the liquidation-price estimate.
 *
 * @module
 */
import type * as Effect from "effect/Effect";
import { renderValue } from "../auth/signing_string.ts";
import type { DecimalInput } from "../decimal.ts";
import type { BackpackError } from "../errors.ts";
import {
  ApyRates,
  BorrowLendHistory,
  type BorrowLendHistoryPoint,
  type BorrowLendMarket,
  BorrowLendMarkets,
  EstimatedLiquidationPrice,
} from "../schema/borrow_lend_market.ts";
import { type BackpackHttp, publicCall } from "./http.ts";
import {
  decimalInput,
  guarded,
  integerIn,
  oneOf,
  optionalText,
  requiredText,
  uint16,
} from "./validate.ts";

/** History window of {@link getBorrowLendMarketsHistory} (and vault history). */
export type HistoryInterval = "1d" | "1w" | "1month" | "1year";

/** Every {@link HistoryInterval}. */
export const HISTORY_INTERVALS: ReadonlyArray<HistoryInterval> = ["1d", "1w", "1month", "1year"];

/** Parameters of {@link getBorrowLendMarketsHistory}. */
export interface GetBorrowLendMarketsHistoryParams {
  /** Window. */
  readonly interval: HistoryInterval;
  /** Only this asset. */
  readonly symbol?: string;
}

/** Parameters of {@link getApyRates}. */
export interface GetApyRatesParams {
  /** Fee tier id. */
  readonly tierId?: number;
}

/** Parameters of {@link estimateBorrowLiquidationPrice}. */
export interface EstimateBorrowLiquidationPriceParams {
  /** The hypothetical borrow or lend. */
  readonly borrow: {
    /** Asset symbol, e.g. `BTC`. */
    readonly symbol: string;
    /** `Borrow` or `Lend`. */
    readonly side: "Borrow" | "Lend";
    /** Quantity (decimal string or `Decimal`). */
    readonly quantity: DecimalInput;
  };
  /** Subaccount (uint16). */
  readonly subaccountId?: number;
}

/** Every borrow/lend pool. `GET /api/v1/borrowLend/markets` (public). */
export const getBorrowLendMarkets = (): Effect.Effect<
  ReadonlyArray<BorrowLendMarket>,
  BackpackError,
  BackpackHttp
> => publicCall({ method: "GET", path: "/api/v1/borrowLend/markets", schema: BorrowLendMarkets });

/** Pool rates and sizes over a window. `GET /api/v1/borrowLend/markets/history` (public). */
export const getBorrowLendMarketsHistory = (
  params: GetBorrowLendMarketsHistoryParams,
): Effect.Effect<ReadonlyArray<BorrowLendHistoryPoint>, BackpackError, BackpackHttp> =>
  guarded(
    () => [
      requiredText("interval", params.interval),
      oneOf("interval", params.interval, HISTORY_INTERVALS),
      optionalText("symbol", params.symbol),
    ],
    () =>
      publicCall({
        method: "GET",
        path: "/api/v1/borrowLend/markets/history",
        query: { interval: params.interval, symbol: params.symbol },
        schema: BorrowLendHistory,
      }),
  );

/** Borrow, lend and staking APYs. `GET /api/v1/borrowLend/apy?tierId=` (public). */
export const getApyRates = (
  params: GetApyRatesParams = {},
): Effect.Effect<ApyRates, BackpackError, BackpackHttp> =>
  guarded(
    () => [integerIn("tierId", params.tierId, -2_147_483_648, 2_147_483_647)],
    () =>
      publicCall({
        method: "GET",
        path: "/api/v1/borrowLend/apy",
        query: { tierId: params.tierId },
        schema: ApyRates,
      }),
  );

const base64Json = (value: Readonly<Record<string, string>>): string =>
  btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))));

/**
 * Estimated liquidation price if the account borrowed (or lent) `borrow.quantity` more. The SDK
 * sends `borrow` as base64 JSON `{"quantity","side","symbol"}`, as the API expects.
 * `GET /api/v1/borrowLend/position/liquidationPrice` (public).
 */
export const estimateBorrowLiquidationPrice = (
  params: EstimateBorrowLiquidationPriceParams,
): Effect.Effect<EstimatedLiquidationPrice, BackpackError, BackpackHttp> =>
  guarded(
    () => [
      requiredText("borrow.symbol", params.borrow.symbol),
      requiredText("borrow.side", params.borrow.side),
      oneOf("borrow.side", params.borrow.side, ["Borrow", "Lend"]),
      decimalInput("borrow.quantity", params.borrow.quantity, { required: true, positive: true }),
      uint16("subaccountId", params.subaccountId),
    ],
    () =>
      publicCall({
        method: "GET",
        path: "/api/v1/borrowLend/position/liquidationPrice",
        query: {
          borrow: base64Json({
            quantity: renderValue(params.borrow.quantity).trim(),
            side: params.borrow.side,
            symbol: params.borrow.symbol,
          }),
          subaccountId: params.subaccountId,
        },
        schema: EstimatedLiquidationPrice,
      }),
  );
