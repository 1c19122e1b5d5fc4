/**
 * The order endpoints as one group: place (single and batch), query, cancel.
 *
 * @module
 */
import { cancelOpenOrders, cancelOrder } from "./order_cancel.ts";
import { executeOrder, executeOrders } from "./order_execute.ts";
import { getOpenOrders, getOrder } from "./order_query.ts";

/** The order endpoints, by name (the Promise facade exposes each as a method). */
export interface OrderEndpoints {
  /** {@link executeOrder} */
  readonly executeOrder: typeof executeOrder;
  /** {@link executeOrders} */
  readonly executeOrders: typeof executeOrders;
  /** {@link getOrder} */
  readonly getOrder: typeof getOrder;
  /** {@link getOpenOrders} */
  readonly getOpenOrders: typeof getOpenOrders;
  /** {@link cancelOrder} */
  readonly cancelOrder: typeof cancelOrder;
  /** {@link cancelOpenOrders} */
  readonly cancelOpenOrders: typeof cancelOpenOrders;
}

/** The order endpoints, by name. */
export const orderEndpoints: OrderEndpoints = {
  executeOrder,
  executeOrders,
  getOrder,
  getOpenOrders,
  cancelOrder,
  cancelOpenOrders,
};
