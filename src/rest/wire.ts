/**
 * Pure helpers that put a REST request on the wire and read the bits of the answer the SDK needs:
 * the URL with its query string, the JSON body, and the `Retry-After` header.
 *
 * Query params and body fields are rendered exactly like the signing string renders them
 * (`renderValue`: decimals as their plain text, booleans lower-case, `null`/`undefined` dropped), so
 * what is signed is what is sent.
 *
 * @module
 */
import { renderValue, type SignParams, type SignValue } from "../auth/signing_string.ts";

/** A JSON body: one object of top-level fields, or an array of them (batch orders). */
export type RequestBody = SignParams | ReadonlyArray<SignParams>;

/**
 * `baseUrl + path + ?query`: keys sorted, values rendered as in the signing string and
 * percent-encoded, `null`/`undefined` dropped.
 */
export const buildUrl = (baseUrl: string, path: string, query: SignParams = {}): string => {
  const pairs: Array<string> = [];
  for (const key of Object.keys(query).sort()) {
    const value = query[key];
    if (value === null || value === undefined) continue;
    pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(renderValue(value))}`);
  }
  return pairs.length === 0 ? `${baseUrl}${path}` : `${baseUrl}${path}?${pairs.join("&")}`;
};

const jsonValue = (value: Exclude<SignValue, null | undefined>): string | number | boolean =>
  typeof value === "number" || typeof value === "boolean" ? value : renderValue(value);

const jsonObject = (params: SignParams): Record<string, string | number | boolean> => {
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined) out[key] = jsonValue(value);
  }
  return out;
};

/**
 * The JSON text of a body: `Decimal`s and `bigint`s become strings (never JSON numbers, which could
 * be reformatted as `1e-7`), `null`/`undefined` fields are dropped. Arrays keep their order.
 */
export const encodeBody = (body: RequestBody): string =>
  JSON.stringify(Array.isArray(body) ? body.map(jsonObject) : jsonObject(body as SignParams));

/**
 * Milliseconds to wait from a `Retry-After` header: delay-seconds (`"2"`, `"0.5"`) or an HTTP-date,
 * relative to `nowMs`. `undefined` when the header is absent or unreadable; never negative.
 */
export const parseRetryAfter = (header: string | null, nowMs: number): number | undefined => {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
};

const MAX_BODY_EXCERPT = 512;

/** The first 512 characters of a response body, for error reports. */
export const excerpt = (body: string): string =>
  body.length > MAX_BODY_EXCERPT ? `${body.slice(0, MAX_BODY_EXCERPT)}…` : body;
