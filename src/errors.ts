/**
 * The closed union of every error the SDK can fail with.
 *
 * Each class is a `Schema.TaggedError`, so errors are yieldable in `Effect.gen`, matchable by `_tag`
 * and serialisable (see {@link encodeBackpackError} / {@link decodeBackpackError}) across a worker
 * boundary. No error ever carries headers, keys or signatures.
 *
 * @module
 */
import * as Schema from "effect/Schema";

/** A Backpack `ApiErrorCode` literal (or an unknown code the server invented later). */
const Code: Schema.String = Schema.String;
const Endpoint: Schema.String = Schema.String;

/** The network failed: DNS, connection reset, aborted, or a socket error. Retryable. */
export class TransportError extends Schema.TaggedError<TransportError>()("TransportError", {
  endpoint: Endpoint,
  reason: Schema.String,
}) {
  /** Human readable summary. */
  override get message(): string {
    return `Transport failed for ${this.endpoint}: ${this.reason}`;
  }
}

/** The request did not complete within its deadline. For mutating calls the outcome is unknown. */
export class TimeoutError extends Schema.TaggedError<TimeoutError>()("TimeoutError", {
  endpoint: Endpoint,
  timeoutMs: Schema.Number,
}) {
  /** Human readable summary. */
  override get message(): string {
    return `${this.endpoint} timed out after ${this.timeoutMs} ms`;
  }
}

/** A non-2xx HTTP status whose body was not a Backpack error object (e.g. a plain-text proxy error). */
export class HttpStatusError extends Schema.TaggedError<HttpStatusError>()("HttpStatusError", {
  endpoint: Endpoint,
  status: Schema.Number,
  body: Schema.String,
}) {
  /** Human readable summary. */
  override get message(): string {
    return `${this.endpoint} answered HTTP ${this.status}${this.body ? `: ${this.body}` : ""}`;
  }
}

/** HTTP 429 / `TOO_MANY_REQUESTS`. `retryAfterMs` is taken from `Retry-After` when the server sent one. */
export class RateLimitError extends Schema.TaggedError<RateLimitError>()("RateLimitError", {
  endpoint: Endpoint,
  retryAfterMs: Schema.Number,
}) {
  /** Human readable summary. */
  override get message(): string {
    return `${this.endpoint} was rate limited; retry after ${this.retryAfterMs} ms`;
  }
}

/**
 * Authentication failed: a bad signature, an expired request (clock skew / window), or a key the
 * server does not accept. `reason` says which.
 */
export class AuthError extends Schema.TaggedError<AuthError>()("AuthError", {
  endpoint: Endpoint,
  code: Code,
  reason: Schema.Literals(["InvalidSignature", "RequestExpired", "Unauthorized", "Forbidden"]),
  detail: Schema.String,
}) {
  /** Human readable summary. */
  override get message(): string {
    return `${this.endpoint} rejected the credentials (${this.reason}, ${this.code}): ${this.detail}`;
  }
}

/** The account lacks funds, margin, supply or leverage headroom for the request. */
export class InsufficientFundsError
  extends Schema.TaggedError<InsufficientFundsError>()("InsufficientFundsError", {
    endpoint: Endpoint,
    code: Code,
    detail: Schema.String,
  }) {
  /** Human readable summary. */
  override get message(): string {
    return `${this.endpoint}: insufficient funds (${this.code}): ${this.detail}`;
  }
}

/** `RESOURCE_NOT_FOUND`: e.g. an order that is no longer open. */
export class NotFoundError extends Schema.TaggedError<NotFoundError>()("NotFoundError", {
  endpoint: Endpoint,
  code: Code,
  detail: Schema.String,
}) {
  /** Human readable summary. */
  override get message(): string {
    return `${this.endpoint}: not found (${this.code}): ${this.detail}`;
  }
}

/** The exchange is in maintenance, paused, or failed internally (5xx). Retryable. */
export class UnavailableError extends Schema.TaggedError<UnavailableError>()("UnavailableError", {
  endpoint: Endpoint,
  status: Schema.Number,
  code: Code,
  detail: Schema.String,
}) {
  /** Human readable summary. */
  override get message(): string {
    return `${this.endpoint} is unavailable (HTTP ${this.status}, ${this.code}): ${this.detail}`;
  }
}

/** Any other Backpack error body `{code, message}`; `code` is the literal Backpack `ApiErrorCode`. */
export class ApiError extends Schema.TaggedError<ApiError>()("ApiError", {
  endpoint: Endpoint,
  status: Schema.Number,
  code: Code,
  detail: Schema.String,
}) {
  /** Human readable summary. */
  override get message(): string {
    return `${this.endpoint} failed with ${this.code} (HTTP ${this.status}): ${this.detail}`;
  }
}

/** A response did not match the expected schema. `body` is truncated and never holds request secrets. */
export class DecodeError extends Schema.TaggedError<DecodeError>()("DecodeError", {
  endpoint: Endpoint,
  issue: Schema.String,
  body: Schema.String,
}) {
  /** Human readable summary. */
  override get message(): string {
    return `Could not decode the response of ${this.endpoint}: ${this.issue}`;
  }
}

/**
 * Input rejected before anything was sent: a bad key, a price off tick, a quantity below the minimum,
 * an unknown symbol, a clientId outside uint32...
 */
export class InvalidInputError
  extends Schema.TaggedError<InvalidInputError>()("InvalidInputError", {
    field: Schema.String,
    reason: Schema.Literals([
      "BadKey",
      "Precision",
      "BelowMinimum",
      "UnknownSymbol",
      "OutOfRange",
      "Missing",
      "Malformed",
    ]),
    detail: Schema.String,
  }) {
  /** Human readable summary. */
  override get message(): string {
    return `Invalid ${this.field} (${this.reason}): ${this.detail}`;
  }
}

/** A feature Backpack does not have (hedge mode, isolated margin, per-symbol leverage...). */
export class UnsupportedError extends Schema.TaggedError<UnsupportedError>()("UnsupportedError", {
  feature: Schema.String,
  detail: Schema.String,
}) {
  /** Human readable summary. */
  override get message(): string {
    return `Unsupported: ${this.feature}: ${this.detail}`;
  }
}

/**
 * A mutating call whose outcome is unknown (HTTP 202 "accepted, not yet executed", a 5xx or a timeout
 * after sending). Reconcile through open orders / fills before retrying.
 */
export class OrderOutcomeUnknownError
  extends Schema.TaggedError<OrderOutcomeUnknownError>()("OrderOutcomeUnknownError", {
    endpoint: Endpoint,
    status: Schema.Number,
    clientId: Schema.optional(Schema.Number),
  }) {
  /** Human readable summary. */
  override get message(): string {
    const id = this.clientId === undefined ? "" : ` (clientId ${this.clientId})`;
    return `Outcome of ${this.endpoint}${id} is unknown (HTTP ${this.status}); reconcile before retrying`;
  }
}

/** A depth stream skipped update ids: the local book is invalid until resynced. */
export class SequenceGapError extends Schema.TaggedError<SequenceGapError>()("SequenceGapError", {
  symbol: Schema.String,
  expected: Schema.String,
  received: Schema.String,
}) {
  /** Human readable summary. */
  override get message(): string {
    return `Depth gap on ${this.symbol}: expected update ${this.expected}, received ${this.received}`;
  }
}

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

/** True when the failed call may be retried unchanged (transport failures, 429, 5xx/maintenance). */
export const isRetryable = (error: BackpackError): boolean => RETRYABLE.has(error._tag);

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
