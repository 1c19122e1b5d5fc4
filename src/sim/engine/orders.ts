/**
 * The engine's mutable order record and its serialization to the public {@link SimOrder}.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import { str, ZERO } from "./num.ts";
import type {
  ExpiryReason,
  OrderStatus,
  OrderType,
  SelfTradePrevention,
  Side,
  SimOrder,
  SystemOrderType,
  TimeInForce,
  TriggerBy,
} from "./order_types.ts";

/** Attached take-profit / stop-loss leg of an order. */
export interface AttachedLeg {
  readonly triggerPrice: Decimal;
  readonly limitPrice: Decimal | null;
  readonly triggerBy: TriggerBy;
}

/** An order inside the engine (mutable; never handed out). */
export interface EngineOrder {
  readonly id: string;
  readonly accountId: string;
  readonly symbol: string;
  readonly side: Side;
  readonly orderType: OrderType;
  readonly price: Decimal | null;
  /** Base quantity; for a percentage trigger order it is set when the trigger fires. */
  quantity: Decimal | null;
  readonly quoteQuantity: Decimal | null;
  executedQuantity: Decimal;
  executedQuoteQuantity: Decimal;
  status: OrderStatus;
  readonly timeInForce: TimeInForce;
  readonly selfTradePrevention: SelfTradePrevention;
  readonly postOnly: boolean;
  readonly reduceOnly: boolean;
  readonly clientId: number | null;
  readonly triggerPrice: Decimal | null;
  readonly triggerQuantity: string | null;
  readonly triggerBy: TriggerBy | null;
  /** For trigger orders: fires when the reference price is ≥ (true) or ≤ (false) the trigger. */
  triggerAbove: boolean;
  triggeredAt: number | null;
  readonly relatedOrderId: string | null;
  readonly takeProfit: AttachedLeg | null;
  readonly stopLoss: AttachedLeg | null;
  expiryReason: ExpiryReason | null;
  readonly createdAt: number;
  /** Amount still locked for this order, in `lockAsset`. */
  lock: Decimal;
  lockAsset: string | null;
  /** Lock released per unit of base filled (limit orders); `null` → release what the fill cost. */
  lockPerUnit: Decimal | null;
  /** Set on orders the engine places for the account (liquidations). */
  systemOrderType?: SystemOrderType;
}

/** Base quantity not yet executed (`null` for a market order sized by quote). */
export const remaining = (order: EngineOrder): Decimal | null =>
  order.quantity === null ? null : order.quantity.minus(order.executedQuantity);

/** True for a status after which the order can no longer change. */
export const isFinal = (status: OrderStatus): boolean =>
  status === "Filled" || status === "Cancelled" || status === "Expired" ||
  status === "TriggerFailed";

const opt = (value: Decimal | null | undefined): string | null =>
  value === null || value === undefined ? null : str(value);

/** The public, JSON-safe view of an order. */
export const toSimOrder = (order: EngineOrder): SimOrder => ({
  id: order.id,
  clientId: order.clientId,
  symbol: order.symbol,
  side: order.side,
  orderType: order.orderType,
  price: opt(order.price),
  quantity: order.triggerPrice !== null && order.quantity === null ? "0" : opt(order.quantity),
  quoteQuantity: opt(order.quoteQuantity),
  executedQuantity: str(order.executedQuantity),
  executedQuoteQuantity: str(order.executedQuoteQuantity),
  status: order.status,
  timeInForce: order.timeInForce,
  selfTradePrevention: order.selfTradePrevention,
  postOnly: order.postOnly,
  reduceOnly: order.reduceOnly,
  triggerPrice: opt(order.triggerPrice),
  triggerQuantity: order.triggerQuantity,
  triggerBy: order.triggerBy,
  triggeredAt: order.triggeredAt,
  relatedOrderId: order.relatedOrderId,
  strategyId: null,
  takeProfitTriggerPrice: opt(order.takeProfit?.triggerPrice),
  takeProfitLimitPrice: opt(order.takeProfit?.limitPrice),
  takeProfitTriggerBy: order.takeProfit?.triggerBy ?? null,
  stopLossTriggerPrice: opt(order.stopLoss?.triggerPrice),
  stopLossLimitPrice: opt(order.stopLoss?.limitPrice),
  stopLossTriggerBy: order.stopLoss?.triggerBy ?? null,
  expiryReason: order.expiryReason,
  systemOrderType: order.systemOrderType ?? null,
  createdAt: order.createdAt,
});

/** A fresh order record with nothing executed or locked. */
export const newOrder = (
  fields: Omit<
    EngineOrder,
    | "executedQuantity"
    | "executedQuoteQuantity"
    | "status"
    | "triggerAbove"
    | "triggeredAt"
    | "expiryReason"
    | "lock"
    | "lockAsset"
    | "lockPerUnit"
  >,
): EngineOrder => ({
  ...fields,
  executedQuantity: ZERO,
  executedQuoteQuantity: ZERO,
  status: fields.triggerPrice === null ? "New" : "TriggerPending",
  triggerAbove: true,
  triggeredAt: null,
  expiryReason: null,
  lock: ZERO,
  lockAsset: null,
  lockPerUnit: null,
});

/**
 * An order the engine places by itself (market maker, taker flow, liquidation): no client id,
 * trigger, TP/SL, post-only or link to another order.
 */
export const plainOrder = (
  fields: Pick<
    EngineOrder,
    | "id"
    | "accountId"
    | "symbol"
    | "side"
    | "orderType"
    | "price"
    | "quantity"
    | "timeInForce"
    | "selfTradePrevention"
    | "reduceOnly"
    | "createdAt"
  >,
): EngineOrder =>
  newOrder({
    ...fields,
    quoteQuantity: null,
    postOnly: false,
    clientId: null,
    triggerPrice: null,
    triggerQuantity: null,
    triggerBy: null,
    relatedOrderId: null,
    takeProfit: null,
    stopLoss: null,
  });
