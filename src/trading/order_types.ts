/**
 * Orders and fills as the trading connector tracks them: the order lifecycle state, the parameters
 * of `placeOrder`, order references, tracked orders and deduplicated fills. Money is `Decimal`.
 *
 * @module
 */
import type { Decimal } from "../decimal.ts";
import type { BackpackError } from "../errors.ts";
import type { ExecuteOrderParams } from "../orders/validate_order.ts";
import type { OrderSide, OrderType } from "../schema/order.ts";

/** Lifecycle state of an order placed through the connector. */
export type OrderState =
  | "PendingNew"
  | "Open"
  | "PartiallyFilled"
  | "Filled"
  | "Cancelled"
  | "Expired"
  | "Failed"
  | "Unknown";

/** Parameters of `placeOrder`: an order without `clientId` (the connector assigns one). */
export type PlaceOrderParams = Omit<ExecuteOrderParams, "clientId">;

/** One order of a market, by `clientId` (connector orders) or `orderId`. */
export interface OrderRef {
  /** Market symbol. */
  readonly symbol: string;
  /** The connector-assigned uint32 client id. */
  readonly clientId?: number;
  /** Exchange order id. */
  readonly orderId?: string;
}

/** An order as the connector knows it. */
export interface TrackedOrder {
  /** uint32 client id (assigned by the connector, or the exchange's for foreign orders). */
  readonly clientId: number | undefined;
  /** Exchange order id, once known. */
  readonly orderId: string | undefined;
  /** Market symbol. */
  readonly symbol: string;
  /** Side. */
  readonly side: OrderSide;
  /** Order type. */
  readonly orderType: OrderType;
  /** Limit price. */
  readonly price: Decimal | undefined;
  /** Base quantity. */
  readonly quantity: Decimal | undefined;
  /** Post-only flag. */
  readonly postOnly: boolean;
  /** Reduce-only flag. */
  readonly reduceOnly: boolean;
  /** Lifecycle state. */
  readonly state: OrderState;
  /** Filled base quantity. */
  readonly executedQuantity: Decimal;
  /** Filled quote quantity. */
  readonly executedQuoteQuantity: Decimal;
  /** Why it expired (e.g. post-only would have crossed), when it did. */
  readonly expiryReason: string | undefined;
  /** The error that failed it (`Failed`) or made its outcome unknown (`Unknown`). */
  readonly error: BackpackError | undefined;
  /** When the connector registered it. */
  readonly createdAt: Date;
  /** Last change. */
  readonly updatedAt: Date;
}

/** One fill, counted once (deduplicated by market and trade id across the stream and the history). */
export interface TrackedFill {
  /** Trade id. */
  readonly tradeId: string;
  /** Exchange order id. */
  readonly orderId: string;
  /** Client id of the order, when it has one. */
  readonly clientId: number | undefined;
  /** Market symbol. */
  readonly symbol: string;
  /** Side of our order. */
  readonly side: OrderSide;
  /** Price. */
  readonly price: Decimal;
  /** Base quantity. */
  readonly quantity: Decimal;
  /** Fee actually charged (negative: a rebate). */
  readonly fee: Decimal;
  /** Asset the fee was charged in. */
  readonly feeAsset: string;
  /** Maker (true) or taker. */
  readonly maker: boolean;
  /** Fee the connector estimated for this fill (quote asset) from its fee schedule. */
  readonly estimatedFee: Decimal;
  /** Fill time. */
  readonly timestamp: Date;
  /** Where the connector first saw it. */
  readonly source: "stream" | "history";
}
