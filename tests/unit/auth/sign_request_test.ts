import assert from "node:assert/strict";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import * as Result from "effect/Result";
import { InvalidInputError } from "../../../src/error_classes.ts";
import { ServerClock } from "../../../src/auth/server_clock.ts";
import { signRequest, validateWindow } from "../../../src/auth/sign_request.ts";
import { Signer } from "../../../src/auth/signer.ts";
import { signingString } from "../../../src/auth/signing_string.ts";
import batchBody from "./order_batch.request.json" with { type: "json" };
import {
  expectedSignature,
  ORDER_EXECUTE_EXAMPLE,
  vectorKey,
  vectors,
  verifies,
} from "./vectors.ts";

const services = async (ms: number): Promise<Layer.Layer<Signer | ServerClock>> =>
  Layer.mergeAll(Signer.layer(await vectorKey()), ServerClock.layerFixed(ms));

Deno.test("signRequest: headers match the §2.6 vector", async () => {
  const headers = await Effect.runPromise(
    signRequest({
      instruction: "orderExecute",
      params: ORDER_EXECUTE_EXAMPLE.params,
    }).pipe(Effect.provide(await services(ORDER_EXECUTE_EXAMPLE.timestamp))),
  );
  assert.deepEqual(headers, {
    "X-API-Key": vectors.public_key_b64,
    "X-Timestamp": "1700000000000",
    "X-Window": "5000",
    "X-Signature": expectedSignature(ORDER_EXECUTE_EXAMPLE.message),
  });
});

Deno.test("signRequest: no params and batch params match their vectors", async () => {
  const none = await Effect.runPromise(
    signRequest({ instruction: "balanceQuery" }).pipe(
      Effect.provide(await services(1700000000000)),
    ),
  );
  assert.equal(
    none["X-Signature"],
    expectedSignature("instruction=balanceQuery&timestamp=1700000000000&window=5000"),
  );
  const batch = await Effect.runPromise(
    signRequest({ instruction: "orderExecute", params: batchBody, window: 5000 }).pipe(
      Effect.provide(await services(1750793021519)),
    ),
  );
  assert.equal(batch["X-Timestamp"], "1750793021519");
  assert.equal(batch["X-Signature"], vectors.vectors[4]!.signature_b64);
});

Deno.test("signRequest: timestamp comes from the server clock (offset applied)", async () => {
  const layer = await services(1_000_000);
  const headers = await Effect.runPromise(
    Effect.gen(function* () {
      yield* ServerClock.use((c) =>
        c.observe({ serverMs: 1_000_700, sentAt: 999_900, receivedAt: 1_000_100 })
      );
      return yield* signRequest({
        instruction: "orderCancel",
        params: { orderId: "28" },
        window: 60000,
      });
    }).pipe(Effect.provide(layer)),
  );
  assert.equal(headers["X-Timestamp"], "1000700");
  assert.equal(headers["X-Window"], "60000");
  const message = signingString("orderCancel", { orderId: "28" }, 1_000_700, 60000);
  assert.ok(await verifies(headers["X-Signature"], message, headers["X-API-Key"]));
});

Deno.test("signRequest: window outside 1..60000 or not an integer is InvalidInputError", async () => {
  const layer = await services(1);
  for (const window of [0, -1, 60001, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
    const result = await Effect.runPromise(
      Effect.result(signRequest({ instruction: "balanceQuery", window })).pipe(
        Effect.provide(layer),
      ),
    );
    assert.ok(Result.isFailure(result), String(window));
    assert.ok(result.failure instanceof InvalidInputError);
    assert.equal(result.failure.field, "window");
    assert.equal(result.failure.reason, "OutOfRange");
  }
  for (const window of [1, 5000, 60000]) {
    assert.equal(await Effect.runPromise(validateWindow(window)), window);
  }
  assert.equal(await Effect.runPromise(validateWindow(undefined)), 5000);
});
