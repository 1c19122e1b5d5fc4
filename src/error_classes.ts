/**
 * The SDK's error classes, one per failure kind. Each is a `Schema.TaggedError` (exported with its
 * explicitly typed `XBase` class), so errors are yieldable in `Effect.gen`, matchable by `_tag` and
 * serialisable by the closed union in `errors.ts`. No error ever carries headers, keys or
 * signatures.
 *
 * @module
 */
import type * as Cause from "effect/Cause";
import * as Schema from "effect/Schema";

/**
 * The base class an SDK error extends: a schema-backed, yieldable tagged error. Spelled out so the
 * exported classes have explicit (fast-checkable) types.
 */
export type TaggedErrorBase<Self, Tag extends string, Fields extends Schema.Struct.Fields> =
  Schema.Class<Self, Schema.TaggedStruct<Tag, Fields>, Cause.YieldableError>;

/** Base class of {@link TransportError} (its type spelled out for JSR); extend or use TransportError instead. */
export const TransportErrorBase: TaggedErrorBase<
  TransportError,
  "TransportError",
  {
    readonly endpoint: Schema.String;
    readonly reason: Schema.String;
  }
> = Schema.TaggedError<TransportError>()("TransportError", {
  endpoint: Schema.String,
  reason: Schema.String,
});

/** The network failed: DNS, connection reset, aborted, or a socket error. Retryable. */
export class TransportError extends TransportErrorBase {
  /** Human readable summary. */
  override get message(): string {
    return `Transport failed for ${this.endpoint}: ${this.reason}`;
  }
}

/** Base class of {@link TimeoutError} (its type spelled out for JSR); extend or use TimeoutError instead. */
export const TimeoutErrorBase: TaggedErrorBase<
  TimeoutError,
  "TimeoutError",
  {
    readonly endpoint: Schema.String;
    readonly timeoutMs: Schema.Number;
  }
> = Schema.TaggedError<TimeoutError>()("TimeoutError", {
  endpoint: Schema.String,
  timeoutMs: Schema.Number,
});

/** The request did not complete within its deadline. For mutating calls the outcome is unknown. */
export class TimeoutError extends TimeoutErrorBase {
  /** Human readable summary. */
  override get message(): string {
    return `${this.endpoint} timed out after ${this.timeoutMs} ms`;
  }
}

/** Base class of {@link HttpStatusError} (its type spelled out for JSR); extend or use HttpStatusError instead. */
export const HttpStatusErrorBase: TaggedErrorBase<
  HttpStatusError,
  "HttpStatusError",
  {
    readonly endpoint: Schema.String;
    readonly status: Schema.Number;
    readonly body: Schema.String;
  }
> = Schema.TaggedError<HttpStatusError>()("HttpStatusError", {
  endpoint: Schema.String,
  status: Schema.Number,
  body: Schema.String,
});

/** A non-2xx HTTP status whose body was not a Backpack error object (e.g. a plain-text proxy error). */
export class HttpStatusError extends HttpStatusErrorBase {
  /** Human readable summary. */
  override get message(): string {
    return `${this.endpoint} answered HTTP ${this.status}${this.body ? `: ${this.body}` : ""}`;
  }
}

/** Base class of {@link RateLimitError} (its type spelled out for JSR); extend or use RateLimitError instead. */
export const RateLimitErrorBase: TaggedErrorBase<
  RateLimitError,
  "RateLimitError",
  {
    readonly endpoint: Schema.String;
    readonly retryAfterMs: Schema.Number;
  }
> = Schema.TaggedError<RateLimitError>()("RateLimitError", {
  endpoint: Schema.String,
  retryAfterMs: Schema.Number,
});

/** HTTP 429 / `TOO_MANY_REQUESTS`. `retryAfterMs` is taken from `Retry-After` when the server sent one. */
export class RateLimitError extends RateLimitErrorBase {
  /** Human readable summary. */
  override get message(): string {
    return `${this.endpoint} was rate limited; retry after ${this.retryAfterMs} ms`;
  }
}

/** Base class of {@link AuthError} (its type spelled out for JSR); extend or use AuthError instead. */
export const AuthErrorBase: TaggedErrorBase<
  AuthError,
  "AuthError",
  {
    readonly endpoint: Schema.String;
    readonly code: Schema.String;
    readonly reason: Schema.Literals<
      readonly ["InvalidSignature", "RequestExpired", "Unauthorized", "Forbidden"]
    >;
    readonly detail: Schema.String;
  }
> = Schema.TaggedError<AuthError>()("AuthError", {
  endpoint: Schema.String,
  code: Schema.String,
  reason: Schema.Literals(["InvalidSignature", "RequestExpired", "Unauthorized", "Forbidden"]),
  detail: Schema.String,
});

/**
 * Authentication failed: a bad signature, an expired request (clock skew / window), or a key the
 * server does not accept. `reason` says which.
 */
export class AuthError extends AuthErrorBase {
  /** Human readable summary. */
  override get message(): string {
    return `${this.endpoint} rejected the credentials (${this.reason}, ${this.code}): ${this.detail}`;
  }
}

/**
 * Fields of an error Backpack answered with an error body: the endpoint, the error `code` and its
 * message (`detail`).
 */
export type CodedErrorFields = {
  readonly endpoint: Schema.String;
  readonly code: Schema.String;
  readonly detail: Schema.String;
};

const codedErrorFields: CodedErrorFields = {
  endpoint: Schema.String,
  code: Schema.String,
  detail: Schema.String,
};

/** {@link CodedErrorFields} with the HTTP status of the answer. */
export type StatusCodedErrorFields = {
  readonly endpoint: Schema.String;
  readonly status: Schema.Number;
  readonly code: Schema.String;
  readonly detail: Schema.String;
};

const statusCodedErrorFields: StatusCodedErrorFields = {
  endpoint: Schema.String,
  status: Schema.Number,
  code: Schema.String,
  detail: Schema.String,
};

/** Base class of {@link InsufficientFundsError} (its type spelled out for JSR); extend or use InsufficientFundsError instead. */
export const InsufficientFundsErrorBase: TaggedErrorBase<
  InsufficientFundsError,
  "InsufficientFundsError",
  CodedErrorFields
> = Schema.TaggedError<InsufficientFundsError>()("InsufficientFundsError", codedErrorFields);

/** The account lacks funds, margin, supply or leverage headroom for the request. */
export class InsufficientFundsError extends InsufficientFundsErrorBase {
  /** Human readable summary. */
  override get message(): string {
    return `${this.endpoint}: insufficient funds (${this.code}): ${this.detail}`;
  }
}

/** Base class of {@link NotFoundError} (its type spelled out for JSR); extend or use NotFoundError instead. */
export const NotFoundErrorBase: TaggedErrorBase<
  NotFoundError,
  "NotFoundError",
  CodedErrorFields
> = Schema.TaggedError<NotFoundError>()("NotFoundError", codedErrorFields);

/** `RESOURCE_NOT_FOUND`: e.g. an order that is no longer open. */
export class NotFoundError extends NotFoundErrorBase {
  /** Human readable summary. */
  override get message(): string {
    return `${this.endpoint}: not found (${this.code}): ${this.detail}`;
  }
}

/** Base class of {@link UnavailableError} (its type spelled out for JSR); extend or use UnavailableError instead. */
export const UnavailableErrorBase: TaggedErrorBase<
  UnavailableError,
  "UnavailableError",
  StatusCodedErrorFields
> = Schema.TaggedError<UnavailableError>()("UnavailableError", statusCodedErrorFields);

/** The exchange is in maintenance, paused, or failed internally (5xx). Retryable. */
export class UnavailableError extends UnavailableErrorBase {
  /** Human readable summary. */
  override get message(): string {
    return `${this.endpoint} is unavailable (HTTP ${this.status}, ${this.code}): ${this.detail}`;
  }
}

/** Base class of {@link ApiError} (its type spelled out for JSR); extend or use ApiError instead. */
export const ApiErrorBase: TaggedErrorBase<
  ApiError,
  "ApiError",
  StatusCodedErrorFields
> = Schema.TaggedError<ApiError>()("ApiError", statusCodedErrorFields);

/** Any other Backpack error body `{code, message}`; `code` is the literal Backpack `ApiErrorCode`. */
export class ApiError extends ApiErrorBase {
  /** Human readable summary. */
  override get message(): string {
    return `${this.endpoint} failed with ${this.code} (HTTP ${this.status}): ${this.detail}`;
  }
}

/** Base class of {@link DecodeError} (its type spelled out for JSR); extend or use DecodeError instead. */
export const DecodeErrorBase: TaggedErrorBase<
  DecodeError,
  "DecodeError",
  {
    readonly endpoint: Schema.String;
    readonly issue: Schema.String;
    readonly body: Schema.String;
  }
> = Schema.TaggedError<DecodeError>()("DecodeError", {
  endpoint: Schema.String,
  issue: Schema.String,
  body: Schema.String,
});

/** A response did not match the expected schema. `body` is truncated and never holds request secrets. */
export class DecodeError extends DecodeErrorBase {
  /** Human readable summary. */
  override get message(): string {
    return `Could not decode the response of ${this.endpoint}: ${this.issue}`;
  }
}

/** Why an input was rejected before sending (`InvalidInputError.reason`). */
export const INVALID_INPUT_REASONS = [
  "BadKey",
  "Precision",
  "BelowMinimum",
  "UnknownSymbol",
  "OutOfRange",
  "Missing",
  "Malformed",
] as const;

/** Base class of {@link InvalidInputError} (its type spelled out for JSR); extend or use InvalidInputError instead. */
export const InvalidInputErrorBase: TaggedErrorBase<
  InvalidInputError,
  "InvalidInputError",
  {
    readonly field: Schema.String;
    readonly reason: Schema.Literals<typeof INVALID_INPUT_REASONS>;
    readonly detail: Schema.String;
  }
> = Schema.TaggedError<InvalidInputError>()("InvalidInputError", {
  field: Schema.String,
  reason: Schema.Literals(INVALID_INPUT_REASONS),
  detail: Schema.String,
});

/**
 * Input rejected before anything was sent: a bad key, a price off tick, a quantity below the minimum,
 * an unknown symbol, a clientId outside uint32...
 */
export class InvalidInputError extends InvalidInputErrorBase {
  /** Human readable summary. */
  override get message(): string {
    return `Invalid ${this.field} (${this.reason}): ${this.detail}`;
  }
}

/** Base class of {@link UnsupportedError} (its type spelled out for JSR); extend or use UnsupportedError instead. */
export const UnsupportedErrorBase: TaggedErrorBase<
  UnsupportedError,
  "UnsupportedError",
  {
    readonly feature: Schema.String;
    readonly detail: Schema.String;
  }
> = Schema.TaggedError<UnsupportedError>()("UnsupportedError", {
  feature: Schema.String,
  detail: Schema.String,
});

/** A feature Backpack does not have (hedge mode, isolated margin, per-symbol leverage...). */
export class UnsupportedError extends UnsupportedErrorBase {
  /** Human readable summary. */
  override get message(): string {
    return `Unsupported: ${this.feature}: ${this.detail}`;
  }
}

/** Base class of {@link OrderOutcomeUnknownError} (its type spelled out for JSR); extend or use OrderOutcomeUnknownError instead. */
export const OrderOutcomeUnknownErrorBase: TaggedErrorBase<
  OrderOutcomeUnknownError,
  "OrderOutcomeUnknownError",
  {
    readonly endpoint: Schema.String;
    readonly status: Schema.Number;
    readonly clientId: Schema.optional<Schema.Number>;
  }
> = Schema.TaggedError<OrderOutcomeUnknownError>()("OrderOutcomeUnknownError", {
  endpoint: Schema.String,
  status: Schema.Number,
  clientId: Schema.optional(Schema.Number),
});

/**
 * A mutating call whose outcome is unknown (HTTP 202 "accepted, not yet executed", a 5xx or a timeout
 * after sending). Reconcile through open orders / fills before retrying.
 */
export class OrderOutcomeUnknownError extends OrderOutcomeUnknownErrorBase {
  /** Human readable summary. */
  override get message(): string {
    const id = this.clientId === undefined ? "" : ` (clientId ${this.clientId})`;
    const answer = this.status === 0 ? "no answer" : `HTTP ${this.status}`;
    return `Outcome of ${this.endpoint}${id} is unknown (${answer}); reconcile before retrying`;
  }
}

/** Base class of {@link SequenceGapError} (its type spelled out for JSR); extend or use SequenceGapError instead. */
export const SequenceGapErrorBase: TaggedErrorBase<
  SequenceGapError,
  "SequenceGapError",
  {
    readonly symbol: Schema.String;
    readonly expected: Schema.String;
    readonly received: Schema.String;
  }
> = Schema.TaggedError<SequenceGapError>()("SequenceGapError", {
  symbol: Schema.String,
  expected: Schema.String,
  received: Schema.String,
});

/** A depth stream skipped update ids: the local book is invalid until resynced. */
export class SequenceGapError extends SequenceGapErrorBase {
  /** Human readable summary. */
  override get message(): string {
    return `Depth gap on ${this.symbol}: expected update ${this.expected}, received ${this.received}`;
  }
}
