import assert from "node:assert/strict";
import * as Effect from "effect/Effect";
import * as Exit from "effect/Exit";
import * as Layer from "effect/Layer";
import * as ManagedRuntime from "effect/ManagedRuntime";
import { NotFoundError } from "../../../src/error_classes.ts";
import { runPromise, unwrapExit } from "../../../src/client/run.ts";

const notFound = new NotFoundError({ endpoint: "GET /api/v1/order", code: "X", detail: "gone" });

Deno.test("unwrapExit returns values, throws typed failures and defects themselves", () => {
  assert.equal(unwrapExit(Exit.succeed(1)), 1);
  assert.throws(() => unwrapExit(Exit.fail(notFound)), (err: unknown) => err === notFound);
  const bug = new RangeError("bug");
  assert.throws(() => unwrapExit(Exit.die(bug)), (err: unknown) => err === bug);
});

Deno.test("runPromise rejects with the typed error, not a wrapper", async () => {
  const runtime = ManagedRuntime.make(Layer.empty);
  await assert.rejects(runPromise(runtime, Effect.fail(notFound)), (err: unknown) => {
    assert.equal(err, notFound);
    return true;
  });
  assert.equal(await runPromise(runtime, Effect.succeed("ok")), "ok");
  await runtime.dispose();
});
