/**
 * `layerBackpack(options)`: the whole REST stack in one layer — `Fetch`, `BackpackConfig`,
 * `RateLimit`, `ServerClock`, `Signer` (only when credentials are given), `BackpackHttp` and the
 * `MarketCache` over it.
 *
 * @module
 */
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import { parseSecret } from "../auth/keys.ts";
import { ServerClock } from "../auth/server_clock.ts";
import { Signer } from "../auth/signer.ts";
import {
  type BackpackConfig,
  type BackpackConfigOptions,
  layer as layerConfig,
} from "../config.ts";
import { InvalidInputError } from "../error_classes.ts";
import { MarketCache } from "../markets/market_cache.ts";
import { layerLogging, type LoggingOptions } from "../logging.ts";
import { type Fetch, type FetchFn, layer as layerGlobalFetch, layerFetch } from "./fetch.ts";
import { type BackpackHttp, layer as layerHttp } from "./http.ts";
import {
  layer as layerRateLimit,
  layerUnlimited,
  type RateLimit,
  type RateLimitConfig,
} from "./rate_limit.ts";

/** Options of {@link layerBackpack}: configuration, credentials and injectable capabilities. */
export interface BackpackOptions extends BackpackConfigOptions, LoggingOptions {
  /** Base64 public key. Optional: derived from `apiSecret`, and checked against it when given. */
  readonly apiKey?: string;
  /** Base64 Ed25519 seed (32 bytes, or 64 with the seed first). Enables signed endpoints. */
  readonly apiSecret?: string;
  /** `fetch` implementation. Default `globalThis.fetch`. */
  readonly fetch?: FetchFn;
  /** Client-side rate limits; `false` disables them. Default: Backpack's published limits. */
  readonly rateLimit?: RateLimitConfig | false;
}

/** Everything {@link layerBackpack} provides. */
export type BackpackServices =
  | BackpackHttp
  | BackpackConfig
  | RateLimit
  | ServerClock
  | Fetch
  | MarketCache;

/**
 * The `Signer` layer for `options.apiSecret` (checked against `options.apiKey`), empty without
 * credentials, failing with `InvalidInputError` on a bad key or an `apiKey` without secret.
 */
export const layerSigner = (
  options: BackpackOptions,
): Layer.Layer<never, InvalidInputError> | Layer.Layer<Signer, InvalidInputError> => {
  if (options.apiSecret === undefined) {
    return options.apiKey === undefined ? Layer.empty : Layer.effectDiscard(
      Effect.fail(
        new InvalidInputError({
          field: "apiSecret",
          reason: "Missing",
          detail: "apiKey was given without apiSecret",
        }),
      ),
    );
  }
  return Layer.unwrap(Effect.map(parseSecret(options.apiSecret, options.apiKey), Signer.layer));
};

/**
 * The REST stack. Fails to build with `InvalidInputError` on a malformed secret, an `apiKey` that
 * does not match it, an `apiKey` without secret, or out-of-range options — before any request.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect";
 * import { layerBackpack } from "./layer.ts";
 * import { getMarkets } from "./markets.ts";
 * const markets = await Effect.runPromise(Effect.provide(getMarkets(), layerBackpack()));
 * ```
 */
export const layerBackpack = (
  options: BackpackOptions = {},
): Layer.Layer<BackpackServices, InvalidInputError> => {
  const base = Layer.mergeAll(
    options.fetch === undefined ? layerGlobalFetch : layerFetch(options.fetch),
    layerConfig(options),
    options.rateLimit === false ? layerUnlimited : layerRateLimit(options.rateLimit),
    ServerClock.layer,
    layerLogging(options),
  );
  const http = layerHttp.pipe(Layer.provide(layerSigner(options)));
  return Layer.provideMerge(MarketCache.layer, Layer.provideMerge(http, base));
};
