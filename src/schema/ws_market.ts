/**
 * Public WebSocket stream payloads (REFERENCE §6.5): `depth`, `trade`, `bookTicker`, `ticker`,
 * `kline`, `markPrice`, `openInterest`, `liquidation`. Short wire keys are renamed to named fields,
 * prices and quantities become `Decimal`, numbers may arrive as JSON numbers or strings, ids stay
 * strings. `E`/`T` are µs: kept exactly as `...Us` numbers next to `Date`s. Kline `t`/`T` are naive
 * ISO strings (UTC) and `markPrice.n` is **ms**; both become `Date`s.
 *
 * @module
 */
import * as Schema from "effect/Schema";
import type { Open } from "./history.ts";
import { type Decimal, DecimalFromString } from "../decimal.ts";
import { IdString, NaiveUtcDate, NumberOrString } from "./common.ts";
import { OptionalDecimal, OptionalNumber } from "./optional.ts";
import { Micros, microsToDate, payloadDecoder, type WsPayloadDecoder } from "./ws_common.ts";

/** Event time fields shared by every stream event. */
export interface EventTime {
  /** Market symbol, e.g. `SOL_USDC`. */
  readonly symbol: string;
  /** Event time (`E`), Unix **microseconds**, exact. */
  readonly eventTimeUs: number;
  /** Event time as a `Date` (ms precision). */
  readonly eventTime: Date;
}

/** Engine time fields (`T`), for events that carry it. */
export interface EngineTime {
  /** Engine time (`T`), Unix **microseconds**, exact. */
  readonly engineTimeUs: number;
  /** Engine time as a `Date` (ms precision). */
  readonly engineTime: Date;
}

const eventTime = (w: { readonly s: string; readonly E: number }): EventTime => ({
  symbol: w.s,
  eventTimeUs: w.E,
  eventTime: microsToDate(w.E),
});

const engineTime = (T: number): EngineTime => ({ engineTimeUs: T, engineTime: microsToDate(T) });

const base = { s: Schema.String, E: Micros };

/** One depth level: `[price, quantity]`; quantity `0` removes the level. */
export type DepthUpdateLevel = readonly [price: Decimal, quantity: Decimal];

/** A `depth.<symbol>` (or `depth.200ms|600ms|1000ms.<symbol>`) delta. */
export interface DepthUpdate extends EventTime, EngineTime {
  /** Changed ask levels (absolute new sizes, unordered). */
  readonly asks: ReadonlyArray<DepthUpdateLevel>;
  /** Changed bid levels (absolute new sizes, unordered). */
  readonly bids: ReadonlyArray<DepthUpdateLevel>;
  /** First update id in this event (`U`), int64 as a decimal string. */
  readonly firstUpdateId: string;
  /** Last update id in this event (`u`), int64 as a decimal string. */
  readonly lastUpdateId: string;
}

const Level = Schema.Tuple([DecimalFromString, DecimalFromString]);

/** Decoder of `depth` payloads. */
export const decodeDepthUpdate: WsPayloadDecoder<DepthUpdate> = payloadDecoder(
  Schema.Struct({
    ...base,
    T: Micros,
    a: Schema.Array(Level),
    b: Schema.Array(Level),
    U: IdString,
    u: IdString,
  }),
  (w) => ({
    ...eventTime(w),
    ...engineTime(w.T),
    asks: w.a,
    bids: w.b,
    firstUpdateId: w.U,
    lastUpdateId: w.u,
  }),
);

/** A `trade.<symbol>` event (liquidation trades included). */
export interface TradeEvent extends EventTime, EngineTime {
  /** Trade id (`t`), sequential per symbol, as a decimal string. */
  readonly tradeId: string;
  /** Price. */
  readonly price: Decimal;
  /** Quantity. */
  readonly quantity: Decimal;
  /** Buyer order id (`b`). */
  readonly buyerOrderId: string;
  /** Seller order id (`a`). */
  readonly sellerOrderId: string;
  /** `m`: the buyer was the maker (so the taker sold). */
  readonly buyerIsMaker: boolean;
}

/** Decoder of `trade` payloads. */
export const decodeTrade: WsPayloadDecoder<TradeEvent> = payloadDecoder(
  Schema.Struct({
    ...base,
    T: Micros,
    t: IdString,
    p: DecimalFromString,
    q: DecimalFromString,
    b: IdString,
    a: IdString,
    m: Schema.Boolean,
  }),
  (w) => ({
    ...eventTime(w),
    ...engineTime(w.T),
    tradeId: w.t,
    price: w.p,
    quantity: w.q,
    buyerOrderId: w.b,
    sellerOrderId: w.a,
    buyerIsMaker: w.m,
  }),
);

/** A `bookTicker.<symbol>` event: best bid and ask. */
export interface BookTickerEvent extends EventTime, EngineTime {
  /** Best ask price. */
  readonly askPrice: Decimal;
  /** Best ask quantity. */
  readonly askQuantity: Decimal;
  /** Best bid price. */
  readonly bidPrice: Decimal;
  /** Best bid quantity. */
  readonly bidQuantity: Decimal;
  /** Update id (`u`), as a decimal string. */
  readonly updateId: string;
}

/** Decoder of `bookTicker` payloads. */
export const decodeBookTicker: WsPayloadDecoder<BookTickerEvent> = payloadDecoder(
  Schema.Struct({
    ...base,
    T: Micros,
    a: DecimalFromString,
    A: DecimalFromString,
    b: DecimalFromString,
    B: DecimalFromString,
    u: IdString,
  }),
  (w) => ({
    ...eventTime(w),
    ...engineTime(w.T),
    askPrice: w.a,
    askQuantity: w.A,
    bidPrice: w.b,
    bidQuantity: w.B,
    updateId: w.u,
  }),
);

/** A `ticker.<symbol>` event: 24 h rolling statistics, pushed every second. */
export interface TickerEvent extends EventTime {
  /** First (open) price of the window. */
  readonly open: Decimal;
  /** Last price. */
  readonly close: Decimal;
  /** High. */
  readonly high: Decimal;
  /** Low. */
  readonly low: Decimal;
  /** Base volume. */
  readonly volume: Decimal;
  /** Quote volume. */
  readonly quoteVolume: Decimal;
  /** Number of trades. */
  readonly trades: number;
}

const ohlc = {
  o: DecimalFromString,
  c: DecimalFromString,
  h: DecimalFromString,
  l: DecimalFromString,
  v: DecimalFromString,
  n: NumberOrString,
};

/** Decoder of `ticker` payloads. */
export const decodeTicker: WsPayloadDecoder<TickerEvent> = payloadDecoder(
  Schema.Struct({ ...base, ...ohlc, V: DecimalFromString }),
  (w) => ({
    ...eventTime(w),
    open: w.o,
    close: w.c,
    high: w.h,
    low: w.l,
    volume: w.v,
    quoteVolume: w.V,
    trades: w.n,
  }),
);

/** A `kline.<interval>.<symbol>` event: the current candle, at most once a second, plus its close. */
export interface KlineEvent extends EventTime {
  /** Candle start (`t`, naive ISO UTC on the wire). */
  readonly start: Date;
  /** Candle end (`T`). */
  readonly end: Date;
  /** Open price. */
  readonly open: Decimal;
  /** Close (latest) price. */
  readonly close: Decimal;
  /** High. */
  readonly high: Decimal;
  /** Low. */
  readonly low: Decimal;
  /** Base volume. */
  readonly volume: Decimal;
  /** Number of trades. */
  readonly trades: number;
  /** `X`: the candle is closed (final). */
  readonly closed: boolean;
}

/** Decoder of `kline` payloads. */
export const decodeKline: WsPayloadDecoder<KlineEvent> = payloadDecoder(
  Schema.Struct({ ...base, ...ohlc, t: NaiveUtcDate, T: NaiveUtcDate, X: Schema.Boolean }),
  (w) => ({
    ...eventTime(w),
    start: w.t,
    end: w.T,
    open: w.o,
    close: w.c,
    high: w.h,
    low: w.l,
    volume: w.v,
    trades: w.n,
    closed: w.X,
  }),
);

/** A `markPrice.<symbol>` event. Funding fields are absent on prediction markets. */
export interface MarkPriceEvent extends EventTime, EngineTime {
  /** Mark price. */
  readonly markPrice: Decimal;
  /** Estimated funding rate of the current interval (a fraction). */
  readonly fundingRate?: Decimal;
  /** Index price. */
  readonly indexPrice?: Decimal;
  /** Next funding time (`n`), Unix **milliseconds**. */
  readonly nextFundingTimeMs?: number;
  /** Next funding time as a `Date`. */
  readonly nextFundingTime?: Date;
}

/** Decoder of `markPrice` payloads. */
export const decodeMarkPrice: WsPayloadDecoder<MarkPriceEvent> = payloadDecoder(
  Schema.Struct({
    ...base,
    T: Micros,
    p: DecimalFromString,
    f: OptionalDecimal,
    i: OptionalDecimal,
    n: OptionalNumber,
  }),
  (w) => ({
    ...eventTime(w),
    ...engineTime(w.T),
    markPrice: w.p,
    ...(w.f == null ? {} : { fundingRate: w.f }),
    ...(w.i == null ? {} : { indexPrice: w.i }),
    ...(w.n == null ? {} : { nextFundingTimeMs: w.n, nextFundingTime: new Date(w.n) }),
  }),
);

/** An `openInterest.<symbol>` event (every 60 s). */
export interface OpenInterestEvent extends EventTime {
  /** Open interest, in contracts (base units). */
  readonly openInterest: Decimal;
}

/** Decoder of `openInterest` payloads. */
export const decodeOpenInterest: WsPayloadDecoder<OpenInterestEvent> = payloadDecoder(
  Schema.Struct({ ...base, o: DecimalFromString }),
  (w) => ({ ...eventTime(w), openInterest: w.o }),
);

/** A `liquidation` event (all markets on one stream). */
export interface LiquidationEvent extends EventTime {
  /** Side of the liquidation order, `Bid` or `Ask`. */
  readonly side: Open<"Bid" | "Ask">;
  /** Price. */
  readonly price: Decimal;
  /** Quantity. */
  readonly quantity: Decimal;
  /** Engine time `T` in µs as sent (the docs sample shows a small number; not a reliable time). */
  readonly engineTimeUs?: number;
}

/** Decoder of `liquidation` payloads. */
export const decodeLiquidation: WsPayloadDecoder<LiquidationEvent> = payloadDecoder(
  Schema.Struct({
    ...base,
    S: Schema.String,
    p: DecimalFromString,
    q: DecimalFromString,
    T: OptionalNumber,
  }),
  (w) => ({
    ...eventTime(w),
    side: w.S,
    price: w.p,
    quantity: w.q,
    ...(w.T == null ? {} : { engineTimeUs: w.T }),
  }),
);
