import assert from "node:assert/strict";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import * as TestClock from "effect/testing/TestClock";
import { offsetFromSample, ServerClock } from "../../../src/auth/server_clock.ts";
import fc from "fast-check";

const run = <A>(
  layer: Layer.Layer<ServerClock>,
  body: Effect.Effect<A, never, ServerClock>,
): Promise<A> => Effect.runPromise(Effect.provide(body, layer));

Deno.test("offsetFromSample: server time minus the round-trip midpoint, rounded", () => {
  assert.equal(
    offsetFromSample({ serverMs: 1_000_150, sentAt: 1_000_000, receivedAt: 1_000_100 }),
    100,
  );
  assert.equal(
    offsetFromSample({ serverMs: 999_900, sentAt: 1_000_000, receivedAt: 1_000_000 }),
    -100,
  );
  assert.equal(
    offsetFromSample({ serverMs: 1_000_001, sentAt: 1_000_000, receivedAt: 1_000_001 }),
    1,
  );
  assert.equal(
    offsetFromSample({ serverMs: 1_000_000, sentAt: 1_000_000, receivedAt: 1_000_001 }),
    0,
  );
});

Deno.test("layerFixed: now = fixed local time + last observed offset", async () => {
  const result = await run(
    ServerClock.layerFixed(1_700_000_000_000),
    ServerClock.use((clock) =>
      Effect.gen(function* () {
        const before = [yield* clock.now, yield* clock.offset];
        yield* clock.observe({
          serverMs: 1_700_000_000_250,
          sentAt: 1_699_999_999_900,
          receivedAt: 1_700_000_000_100,
        });
        const first = [yield* clock.now, yield* clock.offset];
        yield* clock.observe({ serverMs: 10, sentAt: 20, receivedAt: 40 });
        const second = [yield* clock.now, yield* clock.offset];
        return { before, first, second };
      })
    ),
  );
  assert.deepEqual(result.before, [1_700_000_000_000, 0]);
  assert.deepEqual(result.first, [1_700_000_000_250, 250]);
  assert.deepEqual(result.second, [1_699_999_999_980, -20]);
});

Deno.test("layer: reads local time from Effect's Clock (TestClock) and applies the offset", async () => {
  const layer = ServerClock.layer.pipe(Layer.provideMerge(TestClock.layer()));
  const result = await Effect.runPromise(
    Effect.gen(function* () {
      const clock = yield* ServerClock;
      yield* TestClock.setTime(5_000);
      const start = yield* clock.now;
      yield* clock.observe({ serverMs: 8_000, sentAt: 4_000, receivedAt: 6_000 });
      const afterObserve = yield* clock.now;
      yield* TestClock.adjust("1500 millis");
      const later = yield* clock.now;
      return { start, afterObserve, later };
    }).pipe(Effect.provide(layer)),
  );
  assert.deepEqual(result, { start: 5_000, afterObserve: 8_000, later: 9_500 });
});

Deno.test("layer: non-finite samples are ignored", async () => {
  const offsets = await run(
    ServerClock.layerFixed(0),
    ServerClock.use((clock) =>
      Effect.gen(function* () {
        yield* clock.observe({ serverMs: 300, sentAt: 100, receivedAt: 100 });
        yield* clock.observe({ serverMs: Number.NaN, sentAt: 100, receivedAt: 100 });
        yield* clock.observe({ serverMs: 100, sentAt: Number.POSITIVE_INFINITY, receivedAt: 100 });
        return yield* clock.offset;
      })
    ),
  );
  assert.equal(offsets, 200);
});

Deno.test("property: now is an integer and equals local + offset for any integer sample", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 0, max: 4_000_000_000_000 }),
      fc.integer({ min: 0, max: 4_000_000_000_000 }),
      fc.integer({ min: 0, max: 60_000 }),
      fc.integer({ min: 0, max: 4_000_000_000_000 }),
      async (serverMs, sentAt, rtt, local) => {
        const sample = { serverMs, sentAt, receivedAt: sentAt + rtt };
        const now = await run(
          ServerClock.layerFixed(local),
          ServerClock.use((clock) => Effect.andThen(clock.observe(sample), clock.now)),
        );
        assert.ok(Number.isInteger(now));
        assert.equal(now, local + offsetFromSample(sample));
        assert.ok(Math.abs(offsetFromSample(sample) - (serverMs - sentAt - rtt / 2)) <= 0.5);
      },
    ),
  );
});
