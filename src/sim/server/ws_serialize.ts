/**
 * Engine values and events → Backpack WebSocket payloads with their short field names and units:
 * `E`/`T` µs numbers, decimals as strings, `o` upper-case order type on order updates, `c` a number,
 * kline `t`/`T` ISO strings without zone, `markPrice.n` ms.
 *
 * @module
 */
import { Decimal } from "decimal.js";
import type { SimPosition } from "../engine/account_types.ts";
import type { SimEvent } from "../engine/event_types.ts";
import type { SimKline, SimTicker } from "../engine/market_data_types.ts";
import type { SimOrder } from "../engine/order_types.ts";

type Data = Record<string, unknown>;
type EventOf<T extends SimEvent["type"]> = Extract<SimEvent, { type: T }>;

/** `depth` payload (U/u numbers, absolute level sizes). */
export const depthData = (e: EventOf<"depth">): Data => ({
  e: "depth",
  E: e.time,
  s: e.symbol,
  a: e.asks,
  b: e.bids,
  U: Number(e.firstUpdateId),
  u: Number(e.lastUpdateId),
  T: e.time,
});

/** `trade` payload (`m` = buyer is maker, `t` numeric trade id). */
export const tradeData = (e: EventOf<"trade">): Data => ({
  e: "trade",
  E: e.time,
  s: e.symbol,
  p: e.price,
  q: e.quantity,
  b: e.buyerOrderId,
  a: e.sellerOrderId,
  t: Number(e.id),
  T: e.time,
  m: e.buyerIsMaker,
});

/** `liquidation` payload (docs shape: quantity, price, side of the liquidation order, symbol). */
export const liquidationData = (e: EventOf<"liquidation">): Data => ({
  e: "liquidation",
  E: e.time,
  q: e.quantity,
  p: e.price,
  S: e.side,
  s: e.symbol,
  T: e.time,
});

/** `bookTicker` payload (`u` update id string, as in the docs). */
export const bookTickerData = (e: EventOf<"bookTicker">): Data => ({
  e: "bookTicker",
  E: e.time,
  s: e.symbol,
  a: e.askPrice,
  A: e.askQuantity,
  b: e.bidPrice,
  B: e.bidQuantity,
  u: e.updateId,
  T: e.time,
});

/** `markPrice` payload; `f`/`n` only where funding exists. */
export const markPriceData = (e: EventOf<"markPrice">): Data => ({
  e: "markPrice",
  E: e.time,
  s: e.symbol,
  p: e.markPrice,
  ...(e.fundingRate === null ? {} : { f: e.fundingRate }),
  i: e.indexPrice,
  ...(e.nextFundingTime === null ? {} : { n: e.nextFundingTime }),
  T: e.time,
});

/** `ticker` payload (`n` trade count number). */
export const tickerData = (t: SimTicker, time: number): Data => ({
  e: "ticker",
  E: time,
  s: t.symbol,
  o: t.firstPrice,
  c: t.lastPrice,
  h: t.high,
  l: t.low,
  v: t.volume,
  V: t.quoteVolume,
  n: Number(t.trades),
});

/** `openInterest` payload. */
export const openInterestData = (e: EventOf<"openInterest">): Data => ({
  e: "openInterest",
  E: e.time,
  s: e.symbol,
  o: e.openInterest,
});

const isoTime = (ms: number): string => new Date(ms).toISOString().slice(0, 19);

/** `kline` payload of the candle `k` (empty candles report the last close as OHLC). */
export const klineData = (symbol: string, k: SimKline, time: number, closed: boolean): Data => ({
  e: "kline",
  E: time,
  s: symbol,
  t: isoTime(k.start),
  T: isoTime(k.end),
  o: k.open ?? k.close ?? "0",
  c: k.close ?? "0",
  h: k.high ?? k.close ?? "0",
  l: k.low ?? k.close ?? "0",
  v: k.volume,
  n: Number(k.trades),
  X: closed,
});

const screamingSnake = (text: string): string =>
  text.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();

const optional = (entries: Record<string, unknown>): Data =>
  Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== null && v !== undefined));

/**
 * `account.orderUpdate` payload. `Q` is the quote quantity of reverse-market orders and the quote
 * notional (price × quantity) of limit orders, as in the captures. `R` (expiry reason) is rendered
 * SCREAMING_SNAKE like the docs sample (`PRICE_BAND`).
 */
export const orderUpdateData = (e: EventOf<"orderUpdate">): Data => {
  const o: SimOrder = e.order;
  const fill = e.fill;
  const reason = e.event === "orderExpired" ? e.expiryReason ?? o.expiryReason : null;
  return {
    e: e.event,
    E: e.time,
    s: o.symbol,
    ...optional({ c: o.clientId }),
    S: o.side,
    o: o.orderType.toUpperCase(),
    f: o.timeInForce,
    ...optional({
      q: o.quantity,
      Q: o.quoteQuantity ??
        (o.orderType === "Limit" && o.price !== null && o.quantity !== null
          ? new Decimal(o.price).mul(o.quantity).toFixed()
          : null),
      p: o.orderType === "Limit" ? o.price : null,
      P: o.triggerPrice,
      B: o.triggerBy,
      a: o.takeProfitTriggerPrice,
      b: o.stopLossTriggerPrice,
      j: o.takeProfitLimitPrice,
      k: o.stopLossLimitPrice,
      d: o.takeProfitTriggerBy,
      g: o.stopLossTriggerBy,
      Y: o.triggerQuantity,
    }),
    X: o.status,
    ...(reason === null || reason === undefined ? {} : { R: screamingSnake(reason) }),
    i: o.id,
    t: fill === undefined ? null : Number(fill.tradeId),
    ...(fill === undefined ? {} : {
      l: fill.quantity,
      L: fill.price,
      m: fill.isMaker,
      n: fill.fee,
      N: fill.feeSymbol,
    }),
    z: o.executedQuantity,
    Z: o.executedQuoteQuantity,
    V: o.selfTradePrevention,
    T: e.time,
    O: "USER",
    ...optional({ I: o.relatedOrderId }),
    ...(o.postOnly ? { y: true } : {}),
    r: o.reduceOnly ?? false,
  };
};

/** `account.positionUpdate` payload; `event` absent for the snapshot sent on subscribe. */
export const positionUpdateData = (
  p: SimPosition,
  time: number,
  event?: string,
): Data => ({
  ...(event === undefined ? {} : { e: event }),
  E: time,
  s: p.symbol,
  b: p.breakEvenPrice,
  B: p.entryPrice,
  f: p.imf,
  M: p.markPrice,
  m: p.mmf,
  q: p.netQuantity,
  Q: p.netExposureQuantity,
  n: p.netExposureNotional,
  i: Number(p.positionId),
  p: p.pnlRealized,
  P: p.pnlUnrealized,
  l: "0",
  T: time,
});
