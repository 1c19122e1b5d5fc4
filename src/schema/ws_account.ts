/**
 * Private WebSocket stream payloads: `account.orderUpdate[.<symbol>]` (REFERENCE §6.7) and
 * `account.positionUpdate[.<symbol>]` (§6.8). Short keys become named fields, decimals `Decimal`,
 * ids strings, `E`/`T` µs numbers plus `Date`s. The WebSocket's uppercase order type (`LIMIT`,
 * `MARKET`) becomes the REST spelling (`Limit`, `Market`). Absent or `null` fields are left out.
 *
 * @module
 */
import * as Schema from "effect/Schema";
import type { Open } from "./history.ts";
import { type Decimal, DecimalFromString } from "../decimal.ts";
import { IdString } from "./common.ts";
import {
  OptionalBoolean,
  OptionalDecimal,
  OptionalId,
  OptionalNumber,
  OptionalString,
} from "./optional.ts";
import { Micros, microsToDate, payloadDecoder, type WsPayloadDecoder } from "./ws_common.ts";
import type { EngineTime, EventTime } from "./ws_market.ts";

/** Order event types. */
export type OrderEventType = Open<
  | "orderAccepted"
  | "orderCancelled"
  | "orderExpired"
  | "orderFill"
  | "orderModified"
  | "triggerPlaced"
  | "triggerFailed"
>;

/** Who originated an order (`O`). */
export type OrderOrigin = Open<
  | "USER"
  | "LIQUIDATION_AUTOCLOSE"
  | "ADL_AUTOCLOSE"
  | "COLLATERAL_CONVERSION"
  | "SETTLEMENT_AUTOCLOSE"
  | "BACKSTOP_LIQUIDITY_PROVIDER"
>;

/** The fill carried by an `orderFill` event. */
export interface OrderFill {
  /** Trade id (`t`), as a decimal string. */
  readonly tradeId: string;
  /** This fill's quantity (`l`). */
  readonly quantity: Decimal;
  /** This fill's price (`L`). */
  readonly price: Decimal;
  /** This fill was maker (`m`). */
  readonly isMaker: boolean;
  /** This fill's fee (`n`). */
  readonly fee?: Decimal;
  /** Fee asset (`N`). */
  readonly feeSymbol?: string;
}

/** An `account.orderUpdate` event. Remaining quantity = `quantity − executedQuantity`. */
export interface OrderUpdate extends EventTime, EngineTime {
  /** Event type (`e`). */
  readonly type: OrderEventType;
  /** Order id (`i`). */
  readonly orderId: string;
  /** Your uint32 client id (`c`), when set. */
  readonly clientId?: number;
  /** Side (`S`). */
  readonly side: Open<"Bid" | "Ask">;
  /** Order type (`o`), in the REST spelling. */
  readonly orderType: Open<"Limit" | "Market">;
  /** Time in force (`f`). */
  readonly timeInForce: Open<"GTC" | "IOC" | "FOK">;
  /** Base quantity (`q`); `0` on some trigger orders. */
  readonly quantity?: Decimal;
  /** Quote quantity (`Q`). */
  readonly quoteQuantity?: Decimal;
  /** Limit price (`p`). */
  readonly price?: Decimal;
  /** Trigger price (`P`). */
  readonly triggerPrice?: Decimal;
  /** Trigger reference (`B`). */
  readonly triggerBy?: Open<"LastPrice" | "MarkPrice" | "IndexPrice">;
  /** Trigger quantity (`Y`): an amount or a percentage such as `"80%"`. */
  readonly triggerQuantity?: string;
  /** Take-profit trigger price (`a`). */
  readonly takeProfitTriggerPrice?: Decimal;
  /** Stop-loss trigger price (`b`). */
  readonly stopLossTriggerPrice?: Decimal;
  /** Take-profit limit price (`j`). */
  readonly takeProfitLimitPrice?: Decimal;
  /** Stop-loss limit price (`k`). */
  readonly stopLossLimitPrice?: Decimal;
  /** Take-profit trigger reference (`d`). */
  readonly takeProfitTriggerBy?: Open<"LastPrice" | "MarkPrice" | "IndexPrice">;
  /** Stop-loss trigger reference (`g`). */
  readonly stopLossTriggerBy?: Open<"LastPrice" | "MarkPrice" | "IndexPrice">;
  /** Order status (`X`). */
  readonly status: Open<
    | "New"
    | "PartiallyFilled"
    | "Filled"
    | "Cancelled"
    | "Expired"
    | "TriggerPending"
    | "TriggerFailed"
  >;
  /** Expiry reason (`R`), on `orderExpired`. */
  readonly expiryReason?: string;
  /** The fill, on `orderFill` events. */
  readonly fill?: OrderFill;
  /** Cumulative executed quantity (`z`). */
  readonly executedQuantity: Decimal;
  /** Cumulative executed quote quantity (`Z`). */
  readonly executedQuoteQuantity: Decimal;
  /** Self-trade prevention (`V`). */
  readonly selfTradePrevention: Open<"RejectTaker" | "RejectMaker" | "RejectBoth">;
  /** Origin (`O`). */
  readonly origin: OrderOrigin;
  /** Related order id (`I`), e.g. a TP/SL child's parent. */
  readonly relatedOrderId?: string;
  /** Strategy id (`H`). */
  readonly strategyId?: string;
  /** Post-only (`y`). */
  readonly postOnly?: boolean;
  /** Reduce-only (`r`). */
  readonly reduceOnly?: boolean;
}

const WireOrderUpdate = Schema.Struct({
  e: Schema.String,
  s: Schema.String,
  E: Micros,
  T: Micros,
  i: IdString,
  c: OptionalNumber,
  S: Schema.String,
  o: Schema.String,
  f: Schema.String,
  q: OptionalDecimal,
  Q: OptionalDecimal,
  p: OptionalDecimal,
  P: OptionalDecimal,
  B: OptionalString,
  Y: Schema.optional(Schema.NullOr(Schema.Union([Schema.String, Schema.Number]))),
  a: OptionalDecimal,
  b: OptionalDecimal,
  j: OptionalDecimal,
  k: OptionalDecimal,
  d: OptionalString,
  g: OptionalString,
  X: Schema.String,
  R: OptionalString,
  t: OptionalId,
  l: OptionalDecimal,
  L: OptionalDecimal,
  m: OptionalBoolean,
  n: OptionalDecimal,
  N: OptionalString,
  z: DecimalFromString,
  Z: DecimalFromString,
  V: Schema.String,
  O: Schema.String,
  I: OptionalId,
  H: OptionalId,
  y: OptionalBoolean,
  r: OptionalBoolean,
});

/** `LIMIT` → `Limit`, `MARKET` → `Market`; unknown values are kept as sent. */
export const orderTypeFromWs = (value: string): Open<"Limit" | "Market"> =>
  value === "LIMIT" ? "Limit" : value === "MARKET" ? "Market" : value;

type Wire = typeof WireOrderUpdate.Type;

/** Copies the wire fields that are present (not absent, not `null`) under their names. */
const pick = <K extends keyof Wire>(
  w: Wire,
  names: Readonly<Partial<Record<K, string>>>,
): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(names) as K[]) {
    const value = w[key];
    if (value !== undefined && value !== null) out[names[key]!] = value;
  }
  return out;
};

const OPTIONAL_ORDER_FIELDS = {
  c: "clientId",
  q: "quantity",
  Q: "quoteQuantity",
  p: "price",
  P: "triggerPrice",
  B: "triggerBy",
  a: "takeProfitTriggerPrice",
  b: "stopLossTriggerPrice",
  j: "takeProfitLimitPrice",
  k: "stopLossLimitPrice",
  d: "takeProfitTriggerBy",
  g: "stopLossTriggerBy",
  R: "expiryReason",
  I: "relatedOrderId",
  H: "strategyId",
  y: "postOnly",
  r: "reduceOnly",
} as const;

/** Decoder of `account.orderUpdate` payloads. */
export const decodeOrderUpdate: WsPayloadDecoder<OrderUpdate> = payloadDecoder(
  WireOrderUpdate,
  (w) =>
    ({
      type: w.e,
      symbol: w.s,
      eventTimeUs: w.E,
      eventTime: microsToDate(w.E),
      engineTimeUs: w.T,
      engineTime: microsToDate(w.T),
      orderId: w.i,
      side: w.S,
      orderType: orderTypeFromWs(w.o),
      timeInForce: w.f,
      status: w.X,
      executedQuantity: w.z,
      executedQuoteQuantity: w.Z,
      selfTradePrevention: w.V,
      origin: w.O,
      ...pick(w, OPTIONAL_ORDER_FIELDS),
      ...(w.Y == null ? {} : { triggerQuantity: String(w.Y) }),
      ...(w.t == null || w.l == null || w.L == null ? {} : {
        fill: {
          tradeId: w.t,
          quantity: w.l,
          price: w.L,
          isMaker: w.m ?? false,
          ...(w.n == null ? {} : { fee: w.n }),
          ...(w.N == null ? {} : { feeSymbol: w.N }),
        },
      }),
    }) as OrderUpdate,
);

/** Position event types; `positionSnapshot` marks the snapshot pushed right after subscribing (no `e`). */
export type PositionEventType = Open<
  "positionOpened" | "positionAdjusted" | "positionClosed" | "positionSnapshot"
>;

/** An `account.positionUpdate` event. */
export interface PositionUpdate extends EventTime, EngineTime {
  /** Event type (`e`), or `positionSnapshot` when the server sent none (the initial snapshot). */
  readonly type: PositionEventType;
  /** Position id (`i`). */
  readonly positionId: string;
  /** Break-even price (`b`). */
  readonly breakEvenPrice: Decimal;
  /** Entry price (`B`). */
  readonly entryPrice: Decimal;
  /** Initial margin fraction (`f`). */
  readonly initialMarginFraction: Decimal;
  /** Maintenance margin fraction (`m`). */
  readonly maintenanceMarginFraction: Decimal;
  /** Mark price (`M`). */
  readonly markPrice: Decimal;
  /** Net quantity (`q`): positive long, negative short. */
  readonly netQuantity: Decimal;
  /** Net exposure quantity including open orders (`Q`). */
  readonly netExposureQuantity: Decimal;
  /** Net exposure notional (`n`). */
  readonly netExposureNotional: Decimal;
  /** Realized PnL (`p`). */
  readonly realizedPnl: Decimal;
  /** Unrealized PnL (`P`). */
  readonly unrealizedPnl: Decimal;
}

/** Decoder of `account.positionUpdate` payloads (`l`, a deprecated constant `0`, is ignored). */
export const decodePositionUpdate: WsPayloadDecoder<PositionUpdate> = payloadDecoder(
  Schema.Struct({
    e: Schema.optional(Schema.String),
    s: Schema.String,
    E: Micros,
    T: Micros,
    i: IdString,
    b: DecimalFromString,
    B: DecimalFromString,
    f: DecimalFromString,
    m: DecimalFromString,
    M: DecimalFromString,
    q: DecimalFromString,
    Q: DecimalFromString,
    n: DecimalFromString,
    p: DecimalFromString,
    P: DecimalFromString,
  }),
  (w) => ({
    type: w.e ?? "positionSnapshot",
    symbol: w.s,
    eventTimeUs: w.E,
    eventTime: microsToDate(w.E),
    engineTimeUs: w.T,
    engineTime: microsToDate(w.T),
    positionId: w.i,
    breakEvenPrice: w.b,
    entryPrice: w.B,
    initialMarginFraction: w.f,
    maintenanceMarginFraction: w.m,
    markPrice: w.M,
    netQuantity: w.q,
    netExposureQuantity: w.Q,
    netExposureNotional: w.n,
    realizedPnl: w.p,
    unrealizedPnl: w.P,
  }),
);
