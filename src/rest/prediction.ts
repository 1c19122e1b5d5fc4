/**
 * Prediction markets (public): `GET /api/v1/prediction` and `GET /api/v1/prediction/tags`.
 *
 * @module
 */
import type * as Effect from "effect/Effect";
import type { BackpackError } from "../errors.ts";
import {
  type PredictionEvent,
  PredictionEvents,
  type PredictionTag,
  PredictionTags,
} from "../schema/prediction.ts";
import { type BackpackHttp, publicCall } from "./http.ts";
import { guarded, optionalText, pageProblems } from "./validate.ts";

/** Parameters of {@link getPredictionEvents} (all optional filters). */
export interface GetPredictionEventsParams {
  /** Only the event of this market symbol. */
  readonly symbol?: string;
  /** Only events with this tag. */
  readonly tagSlug?: string;
  /** Only this event. */
  readonly eventSlug?: string;
  /** Only events of this series. */
  readonly seriesSlug?: string;
  /** Only resolved (or unresolved) events. */
  readonly resolved?: boolean;
  /** Rows per page (≥ 1). */
  readonly limit?: number;
  /** Rows to skip. */
  readonly offset?: number;
}

/** Prediction events with their markets. `GET /api/v1/prediction` (public). */
export const getPredictionEvents = (
  params: GetPredictionEventsParams = {},
): Effect.Effect<ReadonlyArray<PredictionEvent>, BackpackError, BackpackHttp> =>
  guarded(
    () => [
      optionalText("symbol", params.symbol),
      optionalText("tagSlug", params.tagSlug),
      optionalText("eventSlug", params.eventSlug),
      optionalText("seriesSlug", params.seriesSlug),
      pageProblems(params, Number.MAX_SAFE_INTEGER),
    ],
    () =>
      publicCall({
        method: "GET",
        path: "/api/v1/prediction",
        query: {
          symbol: params.symbol,
          tagSlug: params.tagSlug,
          eventSlug: params.eventSlug,
          seriesSlug: params.seriesSlug,
          resolved: params.resolved,
          limit: params.limit,
          offset: params.offset,
        },
        schema: PredictionEvents,
      }),
  );

/** Prediction tags. `GET /api/v1/prediction/tags` (public). */
export const getPredictionTags = (): Effect.Effect<
  ReadonlyArray<PredictionTag>,
  BackpackError,
  BackpackHttp
> => publicCall({ method: "GET", path: "/api/v1/prediction/tags", schema: PredictionTags });
