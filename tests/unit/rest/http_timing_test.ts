import assert from "node:assert/strict";
import * as Effect from "effect/Effect";
import * as Exit from "effect/Exit";
import * as Fiber from "effect/Fiber";
import { TestClock } from "effect/testing";
import {
  OrderOutcomeUnknownError,
  RateLimitError,
  TimeoutError,
} from "../../../src/error_classes.ts";
import { signedCall } from "../../../src/rest/http.ts";
import { type BackpackOptions, layerBackpack } from "../../../src/rest/layer.ts";
import type { BackpackServices } from "../../../src/rest/layer.ts";
import { getBalances } from "../../../src/rest/capital.ts";
import { getStatus } from "../../../src/rest/system.ts";
import { fakeFetch, json, TEST_SECRET } from "./support.ts";
import * as Schema from "effect/Schema";
import type { FetchFn } from "../../../src/rest/fetch.ts";

const realTick = Effect.promise(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

/**
 * Runs `effect` under a TestClock starting at 0, advancing virtual time in `stepMs` steps (letting
 * real promises settle between steps) until it completes. Returns its exit and the virtual time.
 */
const runVirtual = <A, E>(
  effect: Effect.Effect<A, E, BackpackServices>,
  options: BackpackOptions,
  stepMs = 100,
): Promise<{ exit: Exit.Exit<A, unknown>; elapsed: number }> =>
  Effect.runPromise(
    Effect.gen(function* () {
      const fiber = yield* Effect.forkChild(Effect.provide(effect, layerBackpack(options)));
      let elapsed = 0;
      for (let i = 0; i < 10_000 && fiber.pollUnsafe() === undefined; i++) {
        yield* realTick;
        if (fiber.pollUnsafe() !== undefined) break;
        yield* TestClock.adjust(stepMs);
        elapsed += stepMs;
      }
      return { exit: yield* Fiber.await(fiber), elapsed };
    }).pipe(Effect.provide(TestClock.layer())),
  );

const failure = <A>(exit: Exit.Exit<A, unknown>): unknown => {
  assert.ok(Exit.isFailure(exit), "expected a failure");
  return Exit.isFailure(exit) && exit.cause.reasons[0]?._tag === "Fail"
    ? exit.cause.reasons[0].error
    : exit;
};

Deno.test("429 with Retry-After: the limiter pauses, then the GET is re-signed and retried", async () => {
  const { seen, fetch } = fakeFetch((_req, i) =>
    i === 0
      ? json({ code: "TOO_MANY_REQUESTS", message: "slow down" }, 429, { "Retry-After": "2" })
      : json({ USDC: { available: "1", locked: "0", staked: "0" } })
  );
  const { exit } = await runVirtual(getBalances(), { fetch, apiSecret: TEST_SECRET });
  assert.ok(Exit.isSuccess(exit));
  assert.equal(seen.length, 2);
  const [first, second] = seen.map((s) => Number(s.headers.get("X-Timestamp")));
  assert.equal(second - first, 2000, "re-signed after the 2 s pause, with a fresh timestamp");
  assert.notEqual(seen[0].headers.get("X-Signature"), seen[1].headers.get("X-Signature"));
});

Deno.test("429 keeps coming: 1 + 3 retries, then RateLimitError with the pause", async () => {
  const { seen, fetch } = fakeFetch(() => json("", 429, { "Retry-After": "1" }));
  const { exit, elapsed } = await runVirtual(getStatus(), { fetch });
  const error = failure(exit);
  assert.ok(error instanceof RateLimitError, String(error));
  assert.equal(error.retryAfterMs, 1000);
  assert.equal(seen.length, 4);
  assert.ok(elapsed >= 3000, `waited ${elapsed} ms of virtual time`);
});

Deno.test("429 without Retry-After backs off (exponential, jittered) before retrying", async () => {
  const { fetch } = fakeFetch((_req, i) =>
    i < 2 ? json({ code: "TOO_MANY_REQUESTS", message: "" }, 429) : json({ status: "Ok" })
  );
  const { exit, elapsed } = await runVirtual(getStatus(), { fetch }, 50);
  assert.ok(Exit.isSuccess(exit));
  // first pause in [500, 1000], second in [1000, 2000]
  assert.ok(elapsed >= 1500 && elapsed <= 3100, `elapsed ${elapsed}`);
});

Deno.test("a mutating call answered 429 is not retried", async () => {
  const { seen, fetch } = fakeFetch(() => json("", 429, { "Retry-After": "1" }));
  const { exit } = await runVirtual(
    signedCall({
      method: "POST",
      path: "/api/v1/order",
      instruction: "orderExecute",
      body: { symbol: "SOL_USDC" },
      schema: Schema.Unknown,
    }),
    { fetch, apiSecret: TEST_SECRET },
  );
  assert.ok(failure(exit) instanceof RateLimitError);
  assert.equal(seen.length, 1);
});

const hangingFetch = (): { fetch: FetchFn; aborted: () => number } => {
  let aborted = 0;
  const fetch: FetchFn = (_url, init) =>
    new Promise((_resolve, reject) => {
      init.signal?.addEventListener("abort", () => {
        aborted += 1;
        reject(new DOMException("aborted", "AbortError"));
      });
    });
  return { fetch, aborted: () => aborted };
};

Deno.test("a GET past its deadline fails with TimeoutError and aborts the fetch", async () => {
  const { fetch, aborted } = hangingFetch();
  const { exit, elapsed } = await runVirtual(getStatus(), { fetch, timeoutMs: 3000 }, 500);
  const error = failure(exit);
  assert.ok(error instanceof TimeoutError, String(error));
  assert.equal(error.timeoutMs, 3000);
  assert.equal(elapsed, 3000);
  assert.equal(aborted(), 1);
});

Deno.test("a mutating call past its deadline → OrderOutcomeUnknownError", async () => {
  const { fetch } = hangingFetch();
  const { exit } = await runVirtual(
    signedCall({
      method: "DELETE",
      path: "/api/v1/order",
      instruction: "orderCancel",
      body: { symbol: "SOL_USDC", orderId: "28" },
      schema: Schema.Unknown,
      clientId: 9,
    }),
    { fetch, apiSecret: TEST_SECRET },
    1000,
  );
  const error = failure(exit);
  assert.ok(error instanceof OrderOutcomeUnknownError, String(error));
  assert.equal(error.status, 0);
  assert.equal(error.clientId, 9);
});
