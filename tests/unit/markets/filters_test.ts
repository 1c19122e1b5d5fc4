import assert from "node:assert/strict";
import * as Effect from "effect/Effect";
import * as Result from "effect/Result";
import fc from "fast-check";
import { Decimal } from "../../../src/decimal.ts";
import { InvalidInputError } from "../../../src/error_classes.ts";
import {
  checkPrice,
  checkQuantity,
  type MarketFilters,
  pricePrecision,
  quantityPrecision,
  roundPrice,
  roundQuantity,
  validatePrice,
  validateQuantity,
} from "../../../src/markets/filters.ts";

const d = (text: string): Decimal => new Decimal(text);

const filters = (tick: string, step: string, extra: Partial<{
  minPrice: string;
  maxPrice: string | null;
  minQuantity: string;
  maxQuantity: string | null;
}> = {}): MarketFilters => ({
  price: {
    tickSize: d(tick),
    minPrice: d(extra.minPrice ?? tick),
    maxPrice: extra.maxPrice == null ? null : d(extra.maxPrice),
  },
  quantity: {
    stepSize: d(step),
    minQuantity: d(extra.minQuantity ?? step),
    maxQuantity: extra.maxQuantity == null ? null : d(extra.maxQuantity),
  },
});

const SOL = { filters: filters("0.01", "0.01", { maxPrice: "1000", maxQuantity: "5000" }) };
const kPEPE = filters("0.000001", "1", { minQuantity: "10" });

const failure = (result: Result.Result<Decimal, InvalidInputError>): InvalidInputError => {
  assert.ok(Result.isFailure(result), "expected a failure");
  return result.failure;
};

Deno.test("roundPrice: nearest by default, down and up on request", () => {
  assert.equal(roundPrice(SOL, "101.2345").toFixed(), "101.23");
  assert.equal(roundPrice(SOL, "101.235").toFixed(), "101.24");
  assert.equal(roundPrice(SOL, "101.2345", "down").toFixed(), "101.23");
  assert.equal(roundPrice(SOL, "101.2301", "up").toFixed(), "101.24");
  assert.equal(roundPrice(SOL, "101.23", "up").toFixed(), "101.23");
  assert.equal(roundPrice(kPEPE, d("0.0000125"), "down").toFixed(), "0.000012");
});

Deno.test("roundPrice: odd tick sizes and exactness beyond 20 significant digits", () => {
  const m = filters("0.05", "0.5");
  assert.equal(roundPrice(m, "1.07").toFixed(), "1.05");
  assert.equal(roundPrice(m, "1.075").toFixed(), "1.1");
  assert.equal(roundQuantity(m, "2.99").toFixed(), "2.5");
  const fine = filters("0.000000000000000001", "1");
  assert.equal(
    roundPrice(fine, "123456789012.1234567890123456789", "down").toFixed(),
    "123456789012.123456789012345678",
  );
});

Deno.test("roundQuantity: down by default (never more than asked)", () => {
  assert.equal(roundQuantity(SOL, "1.239").toFixed(), "1.23");
  assert.equal(roundQuantity(SOL, "1.231", "nearest").toFixed(), "1.23");
  assert.equal(roundQuantity(kPEPE, "12345.9").toFixed(), "12345");
  assert.equal(roundQuantity(SOL, "0.001").toFixed(), "0");
});

Deno.test("round*: malformed input throws a typed InvalidInputError", () => {
  for (const bad of ["", "abc", "1,5", "NaN", "Infinity", "0x10"]) {
    assert.throws(
      () => roundPrice(SOL, bad),
      (e: unknown) => e instanceof InvalidInputError && e.reason === "Malformed",
    );
  }
  assert.throws(
    () => roundQuantity(SOL, new Decimal(NaN)),
    (e: unknown) => e instanceof InvalidInputError && e.field === "quantity",
  );
});

Deno.test("precision helpers count the decimals of tick and step", () => {
  assert.equal(pricePrecision(SOL), 2);
  assert.equal(quantityPrecision(SOL), 2);
  assert.equal(pricePrecision(kPEPE), 6);
  assert.equal(quantityPrecision(kPEPE), 0);
});

Deno.test("checkPrice: each rule with its reason and a detail naming the tick", () => {
  assert.equal(failure(checkPrice(SOL, "1.2.3")).reason, "Malformed");
  assert.equal(failure(checkPrice(SOL, "0")).reason, "OutOfRange");
  assert.equal(failure(checkPrice(SOL, "-1")).reason, "OutOfRange");
  const precision = failure(checkPrice(SOL, "101.234"));
  assert.equal(precision.reason, "Precision");
  assert.equal(precision.field, "price");
  assert.match(precision.detail, /tickSize 0\.01/);
  assert.match(precision.detail, /101\.23.*101\.24/);
  const range = failure(checkPrice(SOL, "1000.01"));
  assert.equal(range.reason, "OutOfRange");
  assert.match(range.detail, /\[0\.01, 1000\]/);
  assert.equal(
    failure(checkPrice(filters("0.5", "1", { minPrice: "1" }), "0.5")).reason,
    "OutOfRange",
  );
  assert.equal(failure(checkPrice(SOL, "1.001", "triggerPrice")).field, "triggerPrice");
  const ok = checkPrice(SOL, " 150.5 ");
  assert.ok(Result.isSuccess(ok) && ok.success.eq("150.5"));
  assert.ok(Result.isSuccess(checkPrice(kPEPE, "99999999"))); // unbounded maxPrice
});

Deno.test("checkQuantity: precision, minimum, maximum", () => {
  const precision = failure(checkQuantity(SOL, "0.015"));
  assert.equal(precision.reason, "Precision");
  assert.match(precision.detail, /stepSize 0\.01/);
  const below = failure(checkQuantity(kPEPE, "9"));
  assert.equal(below.reason, "BelowMinimum");
  assert.match(below.detail, /minimum quantity 10/);
  assert.equal(failure(checkQuantity(SOL, "5000.01")).reason, "OutOfRange");
  assert.equal(failure(checkQuantity(SOL, "0")).reason, "OutOfRange");
  assert.ok(Result.isSuccess(checkQuantity(SOL, "5000")));
  assert.ok(Result.isSuccess(checkQuantity(kPEPE, d("10"))));
});

Deno.test("validatePrice/validateQuantity: Effect wrappers", async () => {
  assert.equal((await Effect.runPromise(validatePrice(SOL, "2.5"))).toFixed(), "2.5");
  const error = await Effect.runPromise(Effect.flip(validateQuantity(SOL, "0.001")));
  assert.ok(error instanceof InvalidInputError);
  assert.equal(error.reason, "Precision");
});

// ---- properties -----------------------------------------------------------------------------

/** A step such as 0.01, 0.5, 25, 0.000001: digits × 10^-exp. */
const stepArb = fc.record({
  digits: fc.constantFrom(1, 2, 5, 25),
  exp: fc.integer({ min: -2, max: 8 }),
})
  .map(({ digits, exp }) => new Decimal(`${digits}e${-exp}`));
/** A positive decimal with up to 12 decimals. */
const valueArb = fc.record({
  units: fc.bigInt({ min: 1n, max: 10n ** 16n }),
  exp: fc.integer({ min: 0, max: 12 }),
}).map(({ units, exp }) => new Decimal(`${units}e-${exp}`));
const modeArb = fc.constantFrom("down" as const, "up" as const, "nearest" as const);

Deno.test("property: rounding lands on the step, brackets the input and is idempotent", () => {
  fc.assert(
    fc.property(stepArb, valueArb, modeArb, (step, value, mode) => {
      const m = filters(step.toFixed(), step.toFixed());
      const down = roundPrice(m, value, "down");
      const up = roundPrice(m, value, "up");
      const rounded = roundPrice(m, value, mode);
      assert.ok(down.lte(value) && value.lte(up));
      assert.ok(up.minus(down).lte(step));
      assert.ok(rounded.mod(step).isZero());
      assert.ok(rounded.eq(down) || rounded.eq(up));
      assert.ok(roundPrice(m, rounded, mode).eq(rounded));
      assert.ok(roundQuantity(m, value, mode).eq(rounded));
      if (mode === "nearest") {
        assert.ok(rounded.minus(value).abs().lte(step.div(2)));
      }
    }),
  );
});

Deno.test("property: validate accepts exactly the values already on the step", () => {
  fc.assert(
    fc.property(stepArb, valueArb, (step, value) => {
      const m = filters(step.toFixed(), step.toFixed());
      const onStep = roundPrice(m, value, "down").eq(value);
      const price = checkPrice(m, value);
      const quantity = checkQuantity(m, value);
      if (value.lt(step)) {
        assert.ok(Result.isFailure(price) && Result.isFailure(quantity));
      } else if (onStep) {
        assert.ok(Result.isSuccess(price) && price.success.eq(value));
        assert.ok(Result.isSuccess(quantity) && quantity.success.eq(value));
      } else {
        assert.equal(failure(price).reason, "Precision");
        assert.equal(failure(quantity).reason, "Precision");
      }
      const rounded = roundPrice(m, value, "up");
      assert.ok(Result.isSuccess(checkPrice(m, rounded)));
    }),
  );
});
