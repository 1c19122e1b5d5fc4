/**
 * Public REST routes (no signature): system, markets, market data, assets and collateral
 * parameters. Unknown symbols answer 400 `INVALID_MARKET` ("Market not found").
 *
 * @module
 */
import type { SimMarketConfig } from "../engine/config_types.ts";
import type { SimExchange } from "../engine/exchange_api.ts";
import type { Route } from "./http_handler.ts";
import { optionalEnum, optionalInt, optionalString, requireString } from "./params.ts";
import { HttpError, textResponse } from "./responses.ts";
import {
  serializeFundingRate,
  serializeKline,
  serializeMarket,
  serializeTrade,
} from "./serialize.ts";
import { intervalMs } from "../engine/history.ts";

const DEPTH_LIMITS = ["5", "10", "20", "50", "100", "500", "1000"] as const;

/** Canned asset list entry (`GET /api/v1/assets`) for an asset symbol. */
const assetRow = (symbol: string): Record<string, unknown> => ({
  symbol,
  displayName: symbol,
  coingeckoId: symbol.toLowerCase(),
  tokens: [{
    blockchain: "Solana",
    displayName: symbol,
    contractAddress: `sim${symbol}Mint11111111111111111111111111`,
    depositEnabled: true,
    minimumDeposit: "0.01",
    withdrawEnabled: true,
    minimumWithdrawal: "0.02",
    maximumWithdrawal: null,
    withdrawalFee: "0.01",
    nativeDecimals: 6,
  }],
});

/** Canned collateral parameters (`GET /api/v1/collateral`) for an asset symbol. */
const collateralRow = (symbol: string): Record<string, unknown> => ({
  symbol,
  imfFunction: { type: "sqrt", base: "0.02", factor: "0.00006" },
  mmfFunction: { type: "sqrt", base: "0.0135", factor: "0.000036" },
  haircutFunction: {
    weight: symbol === "USDC" ? "1" : "0.9",
    kind: { type: "identity" },
  },
});

/** The public routes over `exchange`. */
export const publicRoutes = (exchange: SimExchange, now: () => number): Route[] => {
  const markets = (): SimMarketConfig[] => exchange.markets();
  const market = (query: Readonly<Record<string, unknown>>): SimMarketConfig => {
    const symbol = requireString(query, "symbol");
    const found = markets().find((m) => m.symbol === symbol);
    if (found === undefined) throw new HttpError(400, "INVALID_MARKET", "Market not found");
    return found;
  };
  const assets = (): string[] =>
    [...new Set(markets().flatMap((m) => [m.baseSymbol, m.quoteSymbol]))].sort();
  return [
    { method: "GET", path: "/api/v1/status", handle: () => ({ status: "Ok", message: null }) },
    { method: "GET", path: "/api/v1/ping", handle: () => textResponse("pong") },
    { method: "GET", path: "/api/v1/time", handle: () => textResponse(String(now())) },
    {
      method: "GET",
      path: "/api/v1/markets",
      handle: ({ query }) => {
        const type = optionalString(query, "marketType");
        return markets().filter((m) => type === undefined || m.marketType === type).map(
          serializeMarket,
        );
      },
    },
    {
      method: "GET",
      path: "/api/v1/market",
      handle: ({ query }) => serializeMarket(market(query)),
    },
    {
      method: "GET",
      path: "/api/v1/ticker",
      handle: ({ query }) => exchange.ticker(market(query).symbol),
    },
    {
      method: "GET",
      path: "/api/v1/tickers",
      handle: () => markets().map((m) => exchange.ticker(m.symbol)),
    },
    {
      method: "GET",
      path: "/api/v1/depth",
      handle: ({ query }) => {
        const limit = optionalEnum(query, "limit", DEPTH_LIMITS);
        return exchange.depth(market(query).symbol, Number(limit ?? "1000"));
      },
    },
    {
      method: "GET",
      path: "/api/v1/klines",
      handle: ({ query, now }) => {
        const symbol = market(query).symbol;
        const interval = requireString(query, "interval");
        if (intervalMs(interval) === undefined) {
          throw new HttpError(400, "INVALID_CLIENT_REQUEST", "Invalid parameter `interval`");
        }
        const start = optionalInt(query, "startTime");
        if (start === undefined) {
          throw new HttpError(400, "INVALID_CLIENT_REQUEST", "Missing parameter `startTime`");
        }
        const end = optionalInt(query, "endTime") ?? Math.floor(now / 1000);
        return exchange.klines(symbol, interval, start * 1000, end * 1000).map(serializeKline);
      },
    },
    {
      method: "GET",
      path: "/api/v1/trades",
      handle: ({ query }) =>
        exchange.trades(market(query).symbol, optionalInt(query, "limit", 1000) ?? 100).map(
          serializeTrade,
        ),
    },
    {
      method: "GET",
      path: "/api/v1/trades/history",
      handle: ({ query }) => {
        const limit = optionalInt(query, "limit", 1000) ?? 100;
        const offset = optionalInt(query, "offset") ?? 0;
        return exchange.trades(market(query).symbol, limit + offset).slice(offset).map(
          serializeTrade,
        );
      },
    },
    {
      method: "GET",
      path: "/api/v1/markPrices",
      handle: ({ query }) => {
        const symbol = optionalString(query, "symbol");
        const type = optionalString(query, "marketType") ??
          (symbol === undefined ? "PERP" : undefined);
        const types = new Map(markets().map((m) => [m.symbol, m.marketType]));
        return exchange.markPrices().filter((p) =>
          (symbol === undefined || p.symbol === symbol) &&
          (type === undefined || types.get(p.symbol) === type)
        );
      },
    },
    {
      method: "GET",
      path: "/api/v1/openInterest",
      handle: ({ query }) => {
        const symbol = optionalString(query, "symbol");
        return exchange.openInterest(symbol === undefined ? undefined : market(query).symbol);
      },
    },
    {
      method: "GET",
      path: "/api/v1/fundingRates",
      handle: ({ query }) =>
        exchange.fundingRates(market(query).symbol, {
          limit: optionalInt(query, "limit", 10_000) ?? 100,
          offset: optionalInt(query, "offset") ?? 0,
        }).map(serializeFundingRate),
    },
    { method: "GET", path: "/api/v1/assets", handle: () => assets().map(assetRow) },
    { method: "GET", path: "/api/v1/collateral", handle: () => assets().map(collateralRow) },
  ];
};
