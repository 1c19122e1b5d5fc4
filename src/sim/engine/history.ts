/**
 * History queries over recorded rows: filtering and paging of account history, the 24 h
 * ticker and klines built from public trades.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import { d, max, min, str, ZERO } from "./num.ts";
import type { SimHistoryFilter } from "./history_types.ts";
import type { SimKline, SimTicker, SimTrade } from "./market_data_types.ts";

/** Filters (symbol, orderId, from/to), sorts (default newest first) and pages rows. */
export const page = <T extends { readonly symbol?: string }>(
  rows: ReadonlyArray<T>,
  filter: SimHistoryFilter,
  timeOf: (row: T) => number,
  orderIdOf?: (row: T) => string,
): T[] => {
  const selected = rows.filter((row) =>
    (filter.symbol === undefined || row.symbol === filter.symbol) &&
    (filter.orderId === undefined || orderIdOf === undefined ||
      orderIdOf(row) === filter.orderId) &&
    (filter.from === undefined || timeOf(row) >= filter.from) &&
    (filter.to === undefined || timeOf(row) <= filter.to)
  );
  if ((filter.sortDirection ?? "Desc") === "Desc") selected.reverse();
  const offset = filter.offset ?? 0;
  return selected.slice(offset, offset + (filter.limit ?? 100));
};

const DAY_MS = 86_400_000;

/** 24 h rolling ticker at `now` from `trades` (`fallback` prices an empty window). */
export const ticker = (
  symbol: string,
  trades: ReadonlyArray<SimTrade>,
  now: number,
  fallback: Decimal,
): SimTicker => {
  const window = trades.filter((t) => t.timestamp > now - DAY_MS);
  const first = window.length === 0 ? fallback : d(window[0].price);
  const last = window.length === 0 ? fallback : d(window[window.length - 1].price);
  let high = last;
  let low = last;
  let volume = ZERO;
  let quoteVolume = ZERO;
  for (const t of window) {
    high = max(high, d(t.price));
    low = min(low, d(t.price));
    volume = volume.plus(t.quantity);
    quoteVolume = quoteVolume.plus(t.quoteQuantity);
  }
  const change = last.minus(first);
  return {
    symbol,
    firstPrice: str(first),
    lastPrice: str(last),
    priceChange: str(change),
    priceChangePercent: str(first.isZero() ? ZERO : change.div(first).toDecimalPlaces(6)),
    high: str(high),
    low: str(low),
    volume: str(volume),
    quoteVolume: str(quoteVolume),
    trades: String(window.length),
  };
};

/** Kline interval names with their length in ms (`1month` = 30 days). */
export const KLINE_INTERVALS: Readonly<Record<string, number>> = Object.freeze({
  "1s": 1_000,
  "1m": 60_000,
  "3m": 180_000,
  "5m": 300_000,
  "15m": 900_000,
  "30m": 1_800_000,
  "1h": 3_600_000,
  "2h": 7_200_000,
  "4h": 14_400_000,
  "6h": 21_600_000,
  "8h": 28_800_000,
  "12h": 43_200_000,
  "1d": DAY_MS,
  "3d": 3 * DAY_MS,
  "1w": 7 * DAY_MS,
  "1month": 30 * DAY_MS,
});

/** Length of a kline interval in ms, or `undefined` for an unknown interval. */
export const intervalMs = (interval: string): number | undefined =>
  Object.hasOwn(KLINE_INTERVALS, interval) ? KLINE_INTERVALS[interval] : undefined;

const MAX_KLINES = 1000;

/** Candles of `intervalLength` ms covering `[startMs, endMs]`, from `trades`. */
export const klines = (
  trades: ReadonlyArray<SimTrade>,
  intervalLength: number,
  startMs: number,
  endMs: number,
): SimKline[] => {
  const out: SimKline[] = [];
  // at most MAX_KLINES candles: the latest ones of the range
  const first = Math.max(
    Math.floor(startMs / intervalLength) * intervalLength,
    (Math.floor(endMs / intervalLength) - MAX_KLINES + 1) * intervalLength,
  );
  for (let start = first; start <= endMs; start += intervalLength) {
    const end = start + intervalLength;
    const inside = trades.filter((t) => t.timestamp >= start && t.timestamp < end);
    let volume = ZERO;
    let quoteVolume = ZERO;
    let high: Decimal | null = null;
    let low: Decimal | null = null;
    for (const t of inside) {
      const price = d(t.price);
      high = high === null ? price : max(high, price);
      low = low === null ? price : min(low, price);
      volume = volume.plus(t.quantity);
      quoteVolume = quoteVolume.plus(t.quoteQuantity);
    }
    out.push({
      start,
      end,
      open: inside.length === 0 ? null : inside[0].price,
      high: high === null ? null : str(high),
      low: low === null ? null : str(low),
      close: inside.length === 0 ? null : inside[inside.length - 1].price,
      volume: str(volume),
      quoteVolume: str(quoteVolume),
      trades: String(inside.length),
    });
  }
  return out;
};
