/**
 * Ticker endpoints (public): `GET /api/v1/ticker` and `GET /api/v1/tickers`.
 *
 * @module
 */
import type * as Effect from "effect/Effect";
import * as Schema from "effect/Schema";
import type { BackpackError } from "../errors.ts";
import { Ticker, Tickers } from "../schema/ticker.ts";
import { type BackpackHttp, publicCall } from "./http.ts";
import { guarded, oneOf, requiredText } from "./validate.ts";

/** Window of the ticker statistics (server default `1d`). */
export type TickerInterval = "1d" | "1w";

const TICKER_INTERVALS: ReadonlyArray<TickerInterval> = ["1d", "1w"];

/** Parameters of {@link getTicker}. */
export interface GetTickerParams {
  /** Market symbol, e.g. `SOL_USDC`. */
  readonly symbol: string;
  /** Statistics window (default `1d`). */
  readonly interval?: TickerInterval;
}

/** Parameters of {@link getTickers}. */
export interface GetTickersParams {
  /** Statistics window (default `1d`). */
  readonly interval?: TickerInterval;
}

const OptionalTicker: Schema.Decoder<Ticker | undefined> = Schema.UndefinedOr(Ticker);

/**
 * Rolling statistics of one market. `GET /api/v1/ticker?symbol=&interval=` (public). Resolves to
 * `undefined` when the exchange has no ticker for the market (it answers `204 No Content`, e.g. for
 * an inactive market).
 *
 * @example
 * ```ts
 * import { getTicker } from "./tickers.ts";
 * const ticker = getTicker({ symbol: "SOL_USDC", interval: "1w" });
 * ```
 */
export const getTicker = (
  params: GetTickerParams,
): Effect.Effect<Ticker | undefined, BackpackError, BackpackHttp> =>
  guarded(
    () => [
      requiredText("symbol", params.symbol),
      oneOf("interval", params.interval, TICKER_INTERVALS),
    ],
    () =>
      publicCall({
        method: "GET",
        path: "/api/v1/ticker",
        query: { symbol: params.symbol, interval: params.interval },
        schema: OptionalTicker,
      }),
  );

/** Rolling statistics of every market. `GET /api/v1/tickers?interval=` (public). */
export const getTickers = (
  params: GetTickersParams = {},
): Effect.Effect<ReadonlyArray<Ticker>, BackpackError, BackpackHttp> =>
  guarded(
    () => [oneOf("interval", params.interval, TICKER_INTERVALS)],
    () =>
      publicCall({
        method: "GET",
        path: "/api/v1/tickers",
        query: { interval: params.interval },
        schema: Tickers,
      }),
  );
