/**
 * The `Signer` service: holds the parsed key and signs messages with Ed25519.
 *
 * @module
 */
import * as Context from "effect/Context";
import type * as Effect from "effect/Effect";

/** What a {@link Signer} can do. The secret never leaves the implementation. */
export interface SignerShape {
  /** The base64 public key sent as `X-API-Key`. Not secret. */
  readonly apiKey: string;
  /** Signs the UTF-8 bytes of `message`; returns the standard base64 (88 chars) signature. */
  readonly sign: (message: string) => Effect.Effect<string>;
}

/** Ed25519 request signer (WebCrypto where available, `@noble/ed25519` otherwise). */
export class Signer extends Context.Service<Signer, SignerShape>()("backpack-edge/Signer") {}
