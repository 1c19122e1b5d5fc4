import assert from "node:assert/strict";
import * as Effect from "effect/Effect";
import * as Fiber from "effect/Fiber";
import * as Clock from "effect/Clock";
import { TestClock } from "effect/testing";
import * as RateLimit from "../../../src/rest/rate_limit.ts";

const run = <A>(effect: Effect.Effect<A>): Promise<A> =>
  Effect.runPromise(Effect.provide(effect, TestClock.layer()));

/** Forks `n` acquisitions and returns the clock time at which each one got through. */
const acquireMany = (limiter: RateLimit.RateLimitShape, path: string, n: number) =>
  Effect.forkChild(Effect.forEach(
    Array.from({ length: n }, (_, i) => i),
    () => Effect.andThen(limiter.acquire(path), Clock.currentTimeMillis),
  ));

Deno.test("the 31st historical call within a minute waits until the window frees", () =>
  run(Effect.gen(function* () {
    const limiter = RateLimit.make();
    const fiber = yield* acquireMany(limiter, "/api/v1/klines", 31);
    yield* TestClock.adjust(59_999);
    assert.equal(fiber.pollUnsafe(), undefined, "31st call must still be waiting");
    yield* TestClock.adjust(1);
    const times = yield* Fiber.join(fiber);
    assert.deepEqual(times.slice(0, 30), Array(30).fill(0));
    assert.equal(times[30], 60_000);
  })));

Deno.test("general calls are not held back by an exhausted historical budget", () =>
  run(Effect.gen(function* () {
    const limiter = RateLimit.make();
    const historical = yield* acquireMany(limiter, "/api/v1/trades/history", 31);
    const general = yield* acquireMany(limiter, "/api/v1/depth", 5);
    yield* TestClock.adjust(1);
    assert.deepEqual(yield* Fiber.join(general), [0, 0, 0, 0, 0]);
    assert.equal(historical.pollUnsafe(), undefined);
    yield* TestClock.adjust(60_000);
    assert.equal((yield* Fiber.join(historical))[30], 60_000);
  })));

Deno.test("weights count against the budget and configured limits apply", () =>
  run(Effect.gen(function* () {
    const limiter = RateLimit.make({
      general: { limit: 10, windowMs: 1000 },
      historical: { limit: 2, windowMs: 1000 },
    });
    yield* limiter.acquire("/api/v1/markets", 6);
    yield* TestClock.adjust(400);
    yield* limiter.acquire("/api/v1/markets", 4);
    const fiber = yield* Effect.forkChild(
      Effect.andThen(limiter.acquire("/api/v1/markets", 3), Clock.currentTimeMillis),
    );
    yield* TestClock.adjust(599);
    assert.equal(fiber.pollUnsafe(), undefined);
    yield* TestClock.adjust(1);
    // the spend of weight 6 at t=0 expires at t=1000, which frees enough for weight 3
    assert.equal(yield* Fiber.join(fiber), 1000);
  })));

Deno.test("a 429 with Retry-After pauses every acquisition for that long", () =>
  run(Effect.gen(function* () {
    const limiter = RateLimit.make();
    assert.equal(yield* limiter.throttled(2500), 2500);
    const fiber = yield* acquireMany(limiter, "/api/v1/depth", 2);
    yield* TestClock.adjust(2499);
    assert.equal(fiber.pollUnsafe(), undefined);
    yield* TestClock.adjust(1);
    assert.deepEqual(yield* Fiber.join(fiber), [2500, 2500]);
  })));

Deno.test("a 429 without Retry-After backs off exponentially with jitter, reset on success", () =>
  run(Effect.gen(function* () {
    const limiter = RateLimit.make({
      ...RateLimit.DEFAULT_RATE_LIMIT,
      backoff: { baseMs: 1000, maxMs: 3000 },
    });
    const first = yield* limiter.throttled();
    const second = yield* limiter.throttled();
    const third = yield* limiter.throttled();
    assert.ok(first >= 500 && first <= 1000, `first ${first}`);
    assert.ok(second >= 1000 && second <= 2000, `second ${second}`);
    assert.ok(third >= 1500 && third <= 3000, `third (capped) ${third}`);
    yield* limiter.succeeded;
    const again = yield* limiter.throttled();
    assert.ok(again >= 500 && again <= 1000, `after success ${again}`);
  })));

Deno.test("layerUnlimited never waits", () =>
  run(
    Effect.gen(function* () {
      const limiter = yield* RateLimit.RateLimit;
      for (let i = 0; i < 100; i++) yield* limiter.acquire("/api/v1/klines");
      assert.equal(yield* Clock.currentTimeMillis, 0);
    }).pipe(Effect.provide(RateLimit.layerUnlimited)),
  ));

Deno.test("a non-positive limit is rejected at construction", () => {
  assert.throws(
    () =>
      RateLimit.make({
        general: { limit: 0, windowMs: 1000 },
        historical: { limit: 1, windowMs: 1000 },
      }),
    RangeError,
  );
});
