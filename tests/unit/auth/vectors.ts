/** Shared test material for the auth tests: the generated signing vectors and their key. */
import { verifyAsync } from "@noble/ed25519";
import * as Effect from "effect/Effect";
import { decodeBase64 } from "../../../src/auth/base64.ts";
import { type ParsedKey, parseSecret } from "../../../src/auth/keys.ts";
import vectorsJson from "./signing_vectors.generated.json" with { type: "json" };

/** Copy of `backpack-api/fixtures/signing-test-vectors.generated.json`. */
export const vectors: typeof vectorsJson = vectorsJson;

/** The vectors' key (64-byte test secret, checked against the published public key). */
export const vectorKey = (): Promise<ParsedKey> =>
  Effect.runPromise(parseSecret(vectors.secret_64byte_b64, vectors.public_key_b64));

/** Looks up the expected signature of `message` in the vectors. */
export const expectedSignature = (message: string): string => {
  const found = vectors.vectors.find((v) => v.message === message);
  if (found === undefined) throw new Error(`no vector for ${message}`);
  return found.signature_b64;
};

/** Verifies a base64 signature of the UTF-8 `message` against a base64 public key with noble. */
export const verifies = (signature: string, message: string, apiKey: string): Promise<boolean> =>
  verifyAsync(decodeBase64(signature)!, new TextEncoder().encode(message), decodeBase64(apiKey)!);
