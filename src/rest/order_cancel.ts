/**
 * Cancelling orders (signed): one order, or every open order of a market.
 *
 * Both are mutating: an HTTP 202, 5xx or timeout fails with `OrderOutcomeUnknownError` (check with
 * `getOrder` / `getOpenOrders`). There is no global cancel-all: `symbol` is required.
 *
 * @module
 */
import type * as Effect from "effect/Effect";
import type { BackpackError } from "../errors.ts";
import { Order, Orders } from "../schema/order.ts";
import { type BackpackHttp, signedCall } from "./http.ts";
import { type OrderSelector, selectorFields, selectorProblems } from "./order_query.ts";
import { guarded, oneOf, requiredText } from "./validate.ts";

/**
 * Cancels one open order, by `orderId` or `clientId`, and answers it (status `Cancelled`).
 * `DELETE /api/v1/order`, instruction `orderCancel`.
 */
export const cancelOrder = (
  params: OrderSelector,
): Effect.Effect<Order, BackpackError, BackpackHttp> =>
  guarded(() => selectorProblems(params), () =>
    signedCall({
      method: "DELETE",
      path: "/api/v1/order",
      instruction: "orderCancel",
      body: selectorFields(params),
      schema: Order,
      mutating: true,
      clientId: params.clientId,
    }));

/** Parameters of {@link cancelOpenOrders}. */
export interface CancelOpenOrdersParams {
  /** Market symbol (required: Backpack has no global cancel-all). */
  readonly symbol: string;
  /** Only resting limit orders, or only conditional (trigger) orders. Default: both. */
  readonly orderType?: "RestingLimitOrder" | "ConditionalOrder";
}

/**
 * Cancels every open order of a market and answers them. `DELETE /api/v1/orders`, instruction
 * `orderCancelAll`.
 *
 * @example
 * ```ts
 * import { cancelOpenOrders } from "./order_cancel.ts";
 * const cancelled = cancelOpenOrders({ symbol: "SOL_USDC_PERP", orderType: "ConditionalOrder" });
 * ```
 */
export const cancelOpenOrders = (
  params: CancelOpenOrdersParams,
): Effect.Effect<ReadonlyArray<Order>, BackpackError, BackpackHttp> =>
  guarded(() => [
    requiredText("symbol", params.symbol),
    oneOf("orderType", params.orderType, ["RestingLimitOrder", "ConditionalOrder"]),
  ], () =>
    signedCall({
      method: "DELETE",
      path: "/api/v1/orders",
      instruction: "orderCancelAll",
      body: { symbol: params.symbol, orderType: params.orderType },
      schema: Orders,
      mutating: true,
    }));
