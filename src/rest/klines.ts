/**
 * Candles (public): `GET /api/v1/klines`.
 *
 * @module
 */
import type * as Effect from "effect/Effect";
import { InvalidInputError } from "../error_classes.ts";
import type { BackpackError } from "../errors.ts";
import { type Kline, Klines } from "../schema/kline.ts";
import { type BackpackHttp, publicCall } from "./http.ts";
import { guarded, oneOf, type Problem, requiredText } from "./validate.ts";

/** Candle widths Backpack serves. */
export type KlineInterval =
  | "1s"
  | "1m"
  | "3m"
  | "5m"
  | "15m"
  | "30m"
  | "1h"
  | "2h"
  | "4h"
  | "6h"
  | "8h"
  | "12h"
  | "1d"
  | "3d"
  | "1w"
  | "1month";

/** Every {@link KlineInterval}. */
export const KLINE_INTERVALS: ReadonlyArray<KlineInterval> = [
  "1s",
  "1m",
  "3m",
  "5m",
  "15m",
  "30m",
  "1h",
  "2h",
  "4h",
  "6h",
  "8h",
  "12h",
  "1d",
  "3d",
  "1w",
  "1month",
];

/** Which price the candles are built from (server default `Last`). */
export type KlinePriceType = "Last" | "Index" | "Mark";

/** Parameters of {@link getKlines}. */
export interface GetKlinesParams {
  /** Market symbol. */
  readonly symbol: string;
  /** Candle width. */
  readonly interval: KlineInterval;
  /** First candle time. Sent as whole Unix **seconds** (sub-second parts are dropped). */
  readonly startTime: Date;
  /** Last candle time (default: now). Sent as whole Unix seconds. */
  readonly endTime?: Date;
  /** Price source (default `Last`). */
  readonly priceType?: KlinePriceType;
}

const dateProblem = (field: string, value: unknown, required: boolean): Problem => {
  if (value === undefined && !required) return undefined;
  if (value instanceof Date && !Number.isNaN(value.getTime()) && value.getTime() >= 0) {
    return undefined;
  }
  return new InvalidInputError({
    field,
    reason: value === undefined ? "Missing" : "Malformed",
    detail: `${field} must be a valid Date (not a number: the API wants seconds, the SDK converts)`,
  });
};

const seconds = (date: Date): number => Math.floor(date.getTime() / 1000);

/**
 * Candles of a market between two times (no `limit`: narrow the range instead). Counts against
 * the historical rate-limit budget. `GET /api/v1/klines` (public).
 *
 * @example
 * ```ts
 * import { getKlines } from "./klines.ts";
 * const hour = getKlines({
 *   symbol: "SOL_USDC_PERP",
 *   interval: "1m",
 *   startTime: new Date(Date.now() - 3_600_000),
 * });
 * ```
 */
export const getKlines = (
  params: GetKlinesParams,
): Effect.Effect<ReadonlyArray<Kline>, BackpackError, BackpackHttp> =>
  guarded(
    () => [
      requiredText("symbol", params.symbol),
      params.interval === undefined
        ? new InvalidInputError({
          field: "interval",
          reason: "Missing",
          detail: "interval is required",
        })
        : oneOf("interval", params.interval, KLINE_INTERVALS),
      dateProblem("startTime", params.startTime, true),
      dateProblem("endTime", params.endTime, false),
      params.endTime !== undefined && params.startTime > params.endTime
        ? new InvalidInputError({
          field: "startTime",
          reason: "OutOfRange",
          detail: "startTime is after endTime",
        })
        : undefined,
      oneOf("priceType", params.priceType, ["Last", "Index", "Mark"]),
    ],
    () =>
      publicCall({
        method: "GET",
        path: "/api/v1/klines",
        query: {
          symbol: params.symbol,
          interval: params.interval,
          startTime: seconds(params.startTime),
          endTime: params.endTime === undefined ? undefined : seconds(params.endTime),
          priceType: params.priceType,
        },
        schema: Klines,
      }),
  );
