/**
 * `MarketCache`: the market list (`GET /api/v1/markets`), loaded once on first use and kept until
 * {@link MarketCacheShape.refresh}, with symbol resolution that accepts every form of
 * `toBackpackSymbol` (`SOL-USDC`, `SOL/USDC:USDC`, `sol_usdc_perp`, ...).
 *
 * Resolution order for an input: the exact Backpack symbol; then its canonical form
 * (`parseSymbol`); then a case-insensitive match when exactly one listed market matches
 * (`kpepe_usdc` → `kPEPE_USDC`). Anything else fails with `InvalidInputError` reason `UnknownSymbol`
 * (`Missing` when empty) — without a request once the list is loaded. The list holds what
 * `GET /api/v1/markets` returns by default (spot and perps); call `refresh` after new listings.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect";
 * import { MarketCache } from "./market_cache.ts";
 * const tick = Effect.gen(function* () {
 *   const cache = yield* MarketCache;
 *   const market = yield* cache.get("SOL-USDC-PERP");
 *   return market.filters.price.tickSize.toFixed();
 * });
 * ```
 *
 * @module
 */
import * as Context from "effect/Context";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import * as Result from "effect/Result";
import * as SynchronizedRef from "effect/SynchronizedRef";
import { InvalidInputError } from "../error_classes.ts";
import type { BackpackError } from "../errors.ts";
import { BackpackHttp } from "../rest/http.ts";
import { getMarkets } from "../rest/markets.ts";
import type { Market } from "../schema/market.ts";
import { parseSymbol } from "./symbols.ts";

/** What the {@link MarketCache} service does. */
export interface MarketCacheShape {
  /**
   * The market for any accepted symbol form, loading the list on first use. Fails with
   * `InvalidInputError` (`UnknownSymbol`) when no listed market matches.
   */
  readonly get: (symbol: string) => Effect.Effect<Market, BackpackError>;
  /** Every cached market, loading the list on first use. */
  readonly all: Effect.Effect<ReadonlyArray<Market>, BackpackError>;
  /** Reloads the list from the exchange and returns it. */
  readonly refresh: Effect.Effect<ReadonlyArray<Market>, BackpackError>;
}

interface Index {
  readonly markets: ReadonlyArray<Market>;
  readonly bySymbol: ReadonlyMap<string, Market>;
  readonly byUpper: ReadonlyMap<string, ReadonlyArray<Market>>;
}

const indexOf = (markets: ReadonlyArray<Market>): Index => {
  const byUpper = new Map<string, Array<Market>>();
  for (const market of markets) {
    const key = market.symbol.toUpperCase();
    byUpper.set(key, [...(byUpper.get(key) ?? []), market]);
  }
  return { markets, bySymbol: new Map(markets.map((m) => [m.symbol, m])), byUpper };
};

const unique = (found: ReadonlyArray<Market> | undefined): Market | undefined =>
  found?.length === 1 ? found[0] : undefined;

/** Finds the market for `input` in `index` (see the module docs for the order). */
const resolve = (index: Index, input: unknown): Result.Result<Market, InvalidInputError> => {
  if (typeof input !== "string" || input.trim() === "") {
    return Result.fail(
      new InvalidInputError({
        field: "symbol",
        reason: "Missing",
        detail: "a market symbol such as SOL_USDC is required",
      }),
    );
  }
  const text = input.trim();
  const parsed = parseSymbol(text);
  const canonical = Result.isSuccess(parsed) ? parsed.success.symbol : text;
  const market = index.bySymbol.get(text) ?? index.bySymbol.get(canonical) ??
    unique(index.byUpper.get(canonical.toUpperCase()));
  return market !== undefined ? Result.succeed(market) : Result.fail(
    new InvalidInputError({
      field: "symbol",
      reason: "UnknownSymbol",
      detail:
        `no listed market matches ${JSON.stringify(input)} (${index.markets.length} markets ` +
        "cached; refresh the cache after new listings)",
    }),
  );
};

/** Builds the service over the `BackpackHttp` in context. */
export const make: Effect.Effect<MarketCacheShape, never, BackpackHttp> = Effect.gen(
  function* () {
    const http = yield* BackpackHttp;
    const state = yield* SynchronizedRef.make<Index | undefined>(undefined);
    const fetchIndex = getMarkets().pipe(
      Effect.map((markets) => {
        const index = indexOf(markets);
        return [index, index] as const;
      }),
      Effect.provideService(BackpackHttp, http),
    );
    const load = SynchronizedRef.modifyEffect(
      state,
      (current) => current === undefined ? fetchIndex : Effect.succeed([current, current] as const),
    );
    const refresh = SynchronizedRef.modifyEffect(state, () => fetchIndex).pipe(
      Effect.map((index) => index.markets),
    );
    return {
      get: (symbol) => Effect.flatMap(load, (index) => Effect.fromResult(resolve(index, symbol))),
      all: Effect.map(load, (index) => index.markets),
      refresh,
    };
  },
);

/** Base class of {@link MarketCache} (its type spelled out for JSR); extend or use MarketCache instead. */
export const MarketCacheBase: Context.ServiceClass<
  MarketCache,
  "backpack-edge/MarketCache",
  MarketCacheShape
> = Context.Service<MarketCache, MarketCacheShape>()("backpack-edge/MarketCache");

/** The cached market list with symbol resolution. */
export class MarketCache extends MarketCacheBase {
  /** The cache over `BackpackHttp` (empty until first use). */
  static readonly layer: Layer.Layer<MarketCache, never, BackpackHttp> = Layer.effect(
    MarketCache,
    make,
  );
}

/** Parameters of {@link getMarketInfo}. */
export interface GetMarketInfoParams {
  /** Market symbol in any accepted form (`SOL_USDC_PERP`, `SOL-USDC-PERP`, `SOL/USDC:USDC`...). */
  readonly symbol: string;
}

/**
 * A market from the cache (filters, tick/step sizes...), resolving any accepted symbol form;
 * loads the market list on first use. Unknown symbols fail with `InvalidInputError`
 * (`UnknownSymbol`).
 */
export const getMarketInfo = (
  params: GetMarketInfoParams,
): Effect.Effect<Market, BackpackError, MarketCache> =>
  Effect.gen(function* () {
    const cache = yield* MarketCache;
    return yield* cache.get(params?.symbol);
  });

/** Reloads the cached market list (e.g. after a new listing) and returns it. */
export const refreshMarkets = (): Effect.Effect<
  ReadonlyArray<Market>,
  BackpackError,
  MarketCache
> =>
  Effect.gen(function* () {
    const cache = yield* MarketCache;
    return yield* cache.refresh;
  });

/** The market-cache operations, by name (the Promise facade exposes each as a method). */
export interface MarketCacheEndpoints {
  /** {@link getMarketInfo} */
  readonly getMarketInfo: typeof getMarketInfo;
  /** {@link refreshMarkets} */
  readonly refreshMarkets: typeof refreshMarkets;
}

/** The market-cache operations, by name. */
export const marketCacheEndpoints: MarketCacheEndpoints = { getMarketInfo, refreshMarkets };
