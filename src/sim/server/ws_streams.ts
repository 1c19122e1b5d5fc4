/**
 * The stream catalog of the simulator and the bridge from engine events to hub frames:
 * public streams per market, aggregated depth (`depth.200ms|600ms|1000ms.<sym>`, flushed by the
 * next depth event at least that far after the previous flush), candles on `kline.<iv>.<sym>`
 * (derived from the engine's klines after each trade; the previous candle is sent once more with
 * `X: true` when a new one starts), and private order/position updates.
 * `liquidation` carries the engine's liquidation events (all markets on one stream).
 *
 * @module
 */
import { intervalMs, KLINE_INTERVALS } from "../engine/history.ts";
import type { SimEvent } from "../engine/event_types.ts";
import type { SimExchange } from "../engine/exchange_api.ts";
import type { SimLevel } from "../engine/market_data_types.ts";
import type { WsCatalog, WsHub } from "./ws_hub.ts";
import {
  bookTickerData,
  depthData,
  klineData,
  liquidationData,
  markPriceData,
  openInterestData,
  orderUpdateData,
  positionUpdateData,
  tickerData,
  tradeData,
} from "./ws_serialize.ts";

const AGGREGATIONS: Readonly<Record<string, number>> = {
  "200ms": 200,
  "600ms": 600,
  "1000ms": 1000,
};
const PUBLIC_KINDS = new Set([
  "depth",
  "trade",
  "bookTicker",
  "ticker",
  "markPrice",
  "openInterest",
]);
const PRIVATE_KINDS = new Set([
  "account.orderUpdate",
  "account.positionUpdate",
  "account.rfqUpdate",
]);

/** The catalog of streams for the engine's markets. */
export const streamCatalog = (exchange: SimExchange, nowUs: () => number): WsCatalog => {
  const symbols = new Set(exchange.markets().map((m) => m.symbol));
  const isValid = (stream: string): boolean => {
    if (stream === "liquidation" || PRIVATE_KINDS.has(stream)) return true;
    for (const kind of PRIVATE_KINDS) {
      if (stream.startsWith(`${kind}.`)) {
        return symbols.has(stream.slice(kind.length + 1).replace(/_RFQ$/, ""));
      }
    }
    const parts = stream.split(".");
    if (parts.length === 2) return PUBLIC_KINDS.has(parts[0]!) && symbols.has(parts[1]!);
    if (parts.length === 3 && parts[0] === "depth") {
      return parts[1]! in AGGREGATIONS && symbols.has(parts[2]!);
    }
    if (parts.length === 3 && parts[0] === "kline") {
      return intervalMs(parts[1]!) !== undefined && symbols.has(parts[2]!);
    }
    return false;
  };
  const initialData = (stream: string, account: string): ReadonlyArray<unknown> => {
    if (!stream.startsWith("account.positionUpdate")) return [];
    const symbol = stream.split(".")[2];
    return exchange.positions(account, symbol).map((p) => positionUpdateData(p, nowUs()));
  };
  return { isValid, initialData };
};

interface Aggregate {
  first: string;
  last: string;
  bids: Map<string, string>;
  asks: Map<string, string>;
  flushedAt: number;
}

const merge = (into: Map<string, string>, levels: ReadonlyArray<SimLevel>): void => {
  for (const [price, qty] of levels) into.set(price, qty);
};

/** Routes engine events to the hub's subscribers. Returns the engine listener. */
export const eventPublisher = (
  exchange: SimExchange,
  hub: WsHub,
): (event: SimEvent) => void => {
  const aggregates = new Map<string, Aggregate>();
  const candleStart = new Map<string, number>();

  const publishAggregated = (e: Extract<SimEvent, { type: "depth" }>): void => {
    for (const [name, ms] of Object.entries(AGGREGATIONS)) {
      const stream = `depth.${name}.${e.symbol}`;
      if (!hub.hasSubscribers(stream)) continue;
      const agg = aggregates.get(stream) ??
        {
          first: e.firstUpdateId,
          last: e.lastUpdateId,
          bids: new Map(),
          asks: new Map(),
          flushedAt: 0,
        };
      if (agg.bids.size === 0 && agg.asks.size === 0) agg.first = e.firstUpdateId;
      agg.last = e.lastUpdateId;
      merge(agg.bids, e.bids);
      merge(agg.asks, e.asks);
      aggregates.set(stream, agg);
      if (e.time / 1000 - agg.flushedAt < ms) continue;
      hub.publish(
        stream,
        depthData({
          ...e,
          firstUpdateId: agg.first,
          bids: [...agg.bids],
          asks: [...agg.asks],
        }),
      );
      agg.bids.clear();
      agg.asks.clear();
      agg.flushedAt = e.time / 1000;
    }
  };

  const publishKlines = (symbol: string, timeUs: number): void => {
    const nowMs = Math.floor(timeUs / 1000);
    for (const [interval, ms] of Object.entries(KLINE_INTERVALS)) {
      const stream = `kline.${interval}.${symbol}`;
      if (!hub.hasSubscribers(stream)) continue;
      const start = Math.floor(nowMs / ms) * ms;
      const previous = candleStart.get(stream);
      if (previous !== undefined && previous < start) {
        const closed = exchange.klines(symbol, interval, previous, previous + ms).at(-1);
        if (closed !== undefined) hub.publish(stream, klineData(symbol, closed, timeUs, true));
      }
      candleStart.set(stream, start);
      const candle = exchange.klines(symbol, interval, start, start + ms).at(-1);
      if (candle !== undefined) hub.publish(stream, klineData(symbol, candle, timeUs, false));
    }
  };

  return (event) => {
    switch (event.type) {
      case "depth":
        hub.publish(`depth.${event.symbol}`, depthData(event));
        return publishAggregated(event);
      case "trade":
        hub.publish(`trade.${event.symbol}`, tradeData(event));
        return publishKlines(event.symbol, event.time);
      case "bookTicker":
        return hub.publish(`bookTicker.${event.symbol}`, bookTickerData(event));
      case "markPrice":
        return hub.publish(`markPrice.${event.symbol}`, markPriceData(event));
      case "ticker":
        return hub.publish(`ticker.${event.ticker.symbol}`, tickerData(event.ticker, event.time));
      case "openInterest":
        return hub.publish(`openInterest.${event.symbol}`, openInterestData(event));
      case "liquidation":
        return hub.publish("liquidation", liquidationData(event));
      case "orderUpdate":
        return hub.publishPrivate(
          "account.orderUpdate",
          event.order.symbol,
          event.accountId,
          orderUpdateData(event),
        );
      case "positionUpdate":
        return hub.publishPrivate(
          "account.positionUpdate",
          event.position.symbol,
          event.accountId,
          positionUpdateData(event.position, event.time, event.event),
        );
      case "funding":
        return;
    }
  };
};
