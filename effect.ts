/**
 * The Effect entry point of backpack-edge: services, layers and one function per endpoint, each
 * returning an `Effect` whose error channel is the closed {@link BackpackError} union.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect";
 * import { getBalances, getDepth, layerBackpack } from "@backpack-edge/sdk/effect";
 *
 * const program = Effect.gen(function* () {
 *   const book = yield* getDepth({ symbol: "SOL_USDC_PERP", limit: 5 });
 *   const balances = yield* getBalances();
 *   return { bestBid: book.bids[0]?.[0].toFixed(), usdc: balances.USDC?.available.toFixed() };
 * });
 *
 * const layer = layerBackpack({ apiSecret: "<base64 seed>" });
 * // await Effect.runPromise(Effect.provide(program, layer));
 * ```
 *
 * @module
 */
export { ServerClock, ServerClockBase, type ServerClockShape } from "./src/auth/server_clock.ts";
export { Signer, SignerBase, type SignerShape } from "./src/auth/signer.ts";
export { type ParsedKey, parseSecret } from "./src/auth/keys.ts";
export {
  BackpackConfig,
  BackpackConfigBase,
  type BackpackConfigOptions,
  type BackpackConfigShape,
  DEFAULT_CONFIG,
  layer as layerConfig,
} from "./src/config.ts";
export {
  Fetch,
  FetchBase,
  type FetchFn,
  layer as layerGlobalFetch,
  layerFetch,
} from "./src/rest/fetch.ts";
export {
  type BackoffConfig,
  type BucketConfig,
  DEFAULT_RATE_LIMIT,
  HISTORICAL_PATHS,
  layer as layerRateLimit,
  layerUnlimited as layerRateLimitUnlimited,
  RateLimit,
  RateLimitBase,
  type RateLimitConfig,
  type RateLimitShape,
} from "./src/rest/rate_limit.ts";
export {
  BackpackHttp,
  BackpackHttpBase,
  type BackpackHttpShape,
  type CallSpec,
  type HttpMethod,
  layer as layerHttp,
  MAX_RATE_LIMIT_RETRIES,
  publicCall,
  signedCall,
  type SignedCallSpec,
} from "./src/rest/http.ts";
export { type BackpackOptions, type BackpackServices, layerBackpack } from "./src/rest/layer.ts";
export { getStatus, getTime, syncClock } from "./src/rest/system.ts";
export type { SignParams, SignValue } from "./src/auth/signing_string.ts";
export type { RequestBody } from "./src/rest/wire.ts";
export {
  type DepthLimit,
  getDepth,
  type GetDepthParams,
  getMarket,
  type GetMarketParams,
  getMarkets,
  type GetMarketsParams,
} from "./src/rest/markets.ts";
export { getBalances } from "./src/rest/capital.ts";
export {
  ApiError,
  ApiErrorBase,
  AuthError,
  AuthErrorBase,
  type BackpackError,
  BackpackErrorSchema,
  DecodeError,
  DecodeErrorBase,
  HttpStatusError,
  HttpStatusErrorBase,
  InsufficientFundsError,
  InsufficientFundsErrorBase,
  InvalidInputError,
  InvalidInputErrorBase,
  isBackpackError,
  isRetryable,
  NotFoundError,
  NotFoundErrorBase,
  OrderOutcomeUnknownError,
  OrderOutcomeUnknownErrorBase,
  RateLimitError,
  RateLimitErrorBase,
  SequenceGapError,
  SequenceGapErrorBase,
  type TaggedErrorBase,
  TimeoutError,
  TimeoutErrorBase,
  TransportError,
  TransportErrorBase,
  UnavailableError,
  UnavailableErrorBase,
  UnsupportedError,
  UnsupportedErrorBase,
} from "./src/errors.ts";
export { Decimal, DecimalFromString, type DecimalInput } from "./src/decimal.ts";
export { ServerTime, SystemStatus, type SystemStatusValue } from "./src/schema/status.ts";
export {
  type MarginFunction,
  Market,
  Markets,
  type MarketType,
  type OrderBookState,
  type PremiumBand,
  type PriceBand,
  type PriceFilter,
  type QuantityFilter,
} from "./src/schema/market.ts";
export { Depth, type DepthLevel } from "./src/schema/depth.ts";
export { Balance, Balances } from "./src/schema/capital.ts";
