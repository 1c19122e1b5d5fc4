/**
 * The smoke checks every runtime (Node, Bun, workerd) runs against the BUILT npm package.
 *
 * A runner loads every entry point of the package (`sdk`: the merged exports), `effect/Effect`
 * and the fixtures, then calls {@link runSmoke}. Each case is one passed or failed item; the last
 * line printed is `<runtime>: N passed, M failed`, which scripts/test.sh reads.
 *
 * @module
 */
// deno-lint-ignore-file explicit-module-boundary-types -- plain JS: types are in JSDoc
import assert from "node:assert/strict";

/**
 * @typedef {object} SmokeInput
 * @property {Record<string, any>} sdk every export of every entry point of the package
 * @property {Record<string, any>} Effect the `effect/Effect` module
 * @property {{ secret_64byte_b64: string, seed_b64: string, public_key_b64: string,
 *   vectors: { message: string, signature_b64: string }[] }} vectors signing test vectors
 */

/** Looks an export up in the merged entry points; a missing export fails the case. */
const api = (sdk, name) => {
  assert.ok(name in sdk, `the package exports no "${name}"`);
  return sdk[name];
};

/** @param {SmokeInput} input */
const cases = ({ sdk, Effect, vectors }) => [
  {
    name: "signingString builds the documented POST order string",
    run: () => {
      const signingString = api(sdk, "signingString");
      const text = signingString(
        "orderExecute",
        {
          symbol: "ETH_USDC",
          side: "Bid",
          orderType: "Limit",
          price: "4000",
          quantity: "0.001",
          timeInForce: "GTC",
          postOnly: true,
          clientId: 55555,
        },
        1700000000000,
        5000,
      );
      assert.equal(text, vectors.vectors[2].message);
    },
  },
  {
    name: "parseSecret derives the X-API-Key of the test secret",
    run: async () => {
      const key = await Effect.runPromise(api(sdk, "parseSecret")(vectors.secret_64byte_b64));
      assert.equal(key.apiKey, vectors.public_key_b64);
      assert.ok(!JSON.stringify(key).includes(vectors.seed_b64.slice(0, 16)));
      assert.ok(!String(key).includes(vectors.seed_b64.slice(0, 16)));
    },
  },
  {
    name: "Signer.make signs every vector with the expected signature",
    run: async () => {
      const key = await Effect.runPromise(api(sdk, "parseSecret")(vectors.seed_b64));
      const signer = await api(sdk, "Signer").make(key);
      assert.equal(signer.apiKey, vectors.public_key_b64);
      for (const { message, signature_b64 } of vectors.vectors) {
        assert.equal(await Effect.runPromise(signer.sign(message)), signature_b64, message);
      }
    },
  },
  {
    name: "a bad secret fails with the tagged InvalidInputError, secret not echoed",
    run: async () => {
      const secret = "not-base64!!" + vectors.seed_b64.slice(0, 20);
      const result = await Effect.runPromise(Effect.result(api(sdk, "parseSecret")(secret)));
      assert.equal(result._tag, "Failure");
      assert.equal(result.failure._tag, "InvalidInputError");
      assert.ok(result.failure instanceof api(sdk, "InvalidInputError"));
      assert.ok(!JSON.stringify(result.failure).includes(secret));
    },
  },
  {
    name: "error classes are tagged Errors",
    run: () => {
      const RateLimitError = api(sdk, "RateLimitError");
      const err = new RateLimitError({ endpoint: "GET /api/v1/depth", retryAfterMs: 250 });
      assert.equal(err._tag, "RateLimitError");
      assert.ok(err instanceof Error);
      assert.equal(err.retryAfterMs, 250);
      assert.match(err.message, /retry after 250 ms/);
    },
  },
];

/**
 * Runs the cases sequentially, logs `ok - …` / `not ok - …` per case and finally
 * `<runtime>: N passed, M failed`.
 *
 * @param {string} runtime name printed on the summary line
 * @param {SmokeInput} input
 * @param {(line: string) => void} log
 * @returns {Promise<{ passed: number, failed: number }>}
 */
export const runSmoke = async (runtime, input, log = console.log) => {
  let passed = 0;
  let failed = 0;
  for (const { name, run } of cases(input)) {
    try {
      await run();
      passed++;
      log(`ok - ${name}`);
    } catch (e) {
      failed++;
      log(`not ok - ${name}\n  ${String(e?.stack ?? e).split("\n").join("\n  ")}`);
    }
  }
  log(`${runtime}: ${passed} passed, ${failed} failed`);
  return { passed, failed };
};
