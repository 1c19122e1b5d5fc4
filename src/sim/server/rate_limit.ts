/**
 * Backpack's request limits (REFERENCE §5): a general budget per API key (per client address for
 * public calls), 2000 requests per minute, and a separate 30 per minute budget for historical
 * market-data endpoints. Each budget is a token bucket that refills continuously; an exhausted
 * bucket answers 429 `TOO_MANY_REQUESTS` with a `Retry-After` header in whole seconds.
 *
 * @module
 */
import { HttpError } from "./responses.ts";

/** Limits per window (all optional; defaults are the real exchange's). */
export interface RateLimitOptions {
  /** Requests per window on every endpoint (default 2000). */
  readonly general?: number;
  /** Requests per window on historical endpoints (default 30). */
  readonly historical?: number;
  /** Window length in ms (default 60000). */
  readonly windowMs?: number;
}

/** Paths in the historical bucket. */
export const HISTORICAL_PATHS: ReadonlySet<string> = new Set([
  "/api/v1/klines",
  "/api/v1/trades/history",
  "/api/v1/fundingRates",
]);

interface Bucket {
  tokens: number;
  at: number;
}

/** A set of token buckets keyed by caller and budget. */
export class RateLimiter {
  readonly #general: number;
  readonly #historical: number;
  readonly #windowMs: number;
  readonly #buckets = new Map<string, Bucket>();

  constructor(options: RateLimitOptions = {}) {
    this.#general = options.general ?? 2000;
    this.#historical = options.historical ?? 30;
    this.#windowMs = options.windowMs ?? 60_000;
  }

  /**
   * Takes one request from the caller's budgets for `path` at time `now` (ms).
   * Throws {@link HttpError} 429 with `Retry-After` when a budget is empty; nothing is taken then.
   */
  take(caller: string, path: string, now: number): void {
    const keys: Array<[string, number]> = [[`g:${caller}`, this.#general]];
    if (HISTORICAL_PATHS.has(path)) keys.push([`h:${caller}`, this.#historical]);
    const buckets = keys.map(([key, capacity]) =>
      [this.#refill(key, capacity, now), capacity] as const
    );
    for (const [bucket, capacity] of buckets) {
      if (bucket.tokens < 1) {
        const waitMs = ((1 - bucket.tokens) * this.#windowMs) / capacity;
        throw new HttpError(429, "TOO_MANY_REQUESTS", "Too many requests", {
          "Retry-After": String(Math.max(1, Math.ceil(waitMs / 1000))),
        });
      }
    }
    for (const [bucket] of buckets) bucket.tokens -= 1;
  }

  #refill(key: string, capacity: number, now: number): Bucket {
    const bucket = this.#buckets.get(key) ?? { tokens: capacity, at: now };
    const elapsed = Math.max(0, now - bucket.at);
    bucket.tokens = Math.min(capacity, bucket.tokens + (elapsed * capacity) / this.#windowMs);
    bucket.at = now;
    this.#buckets.set(key, bucket);
    return bucket;
  }
}
