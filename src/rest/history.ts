/**
 * Account history endpoints (signed, `/wapi/v1/history/*`): fills, orders, funding payments,
 * settlements, positions, dust conversions. Each returns one page (`limit` ≤ 1000, `offset`); walk
 * every page with `paginate` (Effect) or the facade's `iterate*` methods.
 *
 * PnL history (`/wapi/v1/history/pnl`) was removed by Backpack on 2025-08-07: use
 * {@link getSettlementHistory} (source `RealizePnl`) instead.
 *
 * @module
 */
import type * as Effect from "effect/Effect";
import type { BackpackError } from "../errors.ts";
import {
  DustConversion,
  Fill,
  FundingPayment,
  OrderHistoryEntry,
  PositionHistoryEntry,
  Settlement,
  type SettlementSource,
} from "../schema/history.ts";
import type { MarketType } from "../schema/market.ts";
import type { TimeRangeParams } from "./capital.ts";
import type { BackpackHttp } from "./http.ts";
import { pagedCall } from "./paginate.ts";
import {
  type HistoryParams,
  integerIn,
  oneOf,
  optionalText,
  timeRangeProblems,
  uint16,
} from "./validate.ts";

/** Fill kinds accepted by `fillType`. */
export type FillType =
  | "User"
  | "BookLiquidation"
  | "Adl"
  | "Backstop"
  | "Liquidation"
  | "AllLiquidation"
  | "CollateralConversion"
  | "CollateralConversionAndSpotLiquidation";

/** Parameters of {@link getFillHistory}. */
export interface GetFillHistoryParams extends HistoryParams, TimeRangeParams {
  /** Fills of one order. */
  readonly orderId?: string;
  /** Fills of one strategy. */
  readonly strategyId?: string;
  /** Market symbol. */
  readonly symbol?: string;
  /**
   * Which fills. Since 2025-04-22 the server also returns system fills (liquidations, ADL,
   * conversions) by default; pass `User` for only your own orders.
   */
  readonly fillType?: FillType;
  /** One market type (the spec allows a list; its encoding is undocumented, so one value). */
  readonly marketType?: MarketType;
}

/**
 * Your fills. `GET /wapi/v1/history/fills`, instruction `fillHistoryQueryAll`.
 *
 * @example
 * ```ts
 * import { getFillHistory } from "./history.ts";
 * const fills = getFillHistory({ symbol: "SOL_USDC", fillType: "User", limit: 100 });
 * ```
 */
export const getFillHistory = (
  params: GetFillHistoryParams = {},
): Effect.Effect<ReadonlyArray<Fill>, BackpackError, BackpackHttp> =>
  pagedCall(
    { path: "/wapi/v1/history/fills", instruction: "fillHistoryQueryAll", row: Fill },
    params,
    () => [
      timeRangeProblems(params.from, params.to),
      optionalText("orderId", params.orderId),
      optionalText("symbol", params.symbol),
    ],
  );

/** Parameters of {@link getOrderHistory}. */
export interface GetOrderHistoryParams extends HistoryParams {
  /** One order. */
  readonly orderId?: string;
  /** Orders of one strategy. */
  readonly strategyId?: string;
  /** Market symbol. */
  readonly symbol?: string;
  /** One market type. */
  readonly marketType?: MarketType;
}

/**
 * Past and present orders (filled, cancelled, expired...). `GET /wapi/v1/history/orders`,
 * instruction `orderHistoryQueryAll`.
 */
export const getOrderHistory = (
  params: GetOrderHistoryParams = {},
): Effect.Effect<ReadonlyArray<OrderHistoryEntry>, BackpackError, BackpackHttp> =>
  pagedCall(
    {
      path: "/wapi/v1/history/orders",
      instruction: "orderHistoryQueryAll",
      row: OrderHistoryEntry,
    },
    params,
    () => [
      optionalText("orderId", params.orderId),
      optionalText("symbol", params.symbol),
    ],
  );

/** Parameters of {@link getFundingPayments}. */
export interface GetFundingPaymentsParams extends HistoryParams {
  /** Subaccount (uint16). */
  readonly subaccountId?: number;
  /** Perp symbol. */
  readonly symbol?: string;
}

/**
 * Your funding payments (`quantity` > 0 received). `GET /wapi/v1/history/funding`, instruction
 * `fundingHistoryQueryAll`.
 */
export const getFundingPayments = (
  params: GetFundingPaymentsParams = {},
): Effect.Effect<ReadonlyArray<FundingPayment>, BackpackError, BackpackHttp> =>
  pagedCall(
    {
      path: "/wapi/v1/history/funding",
      instruction: "fundingHistoryQueryAll",
      row: FundingPayment,
    },
    params,
    () => [
      uint16("subaccountId", params.subaccountId),
      optionalText("symbol", params.symbol),
    ],
  );

/** Parameters of {@link getSettlementHistory}. */
export interface GetSettlementHistoryParams extends HistoryParams {
  /** Only this kind of settlement. */
  readonly source?: SettlementSource;
}

/**
 * Settlements: realized PnL, funding, fees (the closest thing to a ledger).
 * `GET /wapi/v1/history/settlement`, instruction `settlementHistoryQueryAll`.
 */
export const getSettlementHistory = (
  params: GetSettlementHistoryParams = {},
): Effect.Effect<ReadonlyArray<Settlement>, BackpackError, BackpackHttp> =>
  pagedCall(
    {
      path: "/wapi/v1/history/settlement",
      instruction: "settlementHistoryQueryAll",
      row: Settlement,
    },
    params,
    () => [optionalText("source", params.source)],
  );

/** Parameters of {@link getPositionHistory}. */
export interface GetPositionHistoryParams extends HistoryParams {
  /** Symbol. */
  readonly symbol?: string;
  /** `Open` or `Closed`. */
  readonly state?: "Open" | "Closed";
  /** One market type. */
  readonly marketType?: MarketType;
}

/** Open and closed futures positions. `GET /wapi/v1/history/position`, `positionHistoryQueryAll`. */
export const getPositionHistory = (
  params: GetPositionHistoryParams = {},
): Effect.Effect<ReadonlyArray<PositionHistoryEntry>, BackpackError, BackpackHttp> =>
  pagedCall(
    {
      path: "/wapi/v1/history/position",
      instruction: "positionHistoryQueryAll",
      row: PositionHistoryEntry,
    },
    params,
    () => [
      oneOf("state", params.state, ["Open", "Closed"]),
      optionalText("symbol", params.symbol),
    ],
  );

/** Parameters of {@link getDustHistory}. */
export interface GetDustHistoryParams extends HistoryParams {
  /** One conversion (int64). */
  readonly id?: number;
  /** Asset symbol. */
  readonly symbol?: string;
}

/** Dust conversions to USDC. `GET /wapi/v1/history/dust`, instruction `dustHistoryQueryAll`. */
export const getDustHistory = (
  params: GetDustHistoryParams = {},
): Effect.Effect<ReadonlyArray<DustConversion>, BackpackError, BackpackHttp> =>
  pagedCall(
    { path: "/wapi/v1/history/dust", instruction: "dustHistoryQueryAll", row: DustConversion },
    params,
    () => [
      integerIn("id", params.id, 0, Number.MAX_SAFE_INTEGER),
      optionalText("symbol", params.symbol),
    ],
  );

/** The history endpoints, by name (the Promise facade exposes each as a method). */
export interface HistoryEndpoints {
  /** {@link getFillHistory} */
  readonly getFillHistory: typeof getFillHistory;
  /** {@link getOrderHistory} */
  readonly getOrderHistory: typeof getOrderHistory;
  /** {@link getFundingPayments} */
  readonly getFundingPayments: typeof getFundingPayments;
  /** {@link getSettlementHistory} */
  readonly getSettlementHistory: typeof getSettlementHistory;
  /** {@link getPositionHistory} */
  readonly getPositionHistory: typeof getPositionHistory;
  /** {@link getDustHistory} */
  readonly getDustHistory: typeof getDustHistory;
}

/** The history endpoints, by name. */
export const historyEndpoints: HistoryEndpoints = {
  getFillHistory,
  getOrderHistory,
  getFundingPayments,
  getSettlementHistory,
  getPositionHistory,
  getDustHistory,
};
