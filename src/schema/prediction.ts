/**
 * Prediction market models: `GET /api/v1/prediction` and `GET /api/v1/prediction/tags`.
 *
 * The spec copy does not describe the nested prediction markets and series, so they are kept as
 * plain records (every key as sent).
 *
 * @module
 */
import * as Schema from "effect/Schema";
import { type Decimal, DecimalFromString } from "../decimal.ts";
import { NaiveUtcDate, NumberOrString } from "./common.ts";
import { OptionalDate, OptionalDecimal, OptionalString } from "./optional.ts";

/** A record kept as sent (shape not documented). */
export type OpenRecord = { readonly [key: string]: unknown };

/** A prediction tag. */
export interface PredictionTag {
  /** URL slug. */
  readonly slug: string;
  /** Title. */
  readonly title: string;
}

/** Schema of {@link PredictionTag}. */
export const PredictionTag: Schema.Decoder<PredictionTag> = Schema.Struct({
  slug: Schema.String,
  title: Schema.String,
});

/** Schema of the `GET /api/v1/prediction/tags` answer. */
export const PredictionTags: Schema.Decoder<ReadonlyArray<PredictionTag>> = Schema.Array(
  PredictionTag,
);

/** How and when an event resolves. */
export interface PredictionResolution {
  /** Whether it has resolved. */
  readonly resolved: boolean;
  /** Start (naive UTC on the wire). */
  readonly startDate: Date;
  /** End, when set. */
  readonly endDate?: Date | null | undefined;
  /** Strike price, for price events. */
  readonly strikePrice?: Decimal | null | undefined;
  /** Close price, once resolved. */
  readonly closePrice?: Decimal | null | undefined;
  /** Identifier of the event at the resolution source. */
  readonly resolutionSourceEventIdentifier?: string | null | undefined;
  /** Resolution source (shape not documented). */
  readonly resolutionSource?: unknown;
  /** Outcome, once resolved. */
  readonly outcome?: string | null | undefined;
}

/** A prediction event and its markets. */
export interface PredictionEvent {
  /** URL slug. */
  readonly slug: string;
  /** Title. */
  readonly title: string;
  /** Description. */
  readonly description: string;
  /** Image URL. */
  readonly imgUrl?: string | null | undefined;
  /** The event's markets (kept as sent). */
  readonly predictionMarkets: ReadonlyArray<OpenRecord>;
  /** Tags. */
  readonly tags: ReadonlyArray<PredictionTag>;
  /** Series the event belongs to (kept as sent). */
  readonly series: ReadonlyArray<OpenRecord>;
  /** Quote volume. */
  readonly quoteVolume: Decimal;
  /** Resolution details. */
  readonly resolution: PredictionResolution;
  /** Whether the event has resolved. */
  readonly resolved: boolean;
  /** Delay before resolution, in seconds. */
  readonly resolutionDelaySecs: number;
}

const OpenRecordSchema = Schema.Record(Schema.String, Schema.Unknown);

/** Schema of {@link PredictionEvent}. */
export const PredictionEvent: Schema.Decoder<PredictionEvent> = Schema.Struct({
  slug: Schema.String,
  title: Schema.String,
  description: Schema.String,
  imgUrl: OptionalString,
  predictionMarkets: Schema.Array(OpenRecordSchema),
  tags: Schema.Array(PredictionTag),
  series: Schema.Array(OpenRecordSchema),
  quoteVolume: DecimalFromString,
  resolution: Schema.Struct({
    resolved: Schema.Boolean,
    startDate: NaiveUtcDate,
    endDate: OptionalDate,
    strikePrice: OptionalDecimal,
    closePrice: OptionalDecimal,
    resolutionSourceEventIdentifier: OptionalString,
    resolutionSource: Schema.optional(Schema.Unknown),
    outcome: OptionalString,
  }),
  resolved: Schema.Boolean,
  resolutionDelaySecs: NumberOrString,
});

/** Schema of the `GET /api/v1/prediction` answer. */
export const PredictionEvents: Schema.Decoder<ReadonlyArray<PredictionEvent>> = Schema.Array(
  PredictionEvent,
);
