/**
 * Reading and checking request parameters (query strings and JSON bodies). Failures are Backpack
 * `400 INVALID_CLIENT_REQUEST` answers naming the parameter.
 *
 * @module
 */
import { HttpError } from "./responses.ts";

const invalid = (message: string): HttpError =>
  new HttpError(400, "INVALID_CLIENT_REQUEST", message);

/** A required string parameter. */
export const requireString = (
  source: Readonly<Record<string, unknown>>,
  name: string,
): string => {
  const value = source[name];
  if (typeof value !== "string" || value === "") throw invalid(`Missing parameter \`${name}\``);
  return value;
};

/** An optional string parameter (numbers are accepted and rendered as text). */
export const optionalString = (
  source: Readonly<Record<string, unknown>>,
  name: string,
): string | undefined => {
  const value = source[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  throw invalid(`Invalid parameter \`${name}\``);
};

/** An optional non-negative integer (query text or JSON number). */
export const optionalInt = (
  source: Readonly<Record<string, unknown>>,
  name: string,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined => {
  const value = source[name];
  if (value === undefined || value === null) return undefined;
  const n = typeof value === "number" ? value : /^\d+$/.test(String(value)) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 0 || n > max) {
    throw invalid(`Invalid parameter \`${name}\``);
  }
  return n;
};

/** An optional boolean (query `true`/`false` or JSON boolean). */
export const optionalBool = (
  source: Readonly<Record<string, unknown>>,
  name: string,
): boolean | undefined => {
  const value = source[name];
  if (value === undefined || value === null) return undefined;
  if (value === true || value === "true") return true;
  if (value === false || value === "false") return false;
  throw invalid(`Invalid parameter \`${name}\``);
};

/** An optional parameter restricted to `allowed` values. */
export const optionalEnum = <T extends string>(
  source: Readonly<Record<string, unknown>>,
  name: string,
  allowed: ReadonlyArray<T>,
): T | undefined => {
  const value = source[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string" && (allowed as ReadonlyArray<string>).includes(value)) {
    return value as T;
  }
  throw invalid(`Invalid parameter \`${name}\``);
};

/** A JSON object body (not an array). */
export const objectBody = (body: unknown): Readonly<Record<string, unknown>> => {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw invalid("Expected a JSON object body");
  }
  return body as Record<string, unknown>;
};
