/**
 * Decimal helpers of the engine: a 40-digit `Decimal` clone (so balances of 1e12 keep their
 * cents exact) and small rounding helpers for ticks and steps.
 *
 * @module
 */
import { Decimal } from "decimal.js";

/** The engine's Decimal constructor (precision 40, half-up rounding). */
export const Dec: typeof Decimal = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
});

/** The engine's zero. */
export const ZERO: Decimal = new Dec(0);

/** A Decimal in the engine's precision. */
export const d = (value: Decimal.Value): Decimal => new Dec(value);

/** Rounds `value` down to a multiple of `step` (toward zero). */
export const floorTo = (value: Decimal, step: Decimal): Decimal =>
  value.div(step).floor().mul(step);

/** Rounds `value` to the nearest multiple of `step`. */
export const roundTo = (value: Decimal, step: Decimal): Decimal =>
  value.div(step).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).mul(step);

/** The smaller of two decimals. */
export const min = (a: Decimal, b: Decimal): Decimal => (a.lt(b) ? a : b);

/** The larger of two decimals. */
export const max = (a: Decimal, b: Decimal): Decimal => (a.gt(b) ? a : b);

/** Plain decimal text (never exponent notation). */
export const str = (value: Decimal): string => value.toFixed();
