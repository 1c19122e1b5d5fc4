/**
 * Market symbol mapping between the forms people write and Backpack's own symbols.
 *
 * Backpack symbols are `<BASE>_<QUOTE>` (spot), `<BASE>_<QUOTE>_PERP` (USDC-margined perpetuals)
 * and `<BASE>_<QUOTE>_RFQ` (RFQ markets). {@link toBackpackSymbol} accepts:
 *
 * | written as | becomes |
 * |---|---|
 * | `SOL_USDC`, `SOL-USDC`, `SOL/USDC`, `sol_usdc` | `SOL_USDC` |
 * | `SOL_USDC_PERP`, `SOL-USDC-PERP`, `SOL/USDC/PERP`, `SOL-USDC:PERP`, `sol-usdc-perp` | `SOL_USDC_PERP` |
 * | ccxt swap `SOL/USDC:USDC` (settle asset = quote) | `SOL_USDC_PERP` |
 * | `SOL_USDC_RFQ`, `SOL-USDC-RFQ` | `SOL_USDC_RFQ` |
 *
 * Exact rules:
 * - Surrounding whitespace is ignored. `_`, `-` and `/` separate base, quote and suffix; one `:`
 *   may introduce a ccxt-style settle asset or suffix after `BASE/QUOTE`.
 * - Base and quote are letters, digits and dots (`SPCX.US`, `kPEPE`).
 * - Case: an input without any uppercase letter is uppercased entirely (`sol_usdc` → `SOL_USDC`).
 *   Otherwise base and quote keep their case (`kPEPE-USDC` → `kPEPE_USDC`) and only the suffix is
 *   uppercased (`kPEPE-USDC-perp` → `kPEPE_USDC_PERP`). So an all-lowercase `kpepe_usdc` becomes
 *   `KPEPE_USDC`; `MarketCache.get` resolves that case-insensitively against the listed markets.
 * - Anything else (one part, four parts, an unknown suffix, a settle asset other than the quote)
 *   fails with `InvalidInputError` (`Malformed`; `Missing` when empty). Markets of other types
 *   (`IPERP`, `DATED`, `PREDICTION`) have their own names: look them up in the market list, never
 *   assemble them from parts.
 *
 * @example
 * ```ts
 * import { fromBackpackSymbol, toBackpackSymbol, toDashed } from "./symbols.ts";
 * toBackpackSymbol("SOL/USDC:USDC"); // "SOL_USDC_PERP"
 * fromBackpackSymbol("SOL_USDC_PERP"); // { symbol: "SOL_USDC_PERP", base: "SOL", quote: "USDC", type: "PERP" }
 * toDashed("SOL_USDC_PERP"); // "SOL-USDC-PERP"
 * ```
 *
 * @module
 */
import * as Result from "effect/Result";
import { InvalidInputError } from "../error_classes.ts";

/** The market types a symbol's shape tells apart. */
export type SymbolType = "SPOT" | "PERP" | "RFQ";

/** A symbol split into its parts. */
export interface ParsedSymbol {
  /** Backpack symbol, e.g. `SOL_USDC_PERP`. */
  readonly symbol: string;
  /** Base asset, e.g. `SOL`. */
  readonly base: string;
  /** Quote asset, e.g. `USDC`. */
  readonly quote: string;
  /** Market type implied by the suffix (none: `SPOT`). */
  readonly type: SymbolType;
}

const ASSET = /^[A-Za-z0-9.]+$/;
const SUFFIXES: Readonly<Record<string, SymbolType>> = { PERP: "PERP", RFQ: "RFQ" };

const malformed = (input: string, why: string): InvalidInputError =>
  new InvalidInputError({
    field: "symbol",
    reason: "Malformed",
    detail: `${JSON.stringify(input)} ${why}: write BASE_QUOTE (SOL_USDC, SOL-USDC, SOL/USDC), ` +
      "BASE_QUOTE_PERP (SOL-USDC-PERP, SOL-USDC:PERP, SOL/USDC:USDC) or BASE_QUOTE_RFQ",
  });

const make = (base: string, quote: string, type: SymbolType): ParsedSymbol => ({
  symbol: type === "SPOT" ? `${base}_${quote}` : `${base}_${quote}_${type}`,
  base,
  quote,
  type,
});

/**
 * Parses any accepted symbol form (see the module docs) without throwing: the Backpack symbol and
 * its parts, or `InvalidInputError`.
 */
export const parseSymbol = (input: unknown): Result.Result<ParsedSymbol, InvalidInputError> => {
  if (input === undefined || input === null || input === "") {
    return Result.fail(
      new InvalidInputError({
        field: "symbol",
        reason: "Missing",
        detail: "a market symbol such as SOL_USDC is required",
      }),
    );
  }
  if (typeof input !== "string") return Result.fail(malformed(String(input), "is not a string"));
  const trimmed = input.trim();
  const text = /[A-Z]/.test(trimmed) ? trimmed : trimmed.toUpperCase();
  const [pair, settle, ...extra] = text.split(":");
  if (extra.length > 0) return Result.fail(malformed(input, "has more than one ':'"));
  const parts = pair.split(/[_\-/]/);
  if (parts.some((part) => !ASSET.test(part))) {
    return Result.fail(malformed(input, "has an empty or invalid part"));
  }
  if (settle !== undefined) {
    if (parts.length !== 2) return Result.fail(malformed(input, "has a ':' suffix after 3 parts"));
    const [base, quote] = parts;
    const suffix = settle.toUpperCase();
    return suffix === "PERP" || suffix === quote.toUpperCase()
      ? Result.succeed(make(base, quote, "PERP"))
      : Result.fail(malformed(input, `settles in ${settle}, not in the quote ${quote}`));
  }
  if (parts.length === 2) return Result.succeed(make(parts[0], parts[1], "SPOT"));
  const type = parts.length === 3 ? SUFFIXES[parts[2].toUpperCase()] : undefined;
  return type === undefined
    ? Result.fail(malformed(input, "is not BASE_QUOTE with an optional _PERP or _RFQ suffix"))
    : Result.succeed(make(parts[0], parts[1], type));
};

const orThrow = <A>(result: Result.Result<A, InvalidInputError>): A => {
  if (Result.isFailure(result)) throw result.failure;
  return result.success;
};

/**
 * The Backpack symbol for any accepted form: `SOL-USDC` → `SOL_USDC`, `SOL/USDC:USDC` →
 * `SOL_USDC_PERP`. See the module docs for the exact rules.
 *
 * @throws {InvalidInputError} `Malformed` (or `Missing`) for anything else.
 */
export const toBackpackSymbol = (input: string): string => orThrow(parseSymbol(input)).symbol;

/**
 * Splits a symbol (Backpack's or any accepted form) into base, quote and type.
 *
 * @throws {InvalidInputError} `Malformed` (or `Missing`) when it is not an accepted form.
 */
export const fromBackpackSymbol = (symbol: string): ParsedSymbol => orThrow(parseSymbol(symbol));

/**
 * The dashed form: `SOL_USDC` → `SOL-USDC`, `SOL_USDC_PERP` → `SOL-USDC-PERP`.
 *
 * @throws {InvalidInputError} `Malformed` (or `Missing`) when it is not an accepted form.
 */
export const toDashed = (symbol: string): string => {
  const { base, quote, type } = fromBackpackSymbol(symbol);
  return type === "SPOT" ? `${base}-${quote}` : `${base}-${quote}-${type}`;
};
