/**
 * The SDK errors the book feed can produce, built directly in their ENCODED form (the plain
 * `{_tag, ...fields}` objects `encodeBackpackError` returns), without Effect: the order-book worker
 * bundle then carries no Effect code (less to parse, compile and keep on the heap at start-up).
 * The main thread rebuilds the real classes with `decodeBackpackError` (`client.ts`);
 * `tests/unit/orderbook/wire_errors_test.ts` checks each builder against `encodeBackpackError`.
 *
 * Only types come from `errors.ts` (erased at build time), so nothing here pulls Effect in.
 *
 * @module
 */
import type { EncodedBackpackError } from "../errors.ts";

/** The encoded form of the error tagged `T`. */
export type WireError<T extends EncodedBackpackError["_tag"]> = Extract<
  EncodedBackpackError,
  { readonly _tag: T }
>;

/** Fields of the encoded error tagged `T` (everything but `_tag`). */
type Fields<T extends EncodedBackpackError["_tag"]> = Omit<WireError<T>, "_tag">;

/** Encoded `UnavailableError` (fields in the schema's order, like `encodeBackpackError`). */
export const unavailableError = (
  f: Fields<"UnavailableError">,
): WireError<"UnavailableError"> => ({
  _tag: "UnavailableError",
  endpoint: f.endpoint,
  status: f.status,
  code: f.code,
  detail: f.detail,
});

/** Encoded `SequenceGapError` (fields in the schema's order, like `encodeBackpackError`). */
export const sequenceGapError = (
  f: Fields<"SequenceGapError">,
): WireError<"SequenceGapError"> => ({
  _tag: "SequenceGapError",
  symbol: f.symbol,
  expected: f.expected,
  received: f.received,
});

/** Encoded `InvalidInputError` (fields in the schema's order, like `encodeBackpackError`). */
export const invalidInputError = (
  f: Fields<"InvalidInputError">,
): WireError<"InvalidInputError"> => ({
  _tag: "InvalidInputError",
  field: f.field,
  reason: f.reason,
  detail: f.detail,
});
