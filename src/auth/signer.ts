/**
 * The `Signer` service: holds the parsed key and signs messages with Ed25519.
 *
 * Constructors and layers are static members of {@link Signer}:
 * - `Signer.layer(key)`: `node:crypto` when it loads and signs a known vector correctly (Node, Deno,
 *   Bun, workerd with `nodejs_compat`; synchronous and the fastest), else WebCrypto when the
 *   runtime's `crypto.subtle` supports Ed25519 (browsers), else noble;
 * - `Signer.layerNodeCrypto(key)` / `Signer.layerWebCrypto(key)` / `Signer.layerNoble(key)`: force
 *   one implementation;
 * - `Signer.make(key)`, `Signer.makeNodeCrypto(key)`, `Signer.makeWebCrypto(key)`,
 *   `Signer.makeNoble(key)`: the same as Promises of a {@link SignerShape}, for code outside an
 *   Effect runtime.
 *
 * All three produce identical signatures (Ed25519 is deterministic).
 *
 * @module
 */
import { signAsync } from "@noble/ed25519";
import * as Context from "effect/Context";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import { encodeBase64 } from "./base64.ts";
import type { ParsedKey } from "./keys.ts";
import { makeNodeCrypto, type NodeCryptoEd25519, pkcs8Ed25519 } from "./node_crypto_signer.ts";

/** What a {@link Signer} can do. The secret never leaves the implementation. */
export interface SignerShape {
  /** The base64 public key sent as `X-API-Key`. Not secret. */
  readonly apiKey: string;
  /** Signs the UTF-8 bytes of `message`; returns the standard base64 (88 chars) signature. */
  readonly sign: (message: string) => Effect.Effect<string>;
}

const utf8 = new TextEncoder();

const shape = (apiKey: string, sign: (bytes: Uint8Array) => Promise<Uint8Array>): SignerShape => ({
  apiKey,
  sign: (message) => Effect.promise(() => sign(utf8.encode(message)).then(encodeBase64)),
});

/**
 * Imports the key once into WebCrypto (non-extractable) and signs with `crypto.subtle`.
 * Rejects when the runtime's WebCrypto has no Ed25519.
 */
const makeWebCrypto = async (key: ParsedKey): Promise<SignerShape> => {
  const pkcs8 = pkcs8Ed25519(key.revealSeed());
  try {
    const cryptoKey = await crypto.subtle.importKey("pkcs8", pkcs8, { name: "Ed25519" }, false, [
      "sign",
    ]);
    return shape(
      key.apiKey,
      async (bytes) =>
        new Uint8Array(
          await crypto.subtle.sign("Ed25519", cryptoKey, bytes as Uint8Array<ArrayBuffer>),
        ),
    );
  } finally {
    pkcs8.fill(0);
  }
};

/** Signs with `@noble/ed25519` (`signAsync`, SHA-512 from WebCrypto). Works everywhere. */
const makeNoble = (key: ParsedKey): Promise<SignerShape> => {
  const seed = key.revealSeed();
  return Promise.resolve(shape(key.apiKey, (bytes) => signAsync(bytes, seed)));
};

/**
 * The best implementation that works here: `node:crypto` (`nodeCrypto`, by default the once-probed
 * module), else WebCrypto when it supports Ed25519 (probed by importing the key), else noble. Every
 * choice is a capability probe. Exported for tests, which inject a failing `nodeCrypto`.
 */
export const makeBest = (
  key: ParsedKey,
  nodeCrypto?: Promise<NodeCryptoEd25519>,
): Promise<SignerShape> =>
  makeNodeCrypto(key, nodeCrypto).catch(() => makeWebCrypto(key)).catch(() => makeNoble(key));

const make = (key: ParsedKey): Promise<SignerShape> => makeBest(key);

const makeNodeCryptoOnly = (key: ParsedKey): Promise<SignerShape> => makeNodeCrypto(key);

const layerFrom =
  (build: (key: ParsedKey) => Promise<SignerShape>) => (key: ParsedKey): Layer.Layer<Signer> =>
    Layer.effect(Signer, Effect.promise(() => build(key)));

/** Base class of {@link Signer} (its type spelled out for JSR); extend or use Signer instead. */
export const SignerBase: Context.ServiceClass<Signer, "backpack-edge/Signer", SignerShape> = Context
  .Service<Signer, SignerShape>()("backpack-edge/Signer");

/** Ed25519 request signer (`node:crypto`, else WebCrypto, else `@noble/ed25519`). */
export class Signer extends SignerBase {
  /** Best available implementation: `node:crypto`, else WebCrypto Ed25519, else `@noble/ed25519`. */
  static readonly make: (key: ParsedKey) => Promise<SignerShape> = make;
  /** `node:crypto` implementation (synchronous); the Promise rejects where it is unavailable. */
  static readonly makeNodeCrypto: (key: ParsedKey) => Promise<SignerShape> = makeNodeCryptoOnly;
  /** WebCrypto implementation; the Promise rejects if the runtime lacks WebCrypto Ed25519. */
  static readonly makeWebCrypto: (key: ParsedKey) => Promise<SignerShape> = makeWebCrypto;
  /** Pure-JS `@noble/ed25519` implementation. */
  static readonly makeNoble: (key: ParsedKey) => Promise<SignerShape> = makeNoble;
  /** Layer with the best available implementation (see {@link Signer.make}). */
  static readonly layer: (key: ParsedKey) => Layer.Layer<Signer> = layerFrom(make);
  /** Layer forcing `node:crypto`; building it dies where `node:crypto` Ed25519 is unavailable. */
  static readonly layerNodeCrypto: (key: ParsedKey) => Layer.Layer<Signer> = layerFrom(
    makeNodeCryptoOnly,
  );
  /** Layer forcing WebCrypto; building it dies if the runtime lacks WebCrypto Ed25519. */
  static readonly layerWebCrypto: (key: ParsedKey) => Layer.Layer<Signer> = layerFrom(
    makeWebCrypto,
  );
  /** Layer forcing `@noble/ed25519`. */
  static readonly layerNoble: (key: ParsedKey) => Layer.Layer<Signer> = layerFrom(makeNoble);
}
