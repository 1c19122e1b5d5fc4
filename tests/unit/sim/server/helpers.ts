/**
 * Shared helpers of the simulator server tests: request signing with the SDK's signing string and
 * noble, recorded fixtures (copied from `backpack-api/fixtures`, see its SOURCES.md), and a JSON
 * shape comparer for the conformance tests.
 */
import { signAsync } from "@noble/ed25519";
import assert from "node:assert/strict";
import { decodeBase64, encodeBase64 } from "../../../../src/auth/base64.ts";
import { signingString, type SignParams } from "../../../../src/auth/signing_string.ts";

/** Reads a recorded fixture (a verbatim copy of `backpack-api/fixtures/` in `./fixtures/backpack-api/`). */
export const fixture = async (name: string): Promise<unknown> =>
  JSON.parse(await Deno.readTextFile(new URL(`./fixtures/backpack-api/${name}`, import.meta.url)));

/** Signs `message` with the base64 seed. */
export const sign = async (secret: string, message: string): Promise<string> =>
  encodeBase64(await signAsync(new TextEncoder().encode(message), decodeBase64(secret)!));

/** Headers of a signed request. */
export const signedHeaders = async (
  creds: { readonly apiKey: string; readonly apiSecret: string },
  instruction: string,
  params: SignParams | ReadonlyArray<SignParams>,
  timestamp: number = Date.now(),
  window = 5000,
): Promise<Record<string, string>> => ({
  "X-API-Key": creds.apiKey,
  "X-Timestamp": String(timestamp),
  "X-Window": String(window),
  "X-Signature": await sign(creds.apiSecret, signingString(instruction, params, timestamp, window)),
  "Content-Type": "application/json; charset=utf-8",
});

/** The JSON type of a value: `null`, `array`, `object`, `string`, `number`, `boolean`. */
const jsonType = (v: unknown): string =>
  v === null ? "null" : Array.isArray(v) ? "array" : typeof v;

/** Tolerances of {@link assertSameShape}; each one is documented where a test uses it. */
export interface ShapeOptions {
  /** Keys the simulator may leave `null` where the recording has a value. */
  readonly nullable?: ReadonlyArray<string>;
  /** Keys that may be a number or a numeric string on either side (sources disagree). */
  readonly numberOrString?: ReadonlyArray<string>;
  /** Keys of the recording the simulator does not send (each one documented by the caller). */
  readonly absent?: ReadonlyArray<string>;
  /**
   * Every numeric string of the recording also accepts a JSON number: ccxt's static-test tooling
   * stores numbers as strings (see the note in `ccxt-static/response-backpack.httpResponses.json`).
   */
  readonly numericStrings?: boolean;
}

const NUMERIC = /^-?\d+(\.\d+)?$/;

/**
 * Asserts that `actual` has the shape of `expected`, recursively: every key of an expected object
 * is present with the same JSON type; arrays compare their elements with the first expected
 * element. An expected `null` accepts any type (the recording shows the field is nullable); the
 * other tolerances are the caller's {@link ShapeOptions}.
 */
export const assertSameShape = (
  actual: unknown,
  expected: unknown,
  options: ShapeOptions = {},
  path = "$",
): void => {
  if (expected === null) return;
  const key = path.split(".").at(-1)!;
  if (actual === null && options.nullable?.includes(key)) return;
  const [ta, te] = [jsonType(actual), jsonType(expected)];
  const numeric = (t: string, v: unknown) =>
    t === "number" || (t === "string" && NUMERIC.test(v as string));
  if (options.numberOrString?.includes(key) && numeric(ta, actual) && numeric(te, expected)) return;
  if (
    options.numericStrings === true && te === "string" && ta === "number" &&
    NUMERIC.test(expected as string)
  ) return;
  assert.equal(ta, te, `${path}: expected ${te}, got ${ta} (${JSON.stringify(actual)})`);
  if (te === "array") {
    const [first] = expected as unknown[];
    if (first === undefined) return;
    assert.ok((actual as unknown[]).length > 0, `${path}: empty array, expected elements`);
    for (const [i, item] of (actual as unknown[]).entries()) {
      assertSameShape(item, first, options, `${path}[${i}]`);
    }
  } else if (te === "object") {
    const a = actual as Record<string, unknown>;
    for (const [k, v] of Object.entries(expected as Record<string, unknown>)) {
      if (!(k in a) && options.absent?.includes(k)) continue;
      assert.ok(k in a, `${path}: missing key ${k}`);
      assertSameShape(a[k], v, options, `${path}.${k}`);
    }
  }
};
