/**
 * Signing one REST request (or a WebSocket subscription): read the server clock, build the signing
 * string, sign it, and return the values that travel as `X-API-Key`, `X-Timestamp`, `X-Window` and
 * `X-Signature`.
 *
 * @module
 */
import * as Context from "effect/Context";
import * as Effect from "effect/Effect";
import { InvalidInputError } from "../error_classes.ts";
import { ServerClock } from "./server_clock.ts";
import { Signer } from "./signer.ts";
import { signingString, type SignParams } from "./signing_string.ts";

/** Default `X-Window` in milliseconds. */
export const DEFAULT_WINDOW_MS = 5000;

/** Largest `X-Window` the exchange accepts, in milliseconds. */
export const MAX_WINDOW_MS = 60000;

/** The four authentication headers of a signed request. */
export interface SignedHeaders {
  /** Base64 public key. */
  readonly "X-API-Key": string;
  /** Signing time in Unix milliseconds, as decimal text. */
  readonly "X-Timestamp": string;
  /** Validity window in milliseconds, as decimal text. */
  readonly "X-Window": string;
  /** Base64 Ed25519 signature of the signing string. */
  readonly "X-Signature": string;
}

/** What to sign: the instruction, its params (an array for batch orders) and the window. */
export interface SignRequestInput {
  /** Instruction name from the endpoint table, e.g. `orderExecute`. */
  readonly instruction: string;
  /** Query params (GET) or top-level body fields; an array signs one segment per element. */
  readonly params?: SignParams | ReadonlyArray<SignParams>;
  /** Validity window in ms, an integer in 1..60000. Defaults to {@link DEFAULT_WINDOW_MS}. */
  readonly window?: number;
}

/** A computed signature with the values it covers. */
export interface Signature {
  /** Base64 public key. */
  readonly apiKey: string;
  /** Base64 Ed25519 signature. */
  readonly signature: string;
  /** Server-clock timestamp used, Unix ms. */
  readonly timestamp: number;
  /** Window used, ms. */
  readonly window: number;
}

/** Checks a window (integer, 1..60000 ms); `undefined` means {@link DEFAULT_WINDOW_MS}. */
export const validateWindow = (
  window: number | undefined,
): Effect.Effect<number, InvalidInputError> =>
  window === undefined
    ? Effect.succeed(DEFAULT_WINDOW_MS)
    : Number.isInteger(window) && window >= 1 && window <= MAX_WINDOW_MS
    ? Effect.succeed(window)
    : Effect.fail(
      new InvalidInputError({
        field: "window",
        reason: "OutOfRange",
        detail: `${window} is not an integer number of milliseconds in 1..${MAX_WINDOW_MS}`,
      }),
    );

/**
 * Signs `instruction` + `params` at the current server time. Fails only when the window is invalid.
 *
 * Written with `flatMap`/`contextWith` rather than `Effect.gen`: this runs once per signed request,
 * and the generator costs a few microseconds more (about 10 % of a request with `node:crypto`).
 */
export const signInstruction = (
  input: SignRequestInput,
): Effect.Effect<Signature, InvalidInputError, Signer | ServerClock> =>
  Effect.flatMap(
    validateWindow(input.window),
    (window) =>
      Effect.contextWith((context: Context.Context<Signer | ServerClock>) => {
        const signer = Context.get(context, Signer);
        return Effect.flatMap(Context.get(context, ServerClock).now, (timestamp) =>
          Effect.map(
            signer.sign(signingString(input.instruction, input.params ?? {}, timestamp, window)),
            (signature): Signature => ({ apiKey: signer.apiKey, signature, timestamp, window }),
          ));
      }),
  );

/**
 * Signs a REST request and returns its four authentication headers.
 *
 * @example
 * ```ts
 * import { signRequest } from "./sign_request.ts";
 * const headers = signRequest({ instruction: "orderCancel", params: { orderId: "28", symbol: "BTC_USDT" } });
 * // Effect<SignedHeaders, InvalidInputError, Signer | ServerClock>
 * ```
 */
export const signRequest = (
  input: SignRequestInput,
): Effect.Effect<SignedHeaders, InvalidInputError, Signer | ServerClock> =>
  Effect.map(signInstruction(input), (s) => ({
    "X-API-Key": s.apiKey,
    "X-Timestamp": String(s.timestamp),
    "X-Window": String(s.window),
    "X-Signature": s.signature,
  }));
