/**
 * The Backpack signing string, exactly as the API reference specifies it:
 * `instruction=<X>` + the params sorted by key (`&k=v`, booleans lower-case, nulls dropped, decimals as
 * their text) + `&timestamp=<ms>&window=<ms>`. A batch repeats the instruction segment per element and
 * appends timestamp and window once.
 *
 * Pure: no I/O, no Effect services.
 *
 * @module
 */
import type { Decimal } from "decimal.js";

/** A value that may appear in a signed query or JSON body. `null`/`undefined` are dropped. */
export type SignValue = string | number | bigint | boolean | Decimal | null | undefined;

/** The query parameters (GET) or top-level body fields (POST/DELETE/PATCH) of a signed request. */
export type SignParams = Readonly<Record<string, SignValue>>;

/** Renders one value as it appears in the signing string (and on the wire). */
export const renderValue = (value: Exclude<SignValue, null | undefined>): string =>
  typeof value === "object" ? value.toFixed() : String(value);

const segment = (instruction: string, params: SignParams): string => {
  let out = `instruction=${instruction}`;
  for (const key of Object.keys(params).sort()) {
    const value = params[key];
    if (value === null || value === undefined) continue;
    out += `&${key}=${renderValue(value)}`;
  }
  return out;
};

/**
 * Builds the string to sign for one request (`params` an object) or a batch (`params` an array,
 * one segment per element in array order).
 *
 * @example
 * ```ts
 * import { signingString } from "./signing_string.ts";
 * signingString("orderCancel", { symbol: "BTC_USDT", orderId: "28" }, 1614550000000, 5000);
 * // "instruction=orderCancel&orderId=28&symbol=BTC_USDT&timestamp=1614550000000&window=5000"
 * ```
 */
export const signingString = (
  instruction: string,
  params: SignParams | ReadonlyArray<SignParams>,
  timestamp: number,
  window: number,
): string => {
  const body = isBatch(params)
    ? params.map((p) => segment(instruction, p)).join("&")
    : segment(instruction, params);
  return `${body}&timestamp=${timestamp}&window=${window}`;
};

const isBatch = (
  params: SignParams | ReadonlyArray<SignParams>,
): params is ReadonlyArray<SignParams> => Array.isArray(params);
