/**
 * Input checks shared by the REST endpoints: each returns the first problem as an
 * `InvalidInputError` (or `undefined`), and {@link guarded} runs a call only when there is none, so
 * bad input never reaches the network.
 *
 * @module
 */
import * as Effect from "effect/Effect";
import type { SignParams, SignValue } from "../auth/signing_string.ts";
import { Decimal, isDecimalText } from "../decimal.ts";
import { InvalidInputError } from "../error_classes.ts";
import type { BackpackError } from "../errors.ts";

/** A problem found in the input, or `undefined` when the value is fine. */
export type Problem = InvalidInputError | undefined;

/** Sort order of history endpoints. */
export type SortDirection = "Asc" | "Desc";

/** `limit`/`offset` paging of the history endpoints (bare arrays, no cursor). */
export interface PageParams {
  /** Rows per page, 1…1000 (server default 100). */
  readonly limit?: number;
  /** Rows to skip (≥ 0). */
  readonly offset?: number;
}

/** Paging and sort order shared by the history endpoints. */
export interface HistoryParams extends PageParams {
  /** `Asc` (oldest first) or `Desc`. */
  readonly sortDirection?: SortDirection;
}

/** Largest `limit` the history endpoints accept. */
export const MAX_PAGE_SIZE = 1000;

const problem = (
  field: string,
  reason: InvalidInputError["reason"],
  detail: string,
): InvalidInputError => new InvalidInputError({ field, reason, detail });

/** `value` (when given) must be an integer in `[min, max]`. */
export const integerIn = (field: string, value: unknown, min: number, max: number): Problem => {
  if (value === undefined || value === null) return undefined;
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max
    ? undefined
    : problem(field, "OutOfRange", `${String(value)} is not an integer in [${min}, ${max}]`);
};

/** `value` (when given) must be a uint32 (`clientId`, `clientStrategyId`, `vaultId`). */
export const uint32 = (field: string, value: unknown): Problem =>
  integerIn(field, value, 0, 4_294_967_295);

/** `value` (when given) must be a uint16 (`subaccountId`). */
export const uint16 = (field: string, value: unknown): Problem =>
  integerIn(field, value, 0, 65_535);

/** `limit` in 1…`max`, `offset` ≥ 0 and `sortDirection` `Asc`/`Desc`, when given. */
export const pageProblems = (params: HistoryParams, max: number = MAX_PAGE_SIZE): Problem =>
  integerIn("limit", params.limit, 1, max) ??
    integerIn("offset", params.offset, 0, Number.MAX_SAFE_INTEGER) ??
    oneOf("sortDirection", params.sortDirection, ["Asc", "Desc"]);

/** `from`/`to` (Unix ms, when given) are non-negative integers with `from ≤ to`. */
export const timeRangeProblems = (from: unknown, to: unknown): Problem =>
  integerIn("from", from, 0, Number.MAX_SAFE_INTEGER) ??
    integerIn("to", to, 0, Number.MAX_SAFE_INTEGER) ??
    (typeof from === "number" && typeof to === "number" && from > to
      ? problem("from", "OutOfRange", `from (${from}) is after to (${to})`)
      : undefined);

/** A required string without whitespace (symbols, ids, addresses). */
export const requiredText = (field: string, value: unknown): Problem =>
  value === undefined || value === null || value === ""
    ? problem(field, "Missing", `${field} is required`)
    : optionalText(field, value);

/** A string without whitespace, when given. */
export const optionalText = (field: string, value: unknown): Problem =>
  value === undefined || value === null || (typeof value === "string" && /^\S+$/.test(value))
    ? undefined
    : problem(field, "Malformed", `${field} must be a non-empty string without whitespace`);

/**
 * A decimal given as a string or `Decimal` (never a `number`, whose text could become `1e-7`).
 * With `positive`, it must also be greater than zero.
 */
export const decimalInput = (
  field: string,
  value: unknown,
  options: { readonly required?: boolean; readonly positive?: boolean } = {},
): Problem => {
  if (value === undefined || value === null) {
    return options.required ? problem(field, "Missing", `${field} is required`) : undefined;
  }
  const text = value instanceof Decimal
    ? (value.isFinite() ? value.toFixed() : "")
    : typeof value === "string"
    ? value
    : undefined;
  if (text === undefined || !isDecimalText(text)) {
    return problem(field, "Malformed", `${field} must be a decimal string or Decimal`);
  }
  return options.positive && !new Decimal(text).gt(0)
    ? problem(field, "OutOfRange", `${field} must be greater than zero`)
    : undefined;
};

/** `value` (when given) must be one of `allowed`. */
export const oneOf = (field: string, value: unknown, allowed: ReadonlyArray<string>): Problem =>
  value === undefined || value === null || allowed.includes(value as string)
    ? undefined
    : problem(field, "Malformed", `${String(value)} is not one of ${allowed.join(", ")}`);

/** At most one of the named fields may be given. */
export const atMostOne = (fields: Readonly<Record<string, unknown>>): Problem => {
  const given = Object.keys(fields).filter((k) => fields[k] !== undefined && fields[k] !== null);
  return given.length > 1
    ? problem(given[1], "Malformed", `give only one of ${Object.keys(fields).join(", ")}`)
    : undefined;
};

/** At least one of the named fields must be given. */
export const atLeastOne = (fields: Readonly<Record<string, unknown>>): Problem =>
  Object.values(fields).some((v) => v !== undefined && v !== null)
    ? undefined
    : problem(Object.keys(fields)[0], "Missing", `give one of ${Object.keys(fields).join(", ")}`);

/**
 * Runs `checks` (lazily, inside the effect, so even a missing params object becomes a typed error)
 * and then `call` only when they all pass.
 */
export const guarded = <A, R>(
  checks: () => ReadonlyArray<Problem>,
  call: () => Effect.Effect<A, BackpackError, R>,
): Effect.Effect<A, BackpackError, R> =>
  Effect.suspend(() => {
    let found: Problem;
    try {
      found = checks().find((p) => p !== undefined);
    } catch {
      found = problem("params", "Missing", "a parameters object is required");
    }
    return found === undefined ? call() : Effect.fail(found);
  });

/** Copies a typed params object (scalar fields only) into query/body fields. */
export const fieldsOf = <P extends { readonly [K in keyof P]: SignValue }>(params: P): SignParams =>
  ({ ...params }) as SignParams;

/** The optional market filter of the "every market, or one market / market type" reads. */
export interface MarketFilter {
  /** Only this market. */
  readonly symbol?: string;
  /** Only this market type. */
  readonly marketType?: string;
}

/**
 * Checks `params.symbol` and `params.marketType` (each optional, a non-empty string without
 * whitespace) and, when both are fine, runs `call` with them as its query (`{ symbol,
 * marketType }`).
 */
export const withMarketFilter = <A, R>(
  params: MarketFilter,
  call: (query: SignParams) => Effect.Effect<A, BackpackError, R>,
): Effect.Effect<A, BackpackError, R> =>
  guarded(
    () => [optionalText("symbol", params.symbol), optionalText("marketType", params.marketType)],
    () => call({ symbol: params.symbol, marketType: params.marketType }),
  );
