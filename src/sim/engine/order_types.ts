/**
 * Order types of the exchange simulator's engine: the order enums (side, type, time in force,
 * self-trade prevention, trigger reference, status, expiry reason), the `POST /api/v1/order` body,
 * the order object, one-order selectors and the fills of the account's orders. Plain JSON-safe
 * data shaped like Backpack's REST objects (convention: `exchange_api.ts`).
 *
 * @module
 */

/** Order side: `Bid` buys, `Ask` sells. */
export type Side = "Bid" | "Ask";
/** REST order type. */
export type OrderType = "Limit" | "Market";
/** Time in force (post-only is the separate `postOnly` flag). */
export type TimeInForce = "GTC" | "IOC" | "FOK";
/** Self-trade prevention mode of the taker order. */
export type SelfTradePrevention = "RejectTaker" | "RejectMaker" | "RejectBoth";
/** Reference price of a trigger order. */
export type TriggerBy = "LastPrice" | "MarkPrice" | "IndexPrice";

/** Order status as reported by Backpack. */
export type OrderStatus =
  | "New"
  | "PartiallyFilled"
  | "Filled"
  | "Cancelled"
  | "Expired"
  | "TriggerPending"
  | "TriggerFailed";
/** Backpack `expiryReason` values the simulator produces. */
export type ExpiryReason =
  | "FillOrKill"
  | "ImmediateOrCancel"
  | "InsufficientFunds"
  | "InsufficientLiquidity"
  | "InsufficientMargin"
  | "ReduceOnlyNotReduced"
  | "SelfTradePrevention"
  | "StopWithoutPosition"
  | "Liquidation";
/** Cancel-all filter. */
export type CancelAllOrderType = "RestingLimitOrder" | "ConditionalOrder";

/** Kind of a system (non-user) order behind a fill. */
export type SystemOrderType = "LiquidatePositionOnBook" | "LiquidatePositionOnBackstop";

/** Body of Backpack `POST /api/v1/order` (decimals as strings, `clientId` a number). */
export interface SimOrderRequest {
  /** `symbol`, as the Backpack object of the same name carries it. */
  readonly symbol: string;
  /** `side`, as the Backpack object of the same name carries it. */
  readonly side: Side;
  /** `orderType`, as the Backpack object of the same name carries it. */
  readonly orderType: OrderType;
  /** `price`, as the Backpack object of the same name carries it. */
  readonly price?: string;
  /** `quantity`, as the Backpack object of the same name carries it. */
  readonly quantity?: string;
  /** `quoteQuantity`, as the Backpack object of the same name carries it. */
  readonly quoteQuantity?: string;
  /** `timeInForce`, as the Backpack object of the same name carries it. */
  readonly timeInForce?: TimeInForce;
  /** `postOnly`, as the Backpack object of the same name carries it. */
  readonly postOnly?: boolean;
  /** `reduceOnly`, as the Backpack object of the same name carries it. */
  readonly reduceOnly?: boolean;
  /** `clientId`, as the Backpack object of the same name carries it. */
  readonly clientId?: number;
  /** `selfTradePrevention`, as the Backpack object of the same name carries it. */
  readonly selfTradePrevention?: SelfTradePrevention;
  /** `triggerPrice`, as the Backpack object of the same name carries it. */
  readonly triggerPrice?: string;
  /** Absolute quantity (`"0.5"`) or percentage of the position (`"50%"`). */
  readonly triggerQuantity?: string;
  /** `triggerBy`, as the Backpack object of the same name carries it. */
  readonly triggerBy?: TriggerBy;
  /** `takeProfitTriggerPrice`, as the Backpack object of the same name carries it. */
  readonly takeProfitTriggerPrice?: string;
  /** `takeProfitLimitPrice`, as the Backpack object of the same name carries it. */
  readonly takeProfitLimitPrice?: string;
  /** `takeProfitTriggerBy`, as the Backpack object of the same name carries it. */
  readonly takeProfitTriggerBy?: TriggerBy;
  /** `stopLossTriggerPrice`, as the Backpack object of the same name carries it. */
  readonly stopLossTriggerPrice?: string;
  /** `stopLossLimitPrice`, as the Backpack object of the same name carries it. */
  readonly stopLossLimitPrice?: string;
  /** `stopLossTriggerBy`, as the Backpack object of the same name carries it. */
  readonly stopLossTriggerBy?: TriggerBy;
}

/** An order, shaped like Backpack's REST order object (plus `expiryReason`). */
export interface SimOrder {
  /** `id`, as the Backpack object of the same name carries it. */
  readonly id: string;
  /** `clientId`, as the Backpack object of the same name carries it. */
  readonly clientId: number | null;
  /** `symbol`, as the Backpack object of the same name carries it. */
  readonly symbol: string;
  /** `side`, as the Backpack object of the same name carries it. */
  readonly side: Side;
  /** `orderType`, as the Backpack object of the same name carries it. */
  readonly orderType: OrderType;
  /** `price`, as the Backpack object of the same name carries it. */
  readonly price: string | null;
  /** Base quantity (`"0"` for a percentage trigger order until it fires). */
  readonly quantity: string | null;
  /** `quoteQuantity`, as the Backpack object of the same name carries it. */
  readonly quoteQuantity: string | null;
  /** `executedQuantity`, as the Backpack object of the same name carries it. */
  readonly executedQuantity: string;
  /** `executedQuoteQuantity`, as the Backpack object of the same name carries it. */
  readonly executedQuoteQuantity: string;
  /** `status`, as the Backpack object of the same name carries it. */
  readonly status: OrderStatus;
  /** `timeInForce`, as the Backpack object of the same name carries it. */
  readonly timeInForce: TimeInForce;
  /** `selfTradePrevention`, as the Backpack object of the same name carries it. */
  readonly selfTradePrevention: SelfTradePrevention;
  /** `postOnly`, as the Backpack object of the same name carries it. */
  readonly postOnly: boolean;
  /** `reduceOnly`, as the Backpack object of the same name carries it. */
  readonly reduceOnly: boolean | null;
  /** `triggerPrice`, as the Backpack object of the same name carries it. */
  readonly triggerPrice: string | null;
  /** `triggerQuantity`, as the Backpack object of the same name carries it. */
  readonly triggerQuantity: string | null;
  /** `triggerBy`, as the Backpack object of the same name carries it. */
  readonly triggerBy: TriggerBy | null;
  /** `triggeredAt`, as the Backpack object of the same name carries it. */
  readonly triggeredAt: number | null;
  /** `relatedOrderId`, as the Backpack object of the same name carries it. */
  readonly relatedOrderId: string | null;
  /** `strategyId`, as the Backpack object of the same name carries it. */
  readonly strategyId: null;
  /** `takeProfitTriggerPrice`, as the Backpack object of the same name carries it. */
  readonly takeProfitTriggerPrice: string | null;
  /** `takeProfitLimitPrice`, as the Backpack object of the same name carries it. */
  readonly takeProfitLimitPrice: string | null;
  /** `takeProfitTriggerBy`, as the Backpack object of the same name carries it. */
  readonly takeProfitTriggerBy: TriggerBy | null;
  /** `stopLossTriggerPrice`, as the Backpack object of the same name carries it. */
  readonly stopLossTriggerPrice: string | null;
  /** `stopLossLimitPrice`, as the Backpack object of the same name carries it. */
  readonly stopLossLimitPrice: string | null;
  /** `stopLossTriggerBy`, as the Backpack object of the same name carries it. */
  readonly stopLossTriggerBy: TriggerBy | null;
  /** `expiryReason`, as the Backpack object of the same name carries it. */
  readonly expiryReason: ExpiryReason | null;
  /** Set on orders the engine placed for the account (liquidations); history-only on the wire. */
  readonly systemOrderType: SystemOrderType | null;
  /** Unix ms. */
  readonly createdAt: number;
}

/** One fill of one of the account's orders (fills history row). */
export interface SimFill {
  /** `tradeId`, as the Backpack object of the same name carries it. */
  readonly tradeId: string;
  /** `orderId`, as the Backpack object of the same name carries it. */
  readonly orderId: string;
  /** String, as Backpack's fills endpoint returns it. */
  readonly clientId: string | null;
  /** `symbol`, as the Backpack object of the same name carries it. */
  readonly symbol: string;
  /** `side`, as the Backpack object of the same name carries it. */
  readonly side: Side;
  /** `price`, as the Backpack object of the same name carries it. */
  readonly price: string;
  /** `quantity`, as the Backpack object of the same name carries it. */
  readonly quantity: string;
  /** `fee`, as the Backpack object of the same name carries it. */
  readonly fee: string;
  /** `feeSymbol`, as the Backpack object of the same name carries it. */
  readonly feeSymbol: string;
  /** `isMaker`, as the Backpack object of the same name carries it. */
  readonly isMaker: boolean;
  /** Unix ms (the REST layer renders it as a naive datetime). */
  readonly timestamp: number;
  /** Set on fills of liquidation orders. */
  readonly systemOrderType: SystemOrderType | null;
}

/** Selector of one order: exactly one of `orderId` / `clientId`. */
export interface SimOrderSelector {
  /** Market. */
  readonly symbol: string;
  /** Order id. */
  readonly orderId?: string;
  /** Client id. */
  readonly clientId?: number;
}

/** Per-fill detail of an `orderFill` event. */
export interface SimFillDetail {
  /** `tradeId`, as the Backpack object of the same name carries it. */
  readonly tradeId: string;
  /** `price`, as the Backpack object of the same name carries it. */
  readonly price: string;
  /** `quantity`, as the Backpack object of the same name carries it. */
  readonly quantity: string;
  /** `isMaker`, as the Backpack object of the same name carries it. */
  readonly isMaker: boolean;
  /** `fee`, as the Backpack object of the same name carries it. */
  readonly fee: string;
  /** `feeSymbol`, as the Backpack object of the same name carries it. */
  readonly feeSymbol: string;
}
