import assert from "node:assert/strict";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import * as Result from "effect/Result";
import { InvalidInputError } from "../../../src/error_classes.ts";
import { ServerClock } from "../../../src/auth/server_clock.ts";
import { Signer } from "../../../src/auth/signer.ts";
import { signedSubscribeMessage, subscribeMessage } from "../../../src/auth/ws_subscribe.ts";
import privateShape from "./ws_subscribe_private.request.json" with { type: "json" };
import publicShape from "./ws_subscribe_public.request.json" with { type: "json" };
import unsubscribeShape from "./ws_unsubscribe.request.json" with { type: "json" };
import { expectedSignature, vectorKey, vectors, verifies } from "./vectors.ts";

const services = async (ms: number): Promise<Layer.Layer<Signer | ServerClock>> =>
  Layer.mergeAll(Signer.layerNoble(await vectorKey()), ServerClock.layerFixed(ms));

Deno.test("subscribeMessage matches the public fixtures", () => {
  assert.deepEqual(subscribeMessage(["depth.SOL_USDC"]), publicShape);
  assert.deepEqual(
    subscribeMessage(["depth.SOL_USDC"], { method: "UNSUBSCRIBE" }),
    unsubscribeShape,
  );
  const streams = ["depth.SOL_USDC", "trade.SOL_USDC"];
  const message = subscribeMessage(streams);
  streams.push("later");
  assert.deepEqual(message.params, ["depth.SOL_USDC", "trade.SOL_USDC"]);
});

Deno.test("signedSubscribeMessage: fixture shape, vector signature, all strings", async () => {
  const message = await Effect.runPromise(
    signedSubscribeMessage(["account.orderUpdate"]).pipe(
      Effect.provide(await services(1700000000000)),
    ),
  );
  assert.deepEqual(Object.keys(message), Object.keys(privateShape));
  assert.equal(message.method, privateShape.method);
  assert.deepEqual(message.params, privateShape.params);
  assert.deepEqual(message.signature, [
    vectors.public_key_b64,
    expectedSignature("instruction=subscribe&timestamp=1700000000000&window=5000"),
    "1700000000000",
    "5000",
  ]);
  assert.ok(message.signature.every((s) => typeof s === "string"));
  assert.equal(
    JSON.stringify(message),
    `{"method":"SUBSCRIBE","params":["account.orderUpdate"],"signature":${
      JSON.stringify(message.signature)
    }}`,
  );
});

Deno.test("signedSubscribeMessage: custom window and UNSUBSCRIBE; signature verifies", async () => {
  const message = await Effect.runPromise(
    signedSubscribeMessage(["account.orderUpdate.SOL_USDC", "account.positionUpdate"], 20000, {
      method: "UNSUBSCRIBE",
    }).pipe(Effect.provide(await services(1_234_567))),
  );
  assert.equal(message.method, "UNSUBSCRIBE");
  assert.deepEqual(message.params, ["account.orderUpdate.SOL_USDC", "account.positionUpdate"]);
  const [apiKey, signature, timestamp, window] = message.signature;
  assert.deepEqual([timestamp, window], ["1234567", "20000"]);
  assert.ok(
    await verifies(signature, "instruction=subscribe&timestamp=1234567&window=20000", apiKey),
  );
});

Deno.test("signedSubscribeMessage: invalid window is InvalidInputError", async () => {
  const result = await Effect.runPromise(
    Effect.result(signedSubscribeMessage(["account.orderUpdate"], 0)).pipe(
      Effect.provide(await services(1)),
    ),
  );
  assert.ok(Result.isFailure(result));
  assert.ok(result.failure instanceof InvalidInputError);
  assert.equal(result.failure.field, "window");
});
