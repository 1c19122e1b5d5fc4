/**
 * Exact conversion between decimal strings and scaled integers (`"18.70"` at 2 decimals ↔ 1870),
 * without `Decimal` or `parseFloat`: the hot path of the order book. A scaled value is a plain
 * `number` and is only produced when it is a safe integer (≤ 2^53 - 1); anything bigger is refused.
 *
 * @module
 */

/** {@link parseScaled} sentinel: the text is not a plain non-negative decimal literal. */
export const SCALE_SYNTAX = -1;
/** {@link parseScaled} sentinel: the text has non-zero digits beyond the requested decimals. */
export const SCALE_TOO_PRECISE = -2;
/** {@link parseScaled} sentinel: the scaled integer would not be a safe integer. */
export const SCALE_UNSAFE = -3;

/** The largest number of decimals a scale may have (10^15 still fits a safe integer). */
export const MAX_DECIMALS = 15;

const POW10: ReadonlyArray<number> = Array.from({ length: MAX_DECIMALS + 1 }, (_, i) => 10 ** i);

/** `10 ** n` for `0 <= n <= MAX_DECIMALS`, exact. */
export const pow10 = (n: number): number => POW10[n];

/**
 * Parses a non-negative decimal string into an integer scaled by `10^decimals`.
 * Returns the integer (≥ 0) or one of the negative sentinels {@link SCALE_SYNTAX},
 * {@link SCALE_TOO_PRECISE} (non-zero digits beyond `decimals`; trailing zeros are fine) or
 * {@link SCALE_UNSAFE}. Accepts `"12"`, `"12.50"`, `".5"`, `"5."`; refuses signs and exponents.
 */
export const parseScaled = (text: string, decimals: number): number => {
  const length = text.length;
  let value = 0;
  let fraction = 0;
  let dot = false;
  let digits = false;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c >= 0 && c <= 9) {
      digits = true;
      if (!dot) value = value * 10 + c;
      else if (fraction < decimals) {
        value = value * 10 + c;
        fraction++;
      } else if (c !== 0) return SCALE_TOO_PRECISE;
    } else if (c === -2 && !dot) dot = true; // "."
    else return SCALE_SYNTAX;
  }
  if (!digits) return SCALE_SYNTAX;
  if (fraction < decimals) value *= POW10[decimals - fraction];
  // Float rounding is monotonic: a true value above 2^53 never rounds back into the safe range.
  return value > Number.MAX_SAFE_INTEGER ? SCALE_UNSAFE : value;
};

/**
 * Number of significant fractional digits of a decimal string (`"0.0100"` → 2, `"12"` → 0).
 * Only meaningful for text {@link parseScaled} does not reject as a syntax error.
 */
export const fractionDigits = (text: string): number => {
  const dot = text.indexOf(".");
  if (dot < 0) return 0;
  let end = text.length;
  while (end > dot + 1 && text.charCodeAt(end - 1) === 48) end--;
  return end - dot - 1;
};

/**
 * Renders the digits of a scaled integer (`"-1870"`, 2 decimals) as a normalised decimal string
 * (`"-18.7"`): no trailing fractional zeros, no leading zeros, `"0"` for zero.
 */
export const formatDigits = (digits: string, decimals: number): string => {
  const negative = digits.charCodeAt(0) === 45; // "-"
  let body = negative ? digits.slice(1) : digits;
  if (decimals > 0) {
    if (body.length <= decimals) body = "0".repeat(decimals - body.length + 1) + body;
    const cut = body.length - decimals;
    let end = body.length;
    while (end > cut && body.charCodeAt(end - 1) === 48) end--;
    body = end > cut ? `${body.slice(0, cut)}.${body.slice(cut, end)}` : body.slice(0, cut);
  }
  return negative && body !== "0" ? `-${body}` : body;
};

/** Renders a scaled integer (`number` or `bigint`) as a normalised decimal string. */
export const formatScaled = (value: number | bigint, decimals: number): string =>
  formatDigits(String(value), decimals);

const DECIMAL_LITERAL = /^(\d+\.?\d*|\.\d+)$/;

/** An exact decimal as an integer and its number of decimals: `value / 10^decimals`. */
export interface Fixed {
  /** The scaled integer. */
  readonly value: bigint;
  /** The number of decimals of the scale. */
  readonly decimals: number;
}

/**
 * Parses a non-negative decimal string of any size exactly (for query arguments, not the hot
 * path). Returns `undefined` when the text is not a plain decimal literal.
 */
export const parseFixed = (text: string): Fixed | undefined => {
  if (!DECIMAL_LITERAL.test(text)) return undefined;
  const dot = text.indexOf(".");
  const whole = dot < 0 ? text : text.slice(0, dot) + text.slice(dot + 1);
  return {
    value: BigInt(whole === "" ? "0" : whole),
    decimals: dot < 0 ? 0 : text.length - dot - 1,
  };
};

/** `value` (scaled by `10^from`) rescaled to `10^to` decimals, `to >= from`. */
export const upscale = (value: bigint, from: number, to: number): bigint =>
  to === from ? value : value * 10n ** BigInt(to - from);
