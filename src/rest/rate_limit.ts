/**
 * The `RateLimit` service: client-side request budgets that make a request **wait** instead of
 * failing with HTTP 429.
 *
 * Backpack allows 2000 requests per 60 s per subaccount, and 30 per 60 s on "historical" market-data
 * endpoints (candles, old trades, funding rates). Each budget is a sliding window: a weighted token
 * bucket whose spent tokens come back exactly `windowMs` after they were spent, so no window of
 * `windowMs` ever holds more than `limit` weight. A historical call spends from both budgets.
 *
 * After a 429 every request pauses: for `Retry-After` when the server sent one, otherwise for an
 * exponential backoff with jitter. Time is read from Effect's `Clock` and waits use `Effect.sleep`,
 * so `TestClock` drives it in tests. Acquire before signing, so a queued request is signed fresh.
 *
 * @module
 */
import * as Clock from "effect/Clock";
import * as Context from "effect/Context";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import * as Random from "effect/Random";
import * as Semaphore from "effect/Semaphore";

/** One budget: at most `limit` weight within any `windowMs` span. */
export interface BucketConfig {
  /** Total weight allowed within one window. */
  readonly limit: number;
  /** Window length in milliseconds. */
  readonly windowMs: number;
}

/** Backoff after a 429 without `Retry-After`: `min(maxMs, baseMs · 2^n)` scaled by a jitter in [0.5, 1). */
export interface BackoffConfig {
  /** First pause in ms. */
  readonly baseMs: number;
  /** Upper bound of a pause in ms. */
  readonly maxMs: number;
}

/** Configuration of the {@link RateLimit} layer. */
export interface RateLimitConfig {
  /** Budget shared by every REST call. */
  readonly general: BucketConfig;
  /** Extra budget of the historical market-data endpoints. */
  readonly historical: BucketConfig;
  /** Paths that spend from the historical budget. Default {@link HISTORICAL_PATHS}. */
  readonly historicalPaths?: Iterable<string>;
  /** Backoff used after a 429 that carried no `Retry-After`. */
  readonly backoff?: BackoffConfig;
}

/**
 * Endpoints counted as "historical" market data. Backpack does not publish the exact list
 * (REFERENCE §5, UNCERTAIN); these are the time-range endpoints it names or that behave alike.
 */
export const HISTORICAL_PATHS: ReadonlySet<string> = new Set([
  "/api/v1/klines",
  "/api/v1/trades/history",
  "/api/v1/fundingRates",
  "/api/v1/borrowLend/markets/history",
]);

/** The published limits: 2000/60 s overall, 30/60 s historical; backoff 1 s doubling up to 60 s. */
export const DEFAULT_RATE_LIMIT: RateLimitConfig = Object.freeze({
  general: Object.freeze({ limit: 2000, windowMs: 60_000 }),
  historical: Object.freeze({ limit: 30, windowMs: 60_000 }),
  backoff: Object.freeze({ baseMs: 1000, maxMs: 60_000 }),
});

/** What the {@link RateLimit} service does. */
export interface RateLimitShape {
  /**
   * Waits until any 429 pause is over and a call to `path` of the given `weight` (default 1) fits
   * every budget it counts against, then spends it.
   */
  readonly acquire: (path: string, weight?: number) => Effect.Effect<void>;
  /**
   * Records an HTTP 429: pauses all acquisitions for `retryAfterMs`, or for an exponential backoff
   * with jitter when the server gave none. Returns the pause applied, in ms.
   */
  readonly throttled: (retryAfterMs?: number) => Effect.Effect<number>;
  /** Records a call the server did not throttle: the next backoff starts from `baseMs` again. */
  readonly succeeded: Effect.Effect<void>;
}

/** Base class of {@link RateLimit} (its type spelled out for JSR); extend or use RateLimit instead. */
export const RateLimitBase: Context.ServiceClass<
  RateLimit,
  "backpack-edge/RateLimit",
  RateLimitShape
> = Context.Service<RateLimit, RateLimitShape>()("backpack-edge/RateLimit");

/** Client-side rate limiting of REST calls. */
export class RateLimit extends RateLimitBase {}

interface Spend {
  readonly at: number;
  readonly weight: number;
}

/** A sliding-window budget. Mutable state, only touched while holding `lock`. */
class Bucket {
  readonly lock: Semaphore.Semaphore = Semaphore.makeUnsafe(1);
  private spends: Array<Spend> = [];
  private used = 0;

  constructor(readonly config: BucketConfig) {}

  /** Milliseconds until `weight` fits (0 when it fits now); forgets spends older than the window. */
  waitMs(weight: number, now: number): number {
    const { limit, windowMs } = this.config;
    while (this.spends.length > 0 && this.spends[0].at + windowMs <= now) {
      this.used -= this.spends.shift()!.weight;
    }
    let over = this.used + Math.min(weight, limit) - limit;
    for (const spend of this.spends) {
      if (over <= 0) break;
      over -= spend.weight;
      if (over <= 0) return spend.at + windowMs - now;
    }
    return 0;
  }

  spend(weight: number, now: number): void {
    this.spends.push({ at: now, weight });
    this.used += weight;
  }
}

const validBucket = (name: string, bucket: BucketConfig): BucketConfig => {
  if (!(Number.isInteger(bucket.limit) && bucket.limit > 0 && bucket.windowMs > 0)) {
    throw new RangeError(`rate limit ${name}: limit must be a positive integer and windowMs > 0`);
  }
  return bucket;
};

/**
 * Builds a limiter. Throws `RangeError` on a non-positive limit or window (a programming error in
 * the configuration, not a runtime condition).
 */
export const make = (config: RateLimitConfig = DEFAULT_RATE_LIMIT): RateLimitShape => {
  const general = new Bucket(validBucket("general", config.general));
  const historical = new Bucket(validBucket("historical", config.historical));
  const historicalPaths = new Set(config.historicalPaths ?? HISTORICAL_PATHS);
  const backoff = config.backoff ?? DEFAULT_RATE_LIMIT.backoff!;
  let pausedUntil = 0;
  let strikes = 0;

  const take = (bucket: Bucket, weight: number): Effect.Effect<void> =>
    bucket.lock.withPermits(1)(Effect.gen(function* () {
      while (true) {
        const now = yield* Clock.currentTimeMillis;
        const wait = Math.max(pausedUntil - now, bucket.waitMs(weight, now));
        if (wait <= 0) return bucket.spend(weight, now);
        yield* Effect.sleep(wait);
      }
    }));

  return {
    acquire: (path, weight = 1) =>
      historicalPaths.has(path)
        ? Effect.andThen(take(historical, weight), take(general, weight))
        : take(general, weight),
    throttled: (retryAfterMs) =>
      Effect.gen(function* () {
        const now = yield* Clock.currentTimeMillis;
        let pause = retryAfterMs;
        if (pause === undefined) {
          const jitter = 0.5 + (yield* Random.next) / 2;
          pause = Math.round(Math.min(backoff.maxMs, backoff.baseMs * 2 ** strikes) * jitter);
        }
        strikes += 1;
        pausedUntil = Math.max(pausedUntil, now + pause);
        return pause;
      }),
    succeeded: Effect.sync(() => {
      strikes = 0;
    }),
  };
};

/** A layer enforcing `config` (default: Backpack's published limits). One limiter per layer build. */
export const layer = (config: RateLimitConfig = DEFAULT_RATE_LIMIT): Layer.Layer<RateLimit> =>
  Layer.sync(RateLimit, () => make(config));

/** A layer that never waits (tests, or a caller that throttles by itself). */
export const layerUnlimited: Layer.Layer<RateLimit> = Layer.succeed(RateLimit, {
  acquire: () => Effect.void,
  throttled: (retryAfterMs) => Effect.succeed(retryAfterMs ?? 0),
  succeeded: Effect.void,
});
