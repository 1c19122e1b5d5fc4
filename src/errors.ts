/**
 * The closed union of every error the SDK can fail with ({@link BackpackError}, whose members are
 * the classes of `error_classes.ts`), its schema, the retry and membership checks, and
 * {@link encodeBackpackError} / {@link decodeBackpackError}, which carry errors across a worker
 * boundary as plain objects.
 *
 * @module
 */
import * as Schema from "effect/Schema";
import {
  ApiError,
  AuthError,
  DecodeError,
  HttpStatusError,
  InsufficientFundsError,
  InvalidInputError,
  NotFoundError,
  OrderOutcomeUnknownError,
  RateLimitError,
  SequenceGapError,
  TimeoutError,
  TransportError,
  UnavailableError,
  UnsupportedError,
} from "./error_classes.ts";

/** The schema of the whole union: encodes any SDK error to plain JSON and back. */
export const BackpackErrorSchema: Schema.Union<[
  typeof TransportError,
  typeof TimeoutError,
  typeof HttpStatusError,
  typeof RateLimitError,
  typeof AuthError,
  typeof InsufficientFundsError,
  typeof NotFoundError,
  typeof UnavailableError,
  typeof ApiError,
  typeof DecodeError,
  typeof InvalidInputError,
  typeof UnsupportedError,
  typeof OrderOutcomeUnknownError,
  typeof SequenceGapError,
]> = Schema.Union([
  TransportError,
  TimeoutError,
  HttpStatusError,
  RateLimitError,
  AuthError,
  InsufficientFundsError,
  NotFoundError,
  UnavailableError,
  ApiError,
  DecodeError,
  InvalidInputError,
  UnsupportedError,
  OrderOutcomeUnknownError,
  SequenceGapError,
]);

/** Every error the SDK fails with. Switch on `_tag`. */
export type BackpackError = typeof BackpackErrorSchema.Type;

/** The plain-object form of a {@link BackpackError} (what crosses a worker boundary). */
export type EncodedBackpackError = typeof BackpackErrorSchema.Encoded;

/** Tags of errors worth retrying after a delay (the request may be sent again as is). */
const RETRYABLE: ReadonlySet<BackpackError["_tag"]> = new Set([
  "TransportError",
  "RateLimitError",
  "UnavailableError",
]);

/**
 * `UnavailableError` codes of SDK objects that were closed (an order book, a client or connector):
 * final, not worth retrying.
 */
const CLOSED_CODES: ReadonlySet<string> = new Set(["BOOK_CLOSED", "CLIENT_CLOSED"]);

/**
 * True when the failed call may be retried unchanged (transport failures, 429, 5xx/maintenance);
 * false for every other error, including a call on a closed SDK object (`BOOK_CLOSED`,
 * `CLIENT_CLOSED`).
 */
export const isRetryable = (error: BackpackError): boolean =>
  RETRYABLE.has(error._tag) && !(error._tag === "UnavailableError" && CLOSED_CODES.has(error.code));

const isError = Schema.is(BackpackErrorSchema);

/** True when `u` is one of the SDK's errors. */
export const isBackpackError = (u: unknown): u is BackpackError => isError(u);

/** Encodes an SDK error to a plain, structured-clone-safe object. */
export const encodeBackpackError: (error: BackpackError) => EncodedBackpackError = Schema
  .encodeSync(
    BackpackErrorSchema,
  );

/** Decodes a plain object produced by {@link encodeBackpackError} back into the error class. */
export const decodeBackpackError: (u: unknown) => BackpackError = Schema.decodeUnknownSync(
  BackpackErrorSchema,
);
