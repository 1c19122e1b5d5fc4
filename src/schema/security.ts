/**
 * Tokenized securities: `GET /api/v1/market-sessions` and `GET /api/v1/securities`.
 *
 * @module
 */
import * as Schema from "effect/Schema";
import { NumberOrString } from "./common.ts";
import { OptionalString } from "./optional.ts";
import type { OpenRecord } from "./prediction.ts";

/** A weekly trading session (times are wall-clock in `timezone`). */
export interface MarketSession {
  /** Session name. */
  readonly name: string;
  /** Description. */
  readonly description?: string | null | undefined;
  /** Start time of day, `HH:MM:SS` (kept as text: it has no date). */
  readonly startTime: string;
  /** End time of day, `HH:MM:SS`. */
  readonly endTime: string;
  /** IANA time zone of the times. */
  readonly timezone: string;
  /** Weekday the session starts (as sent). */
  readonly startWeekday: number;
  /** Weekday the session ends (as sent). */
  readonly endWeekday: number;
}

/** Schema of {@link MarketSession}. */
export const MarketSession: Schema.Decoder<MarketSession> = Schema.Struct({
  name: Schema.String,
  description: OptionalString,
  startTime: Schema.String,
  endTime: Schema.String,
  timezone: Schema.String,
  startWeekday: NumberOrString,
  endWeekday: NumberOrString,
});

/** Schema of the `GET /api/v1/market-sessions` answer. */
export const MarketSessions: Schema.Decoder<ReadonlyArray<MarketSession>> = Schema.Array(
  MarketSession,
);

/** A tokenized security. */
export interface Security {
  /** The asset (shape not documented: usually its symbol; kept as sent). */
  readonly asset: unknown;
  /** Name. */
  readonly name: string;
  /** CUSIP, when known. */
  readonly cusip?: string | null | undefined;
  /** Trading sessions (kept as sent). */
  readonly sessions: ReadonlyArray<OpenRecord>;
}

/** Schema of {@link Security}. */
export const Security: Schema.Decoder<Security> = Schema.Struct({
  asset: Schema.Unknown,
  name: Schema.String,
  cusip: OptionalString,
  sessions: Schema.Array(Schema.Record(Schema.String, Schema.Unknown)),
});

/** Schema of the `GET /api/v1/securities` answer. */
export const Securities: Schema.Decoder<ReadonlyArray<Security>> = Schema.Array(Security);
