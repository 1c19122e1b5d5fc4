/**
 * Precision helpers: round prices and quantities onto a market's tick/step, and validate them
 * against the market's filters before an order is sent.
 *
 * Arithmetic is exact (scaled `bigint`s), whatever the number of digits: a price is "on tick" when it
 * is an integer multiple of `tickSize` (counted from zero), a quantity when it is a multiple of
 * `stepSize`. Backpack rejects anything else with "Price decimal too long" /
 * "Quantity decimal too long".
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect";
 * import { roundPrice, validateQuantity } from "./filters.ts";
 * import type { Market } from "../schema/market.ts";
 * declare const market: Market; // tickSize 0.01, stepSize 0.01, minQuantity 0.01
 * roundPrice(market, "101.2345").toFixed(); // "101.23"
 * roundPrice(market, "101.2345", "up").toFixed(); // "101.24"
 * const qty = Effect.runSync(validateQuantity(market, "1.5")); // Decimal 1.5
 * ```
 *
 * @module
 */
import * as Effect from "effect/Effect";
import * as Result from "effect/Result";
import { Decimal, type DecimalInput, isDecimalText } from "../decimal.ts";
import { InvalidInputError } from "../error_classes.ts";
import type { PriceFilter, QuantityFilter } from "../schema/market.ts";

/**
 * How to round onto the tick/step: `"down"` toward −∞, `"up"` toward +∞, `"nearest"` to the closest
 * multiple (halves go up).
 */
export type RoundingMode = "down" | "up" | "nearest";

/** The `filters` object of a market. */
export interface MarketFilters {
  /** Price rules. */
  readonly price: PriceFilter;
  /** Quantity rules. */
  readonly quantity: QuantityFilter;
}

/** A market (anything with `filters`, e.g. a decoded `Market`) or its `filters` object. */
export type FilterSource = { readonly filters: MarketFilters } | MarketFilters;

const filtersOf = (source: FilterSource): MarketFilters =>
  "filters" in source ? source.filters : source;

const malformed = (field: string, value: unknown): InvalidInputError =>
  new InvalidInputError({
    field,
    reason: "Malformed",
    detail: `${
      typeof value === "string" ? JSON.stringify(value) : String(value)
    } is not a decimal: pass a decimal string such as "1.25" or a Decimal`,
  });

/** Parses a {@link DecimalInput}; anything else (numbers, NaN, ±Infinity, junk text) is `Malformed`. */
export const parseDecimal = (
  value: DecimalInput,
  field: string,
): Result.Result<Decimal, InvalidInputError> => {
  if (typeof value === "string") {
    const text = value.trim();
    return isDecimalText(text)
      ? Result.succeed(new Decimal(text))
      : Result.fail(malformed(field, value));
  }
  return Decimal.isDecimal(value) && value.isFinite()
    ? Result.succeed(value)
    : Result.fail(malformed(field, value));
};

/** `value` as an integer count of `10^-scale` units (exact: `scale` ≥ the decimals of `value`). */
const scaled = (value: Decimal, scale: number): bigint =>
  BigInt(value.toFixed(scale).replace(".", ""));

const unscaled = (units: bigint, scale: number): Decimal => new Decimal(`${units}e-${scale}`);

/** Exact floor division parts of `value / step`: quotient (toward −∞) and a non-negative remainder. */
const divide = (value: Decimal, step: Decimal) => {
  const scale = Math.max(value.decimalPlaces(), step.decimalPlaces());
  const x = scaled(value, scale);
  const s = scaled(step, scale);
  let q = x / s;
  let r = x % s;
  if (r < 0n) {
    q -= 1n;
    r += s;
  }
  return { q, r, s, scale };
};

const roundTo = (value: Decimal, step: Decimal, mode: RoundingMode): Decimal => {
  if (!step.isPositive() || step.isZero()) return value;
  const { q, r, s, scale } = divide(value, step);
  const up = r === 0n ? q : q + 1n;
  const units = mode === "down" ? q : mode === "up" ? up : 2n * r >= s ? up : q;
  return unscaled(units * s, scale);
};

const isOnStep = (value: Decimal, step: Decimal): boolean =>
  !step.isPositive() || step.isZero() || divide(value, step).r === 0n;

const orThrow = (result: Result.Result<Decimal, InvalidInputError>): Decimal => {
  if (Result.isFailure(result)) throw result.failure;
  return result.success;
};

/**
 * Rounds `price` onto the market's `tickSize` (default `"nearest"`). Does not clamp to
 * `minPrice`/`maxPrice`: use {@link validatePrice} for that.
 *
 * @throws {InvalidInputError} reason `Malformed` when `price` is not decimal text or a finite Decimal.
 */
export const roundPrice = (
  market: FilterSource,
  price: DecimalInput,
  mode: RoundingMode = "nearest",
): Decimal =>
  roundTo(orThrow(parseDecimal(price, "price")), filtersOf(market).price.tickSize, mode);

/**
 * Rounds `quantity` onto the market's `stepSize` (default `"down"`, so you never send more than you
 * meant). The result may be `0` or below `minQuantity`: use {@link validateQuantity} for that.
 *
 * @throws {InvalidInputError} reason `Malformed` when `quantity` is not decimal text or a finite Decimal.
 */
export const roundQuantity = (
  market: FilterSource,
  quantity: DecimalInput,
  mode: RoundingMode = "down",
): Decimal =>
  roundTo(orThrow(parseDecimal(quantity, "quantity")), filtersOf(market).quantity.stepSize, mode);

/** Decimals allowed in a price: the number of decimals of `tickSize`. */
export const pricePrecision = (market: FilterSource): number =>
  filtersOf(market).price.tickSize.decimalPlaces();

/** Decimals allowed in a quantity: the number of decimals of `stepSize`. */
export const quantityPrecision = (market: FilterSource): number =>
  filtersOf(market).quantity.stepSize.decimalPlaces();

/** An upper bound, when set (absent, `null` and `0` mean unbounded). */
const bound = (max: Decimal | null | undefined): Decimal | undefined =>
  max != null && max.gt(0) ? max : undefined;

const positive = (value: Decimal, field: string): Result.Result<Decimal, InvalidInputError> =>
  value.isPositive() && !value.isZero() ? Result.succeed(value) : Result.fail(
    new InvalidInputError({
      field,
      reason: "OutOfRange",
      detail: `${value.toFixed()} must be greater than 0`,
    }),
  );

const onStep = (
  value: Decimal,
  step: Decimal,
  field: string,
  stepName: string,
): Result.Result<Decimal, InvalidInputError> =>
  isOnStep(value, step) ? Result.succeed(value) : Result.fail(
    new InvalidInputError({
      field,
      reason: "Precision",
      detail:
        `${value.toFixed()} is not a multiple of the ${stepName} ${step.toFixed()} (at most ${step.decimalPlaces()} decimals; nearest below ${
          roundTo(value, step, "down").toFixed()
        }, above ${roundTo(value, step, "up").toFixed()})`,
    }),
  );

/**
 * Checks a price against the market's price filter, without effects: decimal text (`Malformed`),
 * `> 0` (`OutOfRange`), a multiple of `tickSize` (`Precision`), within `[minPrice, maxPrice]`
 * (`OutOfRange`). Returns the parsed `Decimal`. `field` names the input in the error (default
 * `"price"`; e.g. `"triggerPrice"`).
 */
export const checkPrice = (
  market: FilterSource,
  price: DecimalInput,
  field = "price",
): Result.Result<Decimal, InvalidInputError> => {
  const filter = filtersOf(market).price;
  return parseDecimal(price, field).pipe(
    Result.flatMap((value) => positive(value, field)),
    Result.flatMap((value) => onStep(value, filter.tickSize, field, "tickSize")),
    Result.flatMap((value) => {
      const { minPrice } = filter;
      const maxPrice = bound(filter.maxPrice);
      return value.lt(minPrice) || (maxPrice !== undefined && value.gt(maxPrice))
        ? Result.fail(
          new InvalidInputError({
            field,
            reason: "OutOfRange",
            detail: `${value.toFixed()} is outside [${minPrice.toFixed()}, ${
              maxPrice === undefined ? "∞" : maxPrice.toFixed()
            }]`,
          }),
        )
        : Result.succeed(value);
    }),
  );
};

/**
 * Checks a quantity against the market's quantity filter, without effects: decimal text
 * (`Malformed`), `> 0` (`OutOfRange`), a multiple of `stepSize` (`Precision`), `≥ minQuantity`
 * (`BelowMinimum`), `≤ maxQuantity` when bounded (`OutOfRange`). Returns the parsed `Decimal`.
 */
export const checkQuantity = (
  market: FilterSource,
  quantity: DecimalInput,
  field = "quantity",
): Result.Result<Decimal, InvalidInputError> => {
  const filter = filtersOf(market).quantity;
  return parseDecimal(quantity, field).pipe(
    Result.flatMap((value) => positive(value, field)),
    Result.flatMap((value) => onStep(value, filter.stepSize, field, "stepSize")),
    Result.flatMap((value) => {
      if (value.lt(filter.minQuantity)) {
        return Result.fail(
          new InvalidInputError({
            field,
            reason: "BelowMinimum",
            detail:
              `${value.toFixed()} is below the minimum quantity ${filter.minQuantity.toFixed()}`,
          }),
        );
      }
      const max = bound(filter.maxQuantity);
      return max !== undefined && value.gt(max)
        ? Result.fail(
          new InvalidInputError({
            field,
            reason: "OutOfRange",
            detail: `${value.toFixed()} is above the maximum quantity ${max.toFixed()}`,
          }),
        )
        : Result.succeed(value);
    }),
  );
};

/** {@link checkPrice} as an Effect: the parsed price, or `InvalidInputError`. */
export const validatePrice = (
  market: FilterSource,
  price: DecimalInput,
  field = "price",
): Effect.Effect<Decimal, InvalidInputError> =>
  Effect.suspend(() => Effect.fromResult(checkPrice(market, price, field)));

/** {@link checkQuantity} as an Effect: the parsed quantity, or `InvalidInputError`. */
export const validateQuantity = (
  market: FilterSource,
  quantity: DecimalInput,
  field = "quantity",
): Effect.Effect<Decimal, InvalidInputError> =>
  Effect.suspend(() => Effect.fromResult(checkQuantity(market, quantity, field)));
