/**
 * WebSocket `SUBSCRIBE` / `UNSUBSCRIBE` messages, public and signed (private `account.*` streams).
 *
 * A signed message carries `signature: [apiKey, signature, timestamp, window]` (all strings) over
 * `instruction=subscribe&timestamp=<ms>&window=<ms>`; the stream names are not signed.
 *
 * @module
 */
import * as Effect from "effect/Effect";
import type { InvalidInputError } from "../error_classes.ts";
import type { ServerClock } from "./server_clock.ts";
import { signInstruction } from "./sign_request.ts";
import type { Signer } from "./signer.ts";

/** `SUBSCRIBE` or `UNSUBSCRIBE`. */
export type SubscribeMethod = "SUBSCRIBE" | "UNSUBSCRIBE";

/** A public (unsigned) subscription message. */
export interface SubscribeMessage {
  /** `SUBSCRIBE` or `UNSUBSCRIBE`. */
  readonly method: SubscribeMethod;
  /** Stream names, e.g. `depth.SOL_USDC`. */
  readonly params: ReadonlyArray<string>;
}

/** A signed subscription message for private streams. */
export interface SignedSubscribeMessage extends SubscribeMessage {
  /** `[apiKey, signature, timestamp ms, window ms]`, all strings. */
  readonly signature: readonly [string, string, string, string];
}

/** Options of the subscription message builders. */
export interface SubscribeOptions {
  /** Defaults to `SUBSCRIBE`. */
  readonly method?: SubscribeMethod;
}

/** Builds a public `SUBSCRIBE` (or `UNSUBSCRIBE`) message. */
export const subscribeMessage = (
  streams: ReadonlyArray<string>,
  opts?: SubscribeOptions,
): SubscribeMessage => ({ method: opts?.method ?? "SUBSCRIBE", params: [...streams] });

/**
 * Builds a signed `SUBSCRIBE` (or `UNSUBSCRIBE`) message at the current server time. Sign it right
 * before sending (and again on every reconnect): it expires after `window` ms.
 */
export const signedSubscribeMessage = (
  streams: ReadonlyArray<string>,
  window?: number,
  opts?: SubscribeOptions,
): Effect.Effect<SignedSubscribeMessage, InvalidInputError, Signer | ServerClock> =>
  Effect.map(signInstruction({ instruction: "subscribe", window }), (s) => ({
    ...subscribeMessage(streams, opts),
    signature: [s.apiKey, s.signature, String(s.timestamp), String(s.window)],
  }));
