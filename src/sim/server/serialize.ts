/**
 * Engine values → Backpack REST JSON. The engine already uses Backpack's field names and decimal
 * strings; this module adds what only the wire has: market `filters`, naive UTC datetimes
 * (`2025-07-23T13:55:54.267`), kline `YYYY-MM-DD HH:MM:SS` times, numeric trade ids, `userId`, and
 * the per-order-type field selection of order objects.
 *
 * @module
 */
import type { SimPosition } from "../engine/account_types.ts";
import type { SimMarketConfig } from "../engine/config_types.ts";
import type { SimFundingPayment } from "../engine/history_types.ts";
import type { SimFundingRate, SimKline, SimTrade } from "../engine/market_data_types.ts";
import type { SimFill, SimOrder } from "../engine/order_types.ts";
import { parseMarket } from "../engine/markets.ts";

/** Unix ms → naive UTC ISO datetime without zone (`2025-07-23T13:55:54.267`). */
export const naiveDateTime = (ms: number): string => new Date(ms).toISOString().slice(0, -1);

/** Unix ms → REST kline time `YYYY-MM-DD HH:MM:SS` (UTC). */
export const klineTime = (ms: number): string =>
  new Date(ms).toISOString().slice(0, 19).replace("T", " ");

const MARKETS_CREATED_AT = "2025-01-21T06:34:54.691858";

/** A market object as `GET /api/v1/markets` returns it. */
export const serializeMarket = (m: SimMarketConfig): Record<string, unknown> => {
  const parsed = parseMarket(m);
  const perp = parsed.perp;
  const bound = parsed.fundingBound.mul(10_000).abs().toFixed();
  return {
    symbol: m.symbol,
    baseSymbol: m.baseSymbol,
    quoteSymbol: m.quoteSymbol,
    marketType: m.marketType,
    filters: {
      price: {
        minPrice: parsed.minPrice.toFixed(),
        maxPrice: m.maxPrice ?? null,
        tickSize: m.tickSize,
        maxMultiplier: parsed.maxMultiplier.toFixed(),
        minMultiplier: parsed.minMultiplier.toFixed(),
        maxImpactMultiplier: "1.03",
        minImpactMultiplier: "0.97",
        meanMarkPriceBand: { maxMultiplier: "1.1", minMultiplier: "0.9" },
        meanPremiumBand: perp ? { tolerancePct: "0.05" } : null,
        borrowEntryFeeMaxMultiplier: null,
        borrowEntryFeeMinMultiplier: null,
      },
      quantity: {
        minQuantity: m.minQuantity,
        maxQuantity: m.maxQuantity ?? null,
        stepSize: m.stepSize,
      },
    },
    imfFunction: perp ? parsed.imfFunction : null,
    mmfFunction: perp ? parsed.mmfFunction : null,
    fundingInterval: parsed.fundingIntervalMs, // spot markets carry one too (recorded)
    fundingRateUpperBound: perp ? bound : null,
    fundingRateLowerBound: perp ? `-${bound}` : null,
    openInterestLimit: perp ? "4000000" : "0",
    orderBookState: "Open",
    createdAt: MARKETS_CREATED_AT,
    visible: true,
    rwaMarketType: null,
    positionLimitWeight: "1",
  };
};

/**
 * A live order object (order endpoints): `Limit` orders carry `price`/`quantity`/`postOnly`,
 * `Market` orders `quantity`/`quoteQuantity`; `expiryReason` and `systemOrderType` are
 * history-only.
 */
export const serializeOrder = (o: SimOrder): Record<string, unknown> => {
  const {
    expiryReason: _expiry,
    systemOrderType: _system,
    price,
    quoteQuantity,
    postOnly,
    ...rest
  } = o;
  return o.orderType === "Limit" ? { ...rest, price, postOnly } : { ...rest, quoteQuantity };
};

/** An order-history row: naive `createdAt`, plus `expiryReason` and `systemOrderType`. */
export const serializeOrderHistory = (o: SimOrder): Record<string, unknown> => ({
  ...o,
  createdAt: naiveDateTime(o.createdAt),
});

/** A fills-history row: numeric `tradeId`, naive `timestamp`. */
export const serializeFill = (f: SimFill): Record<string, unknown> => ({
  ...f,
  tradeId: Number(f.tradeId),
  timestamp: naiveDateTime(f.timestamp),
});

/** A public trade: numeric `id`. */
export const serializeTrade = (t: SimTrade): Record<string, unknown> => ({
  ...t,
  id: Number(t.id),
});

/** A REST candle. */
export const serializeKline = (k: SimKline): Record<string, unknown> => ({
  ...k,
  start: klineTime(k.start),
  end: klineTime(k.end),
});

/** A market funding-rate row (naive interval end). */
export const serializeFundingRate = (r: SimFundingRate): Record<string, unknown> => ({
  ...r,
  intervalEndTimestamp: naiveDateTime(r.intervalEndTimestamp),
});

/** A funding-history row of the account. */
export const serializeFundingPayment = (
  p: SimFundingPayment,
  userId: number,
): Record<string, unknown> => ({
  userId,
  subaccountId: 0, // the main account, as recorded (positions and withdrawals say null)
  symbol: p.symbol,
  quantity: p.quantity,
  intervalEndTimestamp: naiveDateTime(p.intervalEndTimestamp),
  fundingRate: p.fundingRate,
});

/** A position row with the account's `userId`. */
export const serializePosition = (p: SimPosition, userId: number): Record<string, unknown> => ({
  ...p,
  cumulativeInterest: "0",
  userId,
  subaccountId: null,
});
