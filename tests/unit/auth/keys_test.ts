import assert from "node:assert/strict";
import { inspect } from "node:util";
import * as Effect from "effect/Effect";
import * as Result from "effect/Result";
import { InvalidInputError } from "../../../src/error_classes.ts";
import { decodeBase64, encodeBase64 } from "../../../src/auth/base64.ts";
import { ParsedKey, parseSecret } from "../../../src/auth/keys.ts";
import { vectors } from "./vectors.ts";

const failureOf = async (secret: string, apiKey?: string): Promise<InvalidInputError> => {
  const result = await Effect.runPromise(Effect.result(parseSecret(secret, apiKey)));
  assert.ok(Result.isFailure(result), "expected parseSecret to fail");
  assert.ok(result.failure instanceof InvalidInputError);
  return result.failure;
};

const assertNoSecret = (error: InvalidInputError, secret: string): void => {
  for (const text of [error.message, String(error), JSON.stringify(error), inspect(error)]) {
    assert.ok(!text.includes(secret), `error text leaks the secret: ${text}`);
  }
};

const bytes = (n: number, fill: number): string => encodeBase64(new Uint8Array(n).fill(fill));

Deno.test("parseSecret: 64-byte secret uses the first 32 bytes as seed", async () => {
  const key = await Effect.runPromise(parseSecret(vectors.secret_64byte_b64));
  assert.equal(key.apiKey, vectors.public_key_b64);
  assert.equal(encodeBase64(key.revealSeed()), vectors.seed_b64);
});

Deno.test("parseSecret: 32-byte seed derives the public key; matching apiKey accepted", async () => {
  const key = await Effect.runPromise(parseSecret(vectors.seed_b64, vectors.public_key_b64));
  assert.equal(key.apiKey, vectors.public_key_b64);
});

Deno.test("parseSecret: invalid base64 is a typed BadKey error without the secret", async () => {
  for (
    const bad of ["not base64!", vectors.seed_b64.slice(0, -1), ` ${vectors.seed_b64}`, "AB=="]
  ) {
    const error = await failureOf(bad);
    assert.equal(error.field, "apiSecret");
    assert.equal(error.reason, "BadKey");
    assert.match(error.detail, /base64/);
    assertNoSecret(error, bad.trim());
  }
  const padded = await failureOf(`${vectors.seed_b64}\n`);
  assert.match(padded.detail, /whitespace/);
  assertNoSecret(padded, vectors.seed_b64);
});

Deno.test("parseSecret: lengths other than 32/64 name the length, not the secret", async () => {
  for (const n of [31, 33, 63, 65, 0]) {
    const secret = bytes(n, 0x41);
    const error = await failureOf(secret);
    assert.equal(error.field, "apiSecret");
    assert.equal(error.reason, "BadKey");
    assert.match(error.detail, new RegExp(`\\b${n} bytes`));
    if (secret.length > 0) assertNoSecret(error, secret);
  }
});

Deno.test("parseSecret: mismatched apiKey is a typed error on field apiKey", async () => {
  const other = bytes(32, 7);
  const error = await failureOf(vectors.seed_b64, other);
  assert.equal(error.field, "apiKey");
  assert.equal(error.reason, "BadKey");
  assert.ok(error.detail.includes(vectors.public_key_b64));
  assertNoSecret(error, vectors.seed_b64);
  assertNoSecret(error, vectors.secret_64byte_b64);
});

Deno.test("ParsedKey never shows the seed in String/JSON/inspect", async () => {
  const key = await Effect.runPromise(parseSecret(vectors.secret_64byte_b64));
  const seedHex = Array.from(key.revealSeed(), (b) => b.toString(16).padStart(2, "0")).join("");
  const renderings = [
    String(key),
    `${key}`,
    JSON.stringify(key),
    JSON.stringify({ nested: [key] }),
    Deno.inspect(key),
    Deno.inspect({ nested: key }, { depth: 10, showHidden: true }),
    inspect(key, { depth: 10, showHidden: true }),
  ];
  for (const text of renderings) {
    assert.ok(text.includes("<redacted>"), text);
    assert.ok(text.includes(vectors.public_key_b64), text);
    for (const leak of [vectors.seed_b64, vectors.secret_64byte_b64, seedHex]) {
      assert.ok(!text.includes(leak), `rendering leaks the seed: ${text}`);
    }
  }
  assert.deepEqual(Object.keys(key), ["apiKey"]);
});

Deno.test("ParsedKey.fromSeed copies the seed and rejects other lengths", async () => {
  const seed = new Uint8Array(32).fill(9);
  const key = await ParsedKey.fromSeed(seed);
  seed.fill(0);
  assert.deepEqual(key.revealSeed(), new Uint8Array(32).fill(9));
  key.revealSeed().fill(1);
  assert.deepEqual(key.revealSeed(), new Uint8Array(32).fill(9));
  await assert.rejects(() => ParsedKey.fromSeed(new Uint8Array(31)), RangeError);
});

Deno.test("base64: round-trips and rejects non-canonical text", () => {
  for (let n = 0; n < 70; n++) {
    const data = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
    assert.deepEqual(decodeBase64(encodeBase64(data)), data);
  }
  for (const bad of ["A", "AA", "AAA", "AA=", "A===", "AAAA\n", "AA-_", "AB==", "AAB=", "====="]) {
    assert.equal(decodeBase64(bad), undefined, bad);
  }
  assert.deepEqual(decodeBase64("AAE="), Uint8Array.of(0, 1));
});
