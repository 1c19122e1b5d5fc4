import assert from "node:assert/strict";
import * as Effect from "effect/Effect";
import * as Exit from "effect/Exit";
import * as Layer from "effect/Layer";
import * as ManagedRuntime from "effect/ManagedRuntime";
import { NotFoundError, UnavailableError } from "../../../src/error_classes.ts";
import { isRetryable } from "../../../src/errors.ts";
import { facadeRuntime, unwrapExit } from "../../../src/client/run.ts";

const notFound = new NotFoundError({ endpoint: "GET /api/v1/order", code: "X", detail: "gone" });

Deno.test("unwrapExit returns values, throws typed failures and defects themselves", () => {
  assert.equal(unwrapExit(Exit.succeed(1)), 1);
  assert.throws(() => unwrapExit(Exit.fail(notFound)), (err: unknown) => err === notFound);
  const bug = new RangeError("bug");
  assert.throws(() => unwrapExit(Exit.die(bug)), (err: unknown) => err === bug);
});

/** Asserts that `err` is the closed-facade error of `owner`. */
const isClosedError = (owner: string) => (err: unknown): boolean => {
  assert.ok(err instanceof UnavailableError, String(err));
  assert.equal(err.code, "CLIENT_CLOSED");
  assert.equal(err.endpoint, owner);
  assert.equal(isRetryable(err), false);
  return true;
};

Deno.test("facadeRuntime: run rejects with the typed error, not a wrapper", async () => {
  const { run, close } = facadeRuntime(ManagedRuntime.make(Layer.empty), "Thing");
  await assert.rejects(run(Effect.fail(notFound)), (err: unknown) => {
    assert.equal(err, notFound);
    return true;
  });
  assert.equal(await run(Effect.succeed("ok")), "ok");
  await close();
});

Deno.test("facadeRuntime: calls after close reject with UnavailableError CLIENT_CLOSED", async () => {
  let closed = 0;
  const { run, close } = facadeRuntime(ManagedRuntime.make(Layer.empty), "Thing", {
    onClose: () => closed++,
  });
  assert.equal(await run(Effect.succeed(1)), 1);
  const first = close();
  assert.equal(close(), first, "close is idempotent");
  await first;
  assert.equal(closed, 1);
  await assert.rejects(run(Effect.succeed(2)), isClosedError("Thing"));
  await assert.rejects(run(Effect.fail(notFound)), isClosedError("Thing"));
});

Deno.test("facadeRuntime: close lets a call in flight finish within the drain period and refuses new ones meanwhile", async () => {
  let closed = 0;
  const { run, close } = facadeRuntime(ManagedRuntime.make(Layer.empty), "Thing", {
    onClose: () => closed++,
    drainMs: 5_000,
  });
  const pending = run(Effect.sleep("50 millis").pipe(Effect.as("answered")));
  await run(Effect.yieldNow); // the pending call's fiber is running
  const closing = close();
  await assert.rejects(run(Effect.succeed(2)), isClosedError("Thing"));
  assert.equal(closed, 0, "not closed while a call is in flight");
  assert.equal(await pending, "answered");
  await closing;
  assert.equal(closed, 1);
});

Deno.test("facadeRuntime: a call still running after the drain period is interrupted and rejects with CLIENT_CLOSED", async () => {
  const { run, close } = facadeRuntime(ManagedRuntime.make(Layer.empty), "Thing", { drainMs: 30 });
  const pending = run(Effect.never);
  await run(Effect.yieldNow);
  const started = Date.now();
  await close();
  assert.ok(Date.now() - started >= 25, "waited for the drain period");
  await assert.rejects(pending, isClosedError("Thing"));
});

Deno.test("facadeRuntime: a call interrupted by close rejects with CLIENT_CLOSED", async () => {
  const { run, close } = facadeRuntime(ManagedRuntime.make(Layer.empty), "Thing");
  const pending = run(Effect.never);
  await run(Effect.yieldNow); // the pending call's fiber is running
  await close();
  await assert.rejects(pending, isClosedError("Thing"));
});

Deno.test("facadeRuntime: a defect during close is not masked as CLIENT_CLOSED", async () => {
  const { run, close } = facadeRuntime(ManagedRuntime.make(Layer.empty), "Thing");
  const bug = new RangeError("bug in a finalizer");
  const pending = run(Effect.never.pipe(Effect.onInterrupt(() => Effect.die(bug))));
  await run(Effect.yieldNow);
  await close();
  await assert.rejects(pending, (err: unknown) => err === bug);
});
