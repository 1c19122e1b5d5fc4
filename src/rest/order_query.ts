/**
 * Reading open orders (signed): one order by id or `clientId`, and the list of open orders.
 *
 * Only orders still on the book (or pending triggers) are found: a filled or cancelled order answers
 * `NotFoundError` — use the order history for those.
 *
 * @module
 */
import type * as Effect from "effect/Effect";
import type { BackpackError } from "../errors.ts";
import type { MarketType } from "../schema/market.ts";
import { Order, Orders } from "../schema/order.ts";
import { type BackpackHttp, signedCall } from "./http.ts";
import {
  atLeastOne,
  atMostOne,
  guarded,
  optionalText,
  type Problem,
  requiredText,
  uint32,
  withMarketFilter,
} from "./validate.ts";

/** One order of a market, by exactly one of `orderId` / `clientId`. */
export interface OrderSelector {
  /** Market symbol. */
  readonly symbol: string;
  /** Order id (digits). */
  readonly orderId?: string;
  /** Your uint32 `clientId`. */
  readonly clientId?: number;
}

/** Problems of an {@link OrderSelector}: symbol required, exactly one of `orderId` / `clientId`. */
export const selectorProblems = (params: OrderSelector): ReadonlyArray<Problem> => [
  requiredText("symbol", params.symbol),
  atLeastOne({ orderId: params.orderId, clientId: params.clientId }),
  atMostOne({ orderId: params.orderId, clientId: params.clientId }),
  optionalText("orderId", params.orderId),
  uint32("clientId", params.clientId),
];

/** The wire fields of an {@link OrderSelector} (nothing else is sent). */
export const selectorFields = (
  params: OrderSelector,
): { readonly symbol: string; readonly orderId?: string; readonly clientId?: number } => ({
  symbol: params.symbol,
  orderId: params.orderId,
  clientId: params.clientId,
});

/**
 * One open order. `GET /api/v1/order`, instruction `orderQuery`.
 *
 * @example
 * ```ts
 * import { getOrder } from "./order_query.ts";
 * const order = getOrder({ symbol: "SOL_USDC", clientId: 42 });
 * ```
 */
export const getOrder = (
  params: OrderSelector,
): Effect.Effect<Order, BackpackError, BackpackHttp> =>
  guarded(() => selectorProblems(params), () =>
    signedCall({
      method: "GET",
      path: "/api/v1/order",
      instruction: "orderQuery",
      query: selectorFields(params),
      schema: Order,
    }));

/** Parameters of {@link getOpenOrders}. */
export interface GetOpenOrdersParams {
  /** Only this market. */
  readonly symbol?: string;
  /** Only this market type. */
  readonly marketType?: MarketType;
}

/**
 * Open orders, trigger orders included. `GET /api/v1/orders`, instruction `orderQueryAll`.
 */
export const getOpenOrders = (
  params: GetOpenOrdersParams = {},
): Effect.Effect<ReadonlyArray<Order>, BackpackError, BackpackHttp> =>
  withMarketFilter(params, (query) =>
    signedCall({
      method: "GET",
      path: "/api/v1/orders",
      instruction: "orderQueryAll",
      query,
      schema: Orders,
    }));
