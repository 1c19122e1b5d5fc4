/**
 * System endpoint models: `GET /api/v1/status` and the plain-text `GET /api/v1/time` and
 * `GET /api/v1/ping`.
 *
 * @module
 */
import * as Schema from "effect/Schema";

/** `"Ok"`, `"Maintenance"`, or a status the exchange added later (kept as is). */
export type SystemStatusValue = "Ok" | "Maintenance" | (string & Record<never, never>);

/** The answer of `GET /api/v1/status`. */
export interface SystemStatus {
  /** Overall exchange status. */
  readonly status: SystemStatusValue;
  /** Optional human-readable note (e.g. a maintenance notice). */
  readonly message?: string | null | undefined;
}

/** Schema of {@link SystemStatus}. Unknown status values decode as plain strings. */
export const SystemStatus: Schema.Decoder<SystemStatus> = Schema.Struct({
  status: Schema.String,
  message: Schema.optional(Schema.NullOr(Schema.String)),
});

/** The `text/plain` body of `GET /api/v1/time`: server time in Unix milliseconds (whitespace trimmed). */
export const ServerTime: Schema.Decoder<number> = Schema.Trim.pipe(
  Schema.decodeTo(Schema.FiniteFromString),
);

/** The `text/plain` body of `GET /api/v1/ping` (`pong`), whitespace trimmed. */
export const Pong: Schema.Decoder<string> = Schema.Trim;
