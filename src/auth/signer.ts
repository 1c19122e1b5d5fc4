/**
 * The `Signer` service: holds the parsed key and signs messages with Ed25519.
 *
 * Constructors and layers are static members of {@link Signer}:
 * - `Signer.layer(key)`: WebCrypto when the runtime's `crypto.subtle` supports Ed25519, else noble;
 * - `Signer.layerWebCrypto(key)` / `Signer.layerNoble(key)`: force one implementation;
 * - `Signer.make(key)`, `Signer.makeWebCrypto(key)`, `Signer.makeNoble(key)`: the same as Promises of a
 *   {@link SignerShape}, for code outside an Effect runtime.
 *
 * Both implementations produce identical signatures (Ed25519 is deterministic).
 *
 * @module
 */
import { signAsync } from "@noble/ed25519";
import * as Context from "effect/Context";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import { encodeBase64 } from "./base64.ts";
import type { ParsedKey } from "./keys.ts";

/** What a {@link Signer} can do. The secret never leaves the implementation. */
export interface SignerShape {
  /** The base64 public key sent as `X-API-Key`. Not secret. */
  readonly apiKey: string;
  /** Signs the UTF-8 bytes of `message`; returns the standard base64 (88 chars) signature. */
  readonly sign: (message: string) => Effect.Effect<string>;
}

/** DER prefix of a PKCS#8 Ed25519 private key; the 32-byte seed follows it. */
const PKCS8_ED25519_PREFIX = Uint8Array.of(
  0x30,
  0x2e,
  0x02,
  0x01,
  0x00,
  0x30,
  0x05,
  0x06,
  0x03,
  0x2b,
  0x65,
  0x70,
  0x04,
  0x22,
  0x04,
  0x20,
);

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
  const pkcs8 = new Uint8Array(PKCS8_ED25519_PREFIX.length + 32);
  pkcs8.set(PKCS8_ED25519_PREFIX);
  pkcs8.set(key.revealSeed(), PKCS8_ED25519_PREFIX.length);
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

/** WebCrypto when it supports Ed25519 (probed by importing the key), `@noble/ed25519` otherwise. */
const make = (key: ParsedKey): Promise<SignerShape> =>
  makeWebCrypto(key).catch(() => makeNoble(key));

const layerFrom =
  (build: (key: ParsedKey) => Promise<SignerShape>) => (key: ParsedKey): Layer.Layer<Signer> =>
    Layer.effect(Signer, Effect.promise(() => build(key)));

/** Base class of {@link Signer} (its type spelled out for JSR); extend or use Signer instead. */
export const SignerBase: Context.ServiceClass<Signer, "backpack-edge/Signer", SignerShape> = Context
  .Service<Signer, SignerShape>()("backpack-edge/Signer");

/** Ed25519 request signer (WebCrypto where available, `@noble/ed25519` otherwise). */
export class Signer extends SignerBase {
  /** Best available implementation: WebCrypto Ed25519 if supported, else `@noble/ed25519`. */
  static readonly make: (key: ParsedKey) => Promise<SignerShape> = make;
  /** WebCrypto implementation; the Promise rejects if the runtime lacks WebCrypto Ed25519. */
  static readonly makeWebCrypto: (key: ParsedKey) => Promise<SignerShape> = makeWebCrypto;
  /** Pure-JS `@noble/ed25519` implementation. */
  static readonly makeNoble: (key: ParsedKey) => Promise<SignerShape> = makeNoble;
  /** Layer with the best available implementation (see {@link Signer.make}). */
  static readonly layer: (key: ParsedKey) => Layer.Layer<Signer> = layerFrom(make);
  /** Layer forcing WebCrypto; building it dies if the runtime lacks WebCrypto Ed25519. */
  static readonly layerWebCrypto: (key: ParsedKey) => Layer.Layer<Signer> = layerFrom(
    makeWebCrypto,
  );
  /** Layer forcing `@noble/ed25519`. */
  static readonly layerNoble: (key: ParsedKey) => Layer.Layer<Signer> = layerFrom(makeNoble);
}
