/**
 * Perp market statistics (public): mark prices, open interest and funding rate history.
 *
 * @module
 */
import type * as Effect from "effect/Effect";
import type { BackpackError } from "../errors.ts";
import {
  type FundingRate,
  FundingRates,
  type MarkPrice,
  MarkPrices,
  type OpenInterest,
  OpenInterests,
} from "../schema/funding.ts";
import type { MarketType } from "../schema/market.ts";
import { type BackpackHttp, publicCall } from "./http.ts";
import { guarded, optionalText, pageProblems, requiredText, withMarketFilter } from "./validate.ts";

/** Parameters of {@link getMarkPrices}. */
export interface GetMarkPricesParams {
  /** Only this market. */
  readonly symbol?: string;
  /** Only markets of this type (server default `PERP`). */
  readonly marketType?: MarketType;
}

/** Parameters of {@link getOpenInterest}. */
export interface GetOpenInterestParams {
  /** Only this market (default: every market). */
  readonly symbol?: string;
}

/** Parameters of {@link getFundingRates}. */
export interface GetFundingRatesParams {
  /** Perp market symbol. */
  readonly symbol: string;
  /** Rows per page, 1…10000 (server default 100). */
  readonly limit?: number;
  /** Rows to skip (newest first). */
  readonly offset?: number;
}

/** Mark/index prices and current funding estimates. `GET /api/v1/markPrices` (public). */
export const getMarkPrices = (
  params: GetMarkPricesParams = {},
): Effect.Effect<ReadonlyArray<MarkPrice>, BackpackError, BackpackHttp> =>
  withMarketFilter(
    params,
    (query) => publicCall({ method: "GET", path: "/api/v1/markPrices", query, schema: MarkPrices }),
  );

/** Open interest, always as an array. `GET /api/v1/openInterest?symbol=` (public). */
export const getOpenInterest = (
  params: GetOpenInterestParams = {},
): Effect.Effect<ReadonlyArray<OpenInterest>, BackpackError, BackpackHttp> =>
  guarded(
    () => [optionalText("symbol", params.symbol)],
    () =>
      publicCall({
        method: "GET",
        path: "/api/v1/openInterest",
        query: { symbol: params.symbol },
        schema: OpenInterests,
      }),
  );

/**
 * Funding rate of each past interval, newest first. Rates are fractions per interval; read the
 * interval length from the market (`fundingInterval`). `GET /api/v1/fundingRates` (public).
 */
export const getFundingRates = (
  params: GetFundingRatesParams,
): Effect.Effect<ReadonlyArray<FundingRate>, BackpackError, BackpackHttp> =>
  guarded(
    () => [requiredText("symbol", params.symbol), pageProblems(params, 10_000)],
    () =>
      publicCall({
        method: "GET",
        path: "/api/v1/fundingRates",
        query: { symbol: params.symbol, limit: params.limit, offset: params.offset },
        schema: FundingRates,
      }),
  );
