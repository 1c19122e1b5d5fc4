/**
 * Public trades: `GET /api/v1/trades` (recent) and `GET /api/v1/trades/history` (older trades;
 * historical rate-limit budget).
 *
 * @module
 */
import type * as Effect from "effect/Effect";
import type { BackpackError } from "../errors.ts";
import { type PublicTrade, PublicTrades } from "../schema/public_trade.ts";
import { type BackpackHttp, publicCall } from "./http.ts";
import { guarded, integerIn, pageProblems, requiredText } from "./validate.ts";

/** Parameters of {@link getRecentTrades}. */
export interface GetRecentTradesParams {
  /** Market symbol. */
  readonly symbol: string;
  /** Trades to return, 1…1000 (server default 100). */
  readonly limit?: number;
}

/** Parameters of {@link getHistoricalTrades}. */
export interface GetHistoricalTradesParams {
  /** Market symbol. */
  readonly symbol: string;
  /** Trades per page, 1…1000 (server default 100). */
  readonly limit?: number;
  /** Trades to skip, counted back from the newest. */
  readonly offset?: number;
}

/** The newest public trades of a market. `GET /api/v1/trades?symbol=&limit=` (public). */
export const getRecentTrades = (
  params: GetRecentTradesParams,
): Effect.Effect<ReadonlyArray<PublicTrade>, BackpackError, BackpackHttp> =>
  guarded(
    () => [requiredText("symbol", params.symbol), integerIn("limit", params.limit, 1, 1000)],
    () =>
      publicCall({
        method: "GET",
        path: "/api/v1/trades",
        query: { symbol: params.symbol, limit: params.limit },
        schema: PublicTrades,
      }),
  );

/**
 * Older public trades, paged with `limit`/`offset`.
 * `GET /api/v1/trades/history?symbol=&limit=&offset=` (public).
 */
export const getHistoricalTrades = (
  params: GetHistoricalTradesParams,
): Effect.Effect<ReadonlyArray<PublicTrade>, BackpackError, BackpackHttp> =>
  guarded(
    () => [requiredText("symbol", params.symbol), pageProblems(params, 1000)],
    () =>
      publicCall({
        method: "GET",
        path: "/api/v1/trades/history",
        query: { symbol: params.symbol, limit: params.limit, offset: params.offset },
        schema: PublicTrades,
      }),
  );
