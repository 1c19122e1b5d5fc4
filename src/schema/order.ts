/**
 * Order models: the order object answered by `POST/GET/DELETE /api/v1/order`, `GET/DELETE
 * /api/v1/orders`, and the batch answer of `POST /api/v1/orders`.
 *
 * The order object is discriminated by `orderType` (`Limit` adds `price`, `quantity`, `postOnly`;
 * `Market` has optional `quantity`/`quoteQuantity`). Decoding is tolerant: enum-like fields keep
 * values this SDK does not know yet, optional fields may be absent or `null`, integers may arrive as
 * JSON numbers or digit strings, unknown keys are ignored. `createdAt`/`triggeredAt` are Unix
 * **milliseconds** on the wire and `Date`s here.
 *
 * @module
 */
import * as Effect from "effect/Effect";
import * as Schema from "effect/Schema";
import * as SchemaGetter from "effect/SchemaGetter";
import * as SchemaIssue from "effect/SchemaIssue";
import { type Decimal, DecimalFromString } from "../decimal.ts";
import { IdString, NumberOrString } from "./common.ts";
import type { Open } from "./history.ts";

/** Order side as given to the SDK: `Bid` buys, `Ask` sells. */
export type OrderSide = "Bid" | "Ask";

/** Alias of {@link OrderSide} (the WebSocket order schemas use this name). */
export type Side = OrderSide;

/** Order type on REST (the WebSocket spells them `LIMIT` / `MARKET`). */
export type OrderType = "Limit" | "Market";

/** Time in force. Post-only is the separate `postOnly` flag, not a time in force. */
export type TimeInForce = "GTC" | "IOC" | "FOK";

/** Self-trade prevention mode (server default `RejectTaker`). */
export type SelfTradePrevention = "RejectTaker" | "RejectMaker" | "RejectBoth";

/** Reference price of a trigger. */
export type TriggerBy = "LastPrice" | "MarkPrice" | "IndexPrice";

/** Unit of `slippageTolerance`. */
export type SlippageToleranceType = "TickSize" | "Percent";

/** Order status; values this SDK does not know yet decode as plain strings. */
export type OrderStatus = Open<
  | "New"
  | "PartiallyFilled"
  | "Filled"
  | "Cancelled"
  | "Expired"
  | "TriggerPending"
  | "TriggerFailed"
  | "Triggered"
>;

/** Fields every order object has, whatever its type. */
export interface OrderCommon {
  /** Order id (a u64 as a decimal string: keep it a string). */
  readonly id: string;
  /** Your uint32 `clientId`, or `null` when none was given. */
  readonly clientId: number | null;
  /** Market symbol. */
  readonly symbol: string;
  /** Side. */
  readonly side: Open<OrderSide>;
  /** Creation time (Unix ms on the wire). */
  readonly createdAt: Date;
  /** Filled base quantity. */
  readonly executedQuantity: Decimal;
  /** Filled quote quantity; average price = `executedQuoteQuantity / executedQuantity`. */
  readonly executedQuoteQuantity: Decimal;
  /** Status. */
  readonly status: OrderStatus;
  /** Time in force. */
  readonly timeInForce: Open<TimeInForce>;
  /** Self-trade prevention mode. */
  readonly selfTradePrevention: Open<SelfTradePrevention>;
  /** Reduce-only flag, `null` when not set. */
  readonly reduceOnly: boolean | null;
  /** Trigger price of a conditional order. */
  readonly triggerPrice: Decimal | null;
  /** Trigger quantity: a decimal amount (`"0.01"`) or a percentage of the position (`"50%"`). */
  readonly triggerQuantity: string | null;
  /** Reference price of the trigger. */
  readonly triggerBy: Open<TriggerBy> | null;
  /** When the trigger fired. */
  readonly triggeredAt: Date | null;
  /** Linked order (TP/SL child ↔ parent, trigger). */
  readonly relatedOrderId: string | null;
  /** Strategy that placed the order. */
  readonly strategyId: string | null;
  /** Attached take-profit trigger price. */
  readonly takeProfitTriggerPrice: Decimal | null;
  /** Attached take-profit limit price (absent: the take-profit fires as a market order). */
  readonly takeProfitLimitPrice: Decimal | null;
  /** Reference price of the take-profit trigger. */
  readonly takeProfitTriggerBy: Open<TriggerBy> | null;
  /** Attached stop-loss trigger price. */
  readonly stopLossTriggerPrice: Decimal | null;
  /** Attached stop-loss limit price (absent: the stop-loss fires as a market order). */
  readonly stopLossLimitPrice: Decimal | null;
  /** Reference price of the stop-loss trigger. */
  readonly stopLossTriggerBy: Open<TriggerBy> | null;
  /** Slippage tolerance, when set. */
  readonly slippageTolerance: Decimal | null;
  /** Unit of the slippage tolerance. */
  readonly slippageToleranceType: Open<SlippageToleranceType> | null;
}

/** A limit order. */
export interface LimitOrder extends OrderCommon {
  /** Discriminant. */
  readonly orderType: "Limit";
  /** Limit price. */
  readonly price: Decimal;
  /** Base quantity (`0` on some trigger orders, which use `triggerQuantity`). */
  readonly quantity: Decimal;
  /** Maker-only flag. */
  readonly postOnly: boolean;
}

/** A market order. */
export interface MarketOrder extends OrderCommon {
  /** Discriminant. */
  readonly orderType: "Market";
  /** Base quantity, when the order was given one. */
  readonly quantity: Decimal | null;
  /** Quote quantity, when the order was given one ("reverse market order"). */
  readonly quoteQuantity: Decimal | null;
}

/** An order object; switch on `orderType`. */
export type Order = LimitOrder | MarketOrder;

/** Unix milliseconds (a JSON number or digit string) decoded to a `Date`. */
export const EpochMillisDate: Schema.decodeTo<
  Schema.Date,
  Schema.Union<readonly [Schema.Finite, Schema.FiniteFromString]>
> = NumberOrString.pipe(
  Schema.decodeTo(Schema.Date, {
    decode: SchemaGetter.transformEffect((ms: number) => {
      const date = new Date(ms);
      return Number.isNaN(date.getTime())
        ? Effect.fail(new SchemaIssue.InvalidValue({ message: `not a Unix ms time: ${ms}` }, ms))
        : Effect.succeed(date);
    }),
    encode: SchemaGetter.transform((date: Date) => date.getTime()),
  }),
);

/** Absent or `null` on the wire → `null`. */
const nullable = <S extends Schema.Top>(schema: S) =>
  Schema.NullOr(schema).pipe(Schema.withDecodingDefaultType(Effect.succeed(null)));

const commonFields = {
  id: IdString,
  clientId: nullable(NumberOrString),
  symbol: Schema.String,
  side: Schema.String,
  createdAt: EpochMillisDate,
  executedQuantity: DecimalFromString,
  executedQuoteQuantity: DecimalFromString,
  status: Schema.String,
  timeInForce: Schema.String,
  selfTradePrevention: Schema.String,
  reduceOnly: nullable(Schema.Boolean),
  triggerPrice: nullable(DecimalFromString),
  triggerQuantity: nullable(Schema.String),
  triggerBy: nullable(Schema.String),
  triggeredAt: nullable(EpochMillisDate),
  relatedOrderId: nullable(IdString),
  strategyId: nullable(IdString),
  takeProfitTriggerPrice: nullable(DecimalFromString),
  takeProfitLimitPrice: nullable(DecimalFromString),
  takeProfitTriggerBy: nullable(Schema.String),
  stopLossTriggerPrice: nullable(DecimalFromString),
  stopLossLimitPrice: nullable(DecimalFromString),
  stopLossTriggerBy: nullable(Schema.String),
  slippageTolerance: nullable(DecimalFromString),
  slippageToleranceType: nullable(Schema.String),
};

/** Schema of {@link LimitOrder}. */
export const LimitOrder: Schema.Decoder<LimitOrder> = Schema.Struct({
  ...commonFields,
  orderType: Schema.Literal("Limit"),
  price: DecimalFromString,
  quantity: DecimalFromString,
  postOnly: Schema.Boolean,
});

/** Schema of {@link MarketOrder}. */
export const MarketOrder: Schema.Decoder<MarketOrder> = Schema.Struct({
  ...commonFields,
  orderType: Schema.Literal("Market"),
  quantity: nullable(DecimalFromString),
  quoteQuantity: nullable(DecimalFromString),
});

/** Schema of {@link Order}. */
export const Order: Schema.Decoder<Order> = Schema.Union([LimitOrder, MarketOrder]);

/** Schema of a list of orders (open orders, cancel-all answer). */
export const Orders: Schema.Decoder<ReadonlyArray<Order>> = Schema.Array(Order);

/** A rejected element of a batch: Backpack's `{code, message}`. */
export interface BatchOrderError {
  /** Backpack `ApiErrorCode`, e.g. `INVALID_ORDER`. */
  readonly code: string;
  /** Server message. */
  readonly message: string;
}

/** One element of a batch answer, aligned with the request. */
export type BatchOrderResult =
  | { readonly ok: true; readonly order: Order }
  | { readonly ok: false; readonly error: BatchOrderError };

const BatchErr = Schema.Struct({
  operation: Schema.optionalKey(Schema.Literal("Err")),
  code: Schema.String,
  message: Schema.String,
});

/** One raw element of the batch answer: an error `{code, message}` or an order. */
export type BatchOrderElement = BatchOrderError | Order;

/**
 * Schema of one batch answer element: an order (tagged `operation: "Ok"` or untagged) or an error
 * `{code, message}` (tagged `operation: "Err"` or untagged).
 */
export const BatchOrderElement: Schema.Decoder<BatchOrderElement> = Schema.Union([
  BatchErr,
  Order,
]);

/** The batch answer, raw elements in request order. */
export const BatchOrderElements: Schema.Decoder<ReadonlyArray<BatchOrderElement>> = Schema.Array(
  BatchOrderElement,
);

/** Turns a raw batch element into `{ok: true, order}` or `{ok: false, error}`. */
export const toBatchOrderResult = (element: BatchOrderElement): BatchOrderResult =>
  "orderType" in element
    ? { ok: true, order: element }
    : { ok: false, error: { code: element.code, message: element.message } };
