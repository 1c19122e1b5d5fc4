/** Helpers for the order, account and position endpoint tests. */
import assert from "node:assert/strict";
import * as Effect from "effect/Effect";
import type * as Layer from "effect/Layer";
import { signingString, type SignParams } from "../../../src/auth/signing_string.ts";
import type { InvalidInputError } from "../../../src/error_classes.ts";
import { type BackpackOptions, layerBackpack } from "../../../src/rest/layer.ts";
import type { BackpackServices } from "../../../src/rest/layer.ts";
import { type Seen, TEST_API_KEY, TEST_SECRET, verifies } from "../rest/support.ts";

/** The REST stack over `fetch`, signed with the test key, without client-side rate limits. */
export const testLayer = (
  options: BackpackOptions,
): Layer.Layer<BackpackServices, InvalidInputError> =>
  layerBackpack({ apiSecret: TEST_SECRET, rateLimit: false, ...options });

/** Runs `effect` over {@link testLayer} and returns its success or its failure. */
export const outcome = <A, E>(
  effect: Effect.Effect<A, E, BackpackServices>,
  options: BackpackOptions,
): Promise<{ ok: true; value: A } | { ok: false; error: E | InvalidInputError }> =>
  Effect.runPromise(
    Effect.provide(effect, testLayer(options)).pipe(
      Effect.match({
        onSuccess: (value) => ({ ok: true as const, value }),
        onFailure: (error) => ({ ok: false as const, error }),
      }),
    ),
  );

/** Asserts that `request` carries a valid signature of `instruction` over `params`. */
export const assertSigned = async (
  request: Seen,
  instruction: string,
  params: SignParams | ReadonlyArray<SignParams>,
): Promise<void> => {
  assert.equal(request.headers.get("X-API-Key"), TEST_API_KEY);
  const timestamp = Number(request.headers.get("X-Timestamp"));
  const window = Number(request.headers.get("X-Window") ?? "5000");
  const message = signingString(instruction, params, timestamp, window);
  const signature = request.headers.get("X-Signature") ?? "";
  assert.ok(await verifies(signature, message, TEST_API_KEY), `not signed as ${message}`);
};

/** Path and sorted query of a recorded request URL. */
export const pathAndQuery = (request: Seen): string => {
  const url = new URL(request.url);
  return `${url.pathname}${url.search}`;
};
