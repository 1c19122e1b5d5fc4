import assert from "node:assert/strict";
import fc from "fast-check";
import { Decimal } from "decimal.js";
import {
  formatDigits,
  formatScaled,
  fractionDigits,
  parseFixed,
  parseScaled,
  SCALE_SYNTAX,
  SCALE_TOO_PRECISE,
  SCALE_UNSAFE,
} from "../../../src/orderbook/price_scale.ts";

const digits = (min: number, max: number) =>
  fc.array(fc.constantFrom(..."0123456789"), { minLength: min, maxLength: max }).map((d) =>
    d.join("")
  );

/** Decimal literals as Backpack sends them, with stray leading/trailing zeros; ≤ 15 digits. */
const decimalText = fc.tuple(digits(1, 8), fc.option(digits(0, 7), { nil: undefined })).map((
  [whole, fraction],
) => (fraction === undefined ? whole : `${whole}.${fraction}`));

Deno.test("parseScaled/formatScaled round-trip any decimal string to its normal form", () => {
  fc.assert(
    fc.property(decimalText, fc.integer({ min: 0, max: 7 }), (text, extra) => {
      const decimals = fractionDigits(text) + extra;
      const exact = BigInt(new Decimal(text).mul(new Decimal(10).pow(decimals)).toFixed());
      const scaled = parseScaled(text, decimals);
      if (exact > BigInt(Number.MAX_SAFE_INTEGER)) {
        assert.equal(scaled, SCALE_UNSAFE, text);
        return;
      }
      assert.equal(BigInt(scaled), exact, text);
      assert.equal(formatScaled(scaled, decimals), new Decimal(text).toFixed());
    }),
    { numRuns: 3000 },
  );
});

Deno.test("parseScaled reports non-zero digits beyond the scale, accepts trailing zeros", () => {
  assert.equal(parseScaled("18.70", 1), 187);
  assert.equal(parseScaled("18.70", 2), 1870);
  assert.equal(parseScaled("0.000", 0), 0);
  assert.equal(parseScaled("18.75", 1), SCALE_TOO_PRECISE);
  assert.equal(parseScaled(".5", 1), 5);
  assert.equal(parseScaled("5.", 0), 5);
  assert.equal(fractionDigits("18.7500"), 2);
  assert.equal(fractionDigits("18"), 0);
});

Deno.test("parseScaled refuses signs, exponents, empty and malformed text", () => {
  for (const text of ["", ".", "-1", "+1", "1e5", "1.2.3", " 1", "1,5", "0x10", "NaN"]) {
    assert.equal(parseScaled(text, 4), SCALE_SYNTAX, text);
  }
});

Deno.test("parseScaled refuses values beyond 2^53 - 1 instead of rounding", () => {
  assert.equal(parseScaled("9007199254740991", 0), Number.MAX_SAFE_INTEGER);
  assert.equal(parseScaled("9007199254740992", 0), SCALE_UNSAFE);
  assert.equal(parseScaled("900719925474.0992", 4), SCALE_UNSAFE);
  assert.equal(parseScaled("1".repeat(400), 0), SCALE_UNSAFE);
});

Deno.test("formatDigits normalises sign, leading and trailing zeros", () => {
  assert.equal(formatDigits("0", 3), "0");
  assert.equal(formatDigits("5", 3), "0.005");
  assert.equal(formatDigits("-1870", 2), "-18.7");
  assert.equal(formatDigits("-0", 2), "0");
  assert.equal(formatScaled(123456789012345678901234567890n, 10), "12345678901234567890.123456789");
});

Deno.test("parseFixed is exact for any size and refuses non-decimals", () => {
  assert.deepEqual(parseFixed("123456789012345678901.50"), {
    value: 12345678901234567890150n,
    decimals: 2,
  });
  assert.deepEqual(parseFixed(".5"), { value: 5n, decimals: 1 });
  assert.equal(parseFixed("1e3"), undefined);
  assert.equal(parseFixed("-1"), undefined);
});
