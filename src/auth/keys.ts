/**
 * Parsing the Backpack API secret into an Ed25519 key whose seed cannot leak through logging.
 *
 * The secret is standard base64 of the 32-byte seed. A 64-byte secret (seed followed by 32 more bytes,
 * as some tools export it) is accepted and its first 32 bytes are the seed. The public key, which is
 * the `X-API-Key`, is derived from the seed.
 *
 * @module
 */
import { getPublicKeyAsync } from "@noble/ed25519";
import * as Effect from "effect/Effect";
import { InvalidInputError } from "../error_classes.ts";
import { decodeBase64, encodeBase64 } from "./base64.ts";

const SEED_BYTES = 32;
const REDACTED = "<redacted>";

/**
 * A parsed Ed25519 key: the base64 public key (`apiKey`, not secret) and the seed, which is held in
 * a private field. `String(key)`, `JSON.stringify(key)`, `Deno.inspect(key)` and `util.inspect(key)`
 * all print a redacted form.
 */
export class ParsedKey {
  readonly #seed: Uint8Array;
  /** The base64 public key sent as `X-API-Key`. */
  readonly apiKey: string;

  private constructor(seed: Uint8Array, apiKey: string) {
    this.#seed = seed;
    this.apiKey = apiKey;
  }

  /** Builds a key from a 32-byte seed (copied) and derives its public key. */
  static async fromSeed(seed: Uint8Array): Promise<ParsedKey> {
    if (seed.length !== SEED_BYTES) {
      throw new RangeError(`Ed25519 seed must be ${SEED_BYTES} bytes, got ${seed.length}`);
    }
    const copy = Uint8Array.from(seed);
    return new ParsedKey(copy, encodeBase64(await getPublicKeyAsync(copy)));
  }

  /** A fresh copy of the 32-byte seed. For signer implementations only; never log it. */
  revealSeed(): Uint8Array {
    return Uint8Array.from(this.#seed);
  }

  /** Redacted text form. */
  toString(): string {
    return `ParsedKey(apiKey=${this.apiKey}, seed=${REDACTED})`;
  }

  /** Redacted JSON form. */
  toJSON(): { readonly apiKey: string; readonly seed: string } {
    return { apiKey: this.apiKey, seed: REDACTED };
  }

  /** Redacted form for Node's and Bun's `util.inspect`. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }

  /** Redacted form for `Deno.inspect` and `console.log` in Deno. */
  [Symbol.for("Deno.customInspect")](): string {
    return this.toString();
  }
}

const badKey = (field: "apiSecret" | "apiKey", detail: string): InvalidInputError =>
  new InvalidInputError({ field, reason: "BadKey", detail });

/**
 * Parses the base64 API secret (32-byte seed, or 64 bytes whose first 32 are the seed) and derives
 * the public key. When `apiKey` is given it must equal the derived base64 public key.
 * Errors never contain the secret.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect";
 * import { parseSecret } from "./keys.ts";
 * const key = await Effect.runPromise(parseSecret("bSQmK8JSjtExl2iBSi0d9CxZRon4tjWTjFC7HfEhVv8="));
 * key.apiKey; // "/NqLWUwBCIH2X2jArhTmTjYpG0X24vxledaT744Ri6o="
 * ```
 */
export const parseSecret = (
  secretBase64: string,
  apiKey?: string,
): Effect.Effect<ParsedKey, InvalidInputError> =>
  Effect.gen(function* () {
    const bytes = decodeBase64(secretBase64);
    if (bytes === undefined) {
      const hint = secretBase64.trim() === secretBase64 ? "" : " (remove surrounding whitespace)";
      return yield* badKey(
        "apiSecret",
        `not valid standard base64 (A-Z a-z 0-9 + / with = padding)${hint}`,
      );
    }
    if (bytes.length !== SEED_BYTES && bytes.length !== 2 * SEED_BYTES) {
      return yield* badKey(
        "apiSecret",
        `decodes to ${bytes.length} bytes; expected 32 (Ed25519 seed) or 64 (seed followed by 32 bytes)`,
      );
    }
    const seed = bytes.subarray(0, SEED_BYTES);
    const key = yield* Effect.promise(() => ParsedKey.fromSeed(seed));
    bytes.fill(0);
    if (apiKey !== undefined && apiKey !== key.apiKey) {
      return yield* badKey(
        "apiKey",
        `does not match the public key derived from apiSecret (${key.apiKey})`,
      );
    }
    return key;
  });
