/**
 * Market endpoints (public): markets and order book snapshots.
 *
 * @module
 */
import * as Effect from "effect/Effect";
import { InvalidInputError } from "../error_classes.ts";
import type { BackpackError } from "../errors.ts";
import { Depth } from "../schema/depth.ts";
import { Market, Markets, type MarketType } from "../schema/market.ts";
import { type BackpackHttp, publicCall } from "./http.ts";

/** Parameters of {@link getMarkets}. */
export interface GetMarketsParams {
  /** Only markets of this type (the server returns SPOT and PERP when omitted). */
  readonly marketType?: MarketType;
}

/** Parameters of {@link getMarket}. */
export interface GetMarketParams {
  /** Market symbol, e.g. `SOL_USDC_PERP`. */
  readonly symbol: string;
}

/** Depth levels per side the server accepts. */
export type DepthLimit = 5 | 10 | 20 | 50 | 100 | 500 | 1000;

const DEPTH_LIMITS: ReadonlySet<number> = new Set([5, 10, 20, 50, 100, 500, 1000]);

/** Parameters of {@link getDepth}. */
export interface GetDepthParams {
  /** Market symbol. */
  readonly symbol: string;
  /** Levels per side (server default 1000). */
  readonly limit?: DepthLimit;
}

/** Fails with `InvalidInputError` unless `symbol` is a non-empty string without whitespace. */
export const requireSymbol = (symbol: unknown): Effect.Effect<string, InvalidInputError> =>
  typeof symbol === "string" && /^\S+$/.test(symbol) ? Effect.succeed(symbol) : Effect.fail(
    new InvalidInputError({
      field: "symbol",
      reason: symbol === undefined || symbol === "" ? "Missing" : "Malformed",
      detail: "a market symbol such as SOL_USDC is required",
    }),
  );

/**
 * All markets. `GET /api/v1/markets` (public).
 *
 * @example
 * ```ts
 * import { getMarkets } from "./markets.ts";
 * const perps = getMarkets({ marketType: "PERP" });
 * ```
 */
export const getMarkets = (
  params: GetMarketsParams = {},
): Effect.Effect<ReadonlyArray<Market>, BackpackError, BackpackHttp> =>
  publicCall({
    method: "GET",
    path: "/api/v1/markets",
    query: { marketType: params.marketType },
    schema: Markets,
  });

/** One market. `GET /api/v1/market?symbol=` (public). */
export const getMarket = (
  params: GetMarketParams,
): Effect.Effect<Market, BackpackError, BackpackHttp> =>
  Effect.flatMap(
    requireSymbol(params.symbol),
    (symbol) =>
      publicCall({ method: "GET", path: "/api/v1/market", query: { symbol }, schema: Market }),
  );

/**
 * Order book snapshot, both sides sorted best first. `GET /api/v1/depth?symbol=&limit=` (public).
 * A `limit` outside 5, 10, 20, 50, 100, 500, 1000 fails with `InvalidInputError` before sending.
 */
export const getDepth = (
  params: GetDepthParams,
): Effect.Effect<Depth, BackpackError, BackpackHttp> =>
  Effect.gen(function* () {
    const symbol = yield* requireSymbol(params.symbol);
    const { limit } = params;
    if (limit !== undefined && !DEPTH_LIMITS.has(limit)) {
      return yield* new InvalidInputError({
        field: "limit",
        reason: "OutOfRange",
        detail: `${limit} is not one of 5, 10, 20, 50, 100, 500, 1000`,
      });
    }
    return yield* publicCall({
      method: "GET",
      path: "/api/v1/depth",
      query: { symbol, limit: limit === undefined ? undefined : String(limit) },
      schema: Depth,
    });
  });

/** The market-data endpoints, by name (the Promise facade exposes each as a method). */
export interface MarketEndpoints {
  /** {@link getMarkets} */
  readonly getMarkets: typeof getMarkets;
  /** {@link getMarket} */
  readonly getMarket: typeof getMarket;
  /** {@link getDepth} */
  readonly getDepth: typeof getDepth;
}

/** The market-data endpoints, by name. */
export const marketEndpoints: MarketEndpoints = { getMarkets, getMarket, getDepth };
