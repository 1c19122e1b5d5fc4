import assert from "node:assert/strict";
import { Decimal } from "decimal.js";
import fc from "fast-check";
import { renderValue, signingString, type SignParams } from "../../../src/auth/signing_string.ts";
import { expectedSignature, ORDER_EXECUTE_EXAMPLE } from "./vectors.ts";
import batchBody from "./order_batch.request.json" with { type: "json" };

// Worked examples of REFERENCE §2.5–2.9: every expected string is also a signing vector message,
// so `expectedSignature` fails the test if the two ever disagree.
const EXAMPLES: ReadonlyArray<{
  readonly name: string;
  readonly instruction: string;
  readonly params: SignParams | ReadonlyArray<SignParams>;
  readonly timestamp: number;
  readonly expected: string;
}> = [
  {
    name: "§2.5 GET with params",
    instruction: "orderQuery",
    params: { symbol: "ETH_USDC", orderId: "8284661092" },
    timestamp: 1700000000000,
    expected:
      "instruction=orderQuery&orderId=8284661092&symbol=ETH_USDC&timestamp=1700000000000&window=5000",
  },
  {
    name: "§2.5 GET without params",
    instruction: "balanceQuery",
    params: {},
    timestamp: 1700000000000,
    expected: "instruction=balanceQuery&timestamp=1700000000000&window=5000",
  },
  {
    name: "§2.6 POST order",
    instruction: "orderExecute",
    params: ORDER_EXECUTE_EXAMPLE.params,
    timestamp: ORDER_EXECUTE_EXAMPLE.timestamp,
    expected: ORDER_EXECUTE_EXAMPLE.message,
  },
  {
    name: "§2.7 DELETE",
    instruction: "orderCancel",
    params: { orderId: 28, symbol: "BTC_USDT" },
    timestamp: 1614550000000,
    expected:
      "instruction=orderCancel&orderId=28&symbol=BTC_USDT&timestamp=1614550000000&window=5000",
  },
  {
    name: "§2.8 batch (fixture body)",
    instruction: "orderExecute",
    params: batchBody,
    timestamp: 1750793021519,
    expected:
      "instruction=orderExecute&orderType=Limit&price=141&quantity=12&side=Bid&symbol=SOL_USDC_PERP&instruction=orderExecute&orderType=Limit&price=140&quantity=11&side=Bid&symbol=SOL_USDC_PERP&timestamp=1750793021519&window=5000",
  },
  {
    name: "§6.3 WS subscribe",
    instruction: "subscribe",
    params: {},
    timestamp: 1700000000000,
    expected: "instruction=subscribe&timestamp=1700000000000&window=5000",
  },
  {
    name: "§2.9 fills history",
    instruction: "fillHistoryQueryAll",
    params: { symbol: "ETH_USDC", limit: 1, from: 1754062378000, fillType: "User" },
    timestamp: 1700000000000,
    expected:
      "instruction=fillHistoryQueryAll&fillType=User&from=1754062378000&limit=1&symbol=ETH_USDC&timestamp=1700000000000&window=5000",
  },
];

Deno.test("worked examples of the reference reproduce exactly (and are signing vectors)", () => {
  for (const ex of EXAMPLES) {
    assert.equal(
      signingString(ex.instruction, ex.params, ex.timestamp, 5000),
      ex.expected,
      ex.name,
    );
    assert.equal(expectedSignature(ex.expected).length, 88, ex.name);
  }
});

Deno.test("§2.7 with the orderId as a string signs the same text", () => {
  assert.equal(
    signingString("orderCancel", { orderId: "28", symbol: "BTC_USDT" }, 1614550000000, 5000),
    EXAMPLES[3]!.expected,
  );
});

Deno.test("renderValue: decimals as plain text, bigint, booleans lowercase", () => {
  assert.equal(renderValue(new Decimal("1e-7")), "0.0000001");
  assert.equal(renderValue(new Decimal("4000.50")), "4000.5");
  assert.equal(renderValue(12345678901234567890n), "12345678901234567890");
  assert.equal(renderValue(true), "true");
  assert.equal(renderValue(false), "false");
  assert.equal(renderValue("50%"), "50%");
});

const key = fc.stringMatching(/^[a-z][A-Za-z]{0,12}$/);
const value: fc.Arbitrary<SignParams[string]> = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_.]{1,12}$/),
  fc.integer({ min: 0, max: 2 ** 32 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
const params = fc.dictionary(key, value, { maxKeys: 12 });

const shuffled = <A>(xs: ReadonlyArray<A>, seed: number): A[] => {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};

Deno.test("property: param insertion order never changes the signing string", () => {
  fc.assert(
    fc.property(params, fc.integer(), (p, seed) => {
      const reordered = Object.fromEntries(shuffled(Object.entries(p), seed));
      assert.equal(
        signingString("orderExecute", reordered, 1, 5000),
        signingString("orderExecute", p, 1, 5000),
      );
    }),
  );
});

Deno.test("property: booleans lowercase, null/undefined dropped, keys sorted", () => {
  fc.assert(
    fc.property(params, fc.nat(), fc.integer({ min: 1, max: 60000 }), (p, ts, window) => {
      const text = signingString("x", p, ts, window);
      assert.ok(!/=(True|False|TRUE|FALSE|null|undefined)(&|$)/.test(text), text);
      const pairs = text.split("&").map((kv) => kv.split("=") as [string, string]);
      assert.deepEqual(pairs[0], ["instruction", "x"]);
      assert.deepEqual(pairs.at(-2), ["timestamp", String(ts)]);
      assert.deepEqual(pairs.at(-1), ["window", String(window)]);
      const body = pairs.slice(1, -2);
      const kept = Object.entries(p).filter(([, v]) => v !== null && v !== undefined);
      assert.deepEqual(body.map(([k]) => k), kept.map(([k]) => k).sort());
      for (const [k, v] of body) {
        const original = p[k];
        const want = original === true ? "true" : original === false ? "false" : String(original);
        assert.equal(v, want);
      }
    }),
  );
});

Deno.test("property: a batch is its segments joined in array order, timestamp once", () => {
  fc.assert(
    fc.property(fc.array(params, { minLength: 1, maxLength: 5 }), (batch) => {
      const text = signingString("orderExecute", batch, 7, 5000);
      const segments = batch.map((p) =>
        signingString("orderExecute", p, 7, 5000).replace(/&timestamp=7&window=5000$/, "")
      );
      assert.equal(text, `${segments.join("&")}&timestamp=7&window=5000`);
    }),
  );
});
