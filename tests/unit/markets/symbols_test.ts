import assert from "node:assert/strict";
import * as Result from "effect/Result";
import fc from "fast-check";
import { InvalidInputError } from "../../../src/error_classes.ts";
import {
  fromBackpackSymbol,
  parseSymbol,
  type SymbolType,
  toBackpackSymbol,
  toDashed,
} from "../../../src/markets/symbols.ts";

Deno.test("toBackpackSymbol: every documented spot form", () => {
  for (const input of ["SOL_USDC", "SOL-USDC", "SOL/USDC", "sol_usdc", " sol-usdc ", "sol/usdc"]) {
    assert.equal(toBackpackSymbol(input), "SOL_USDC", input);
  }
});

Deno.test("toBackpackSymbol: every documented perp form", () => {
  for (
    const input of [
      "SOL_USDC_PERP",
      "SOL-USDC-PERP",
      "SOL/USDC/PERP",
      "SOL-USDC:PERP",
      "SOL_USDC:PERP",
      "SOL/USDC:USDC",
      "sol/usdc:usdc",
      "sol-usdc-perp",
      "SOL-USDC-perp",
    ]
  ) {
    assert.equal(toBackpackSymbol(input), "SOL_USDC_PERP", input);
  }
  assert.equal(toBackpackSymbol("SOL-USDC-RFQ"), "SOL_USDC_RFQ");
});

Deno.test("toBackpackSymbol: mixed-case bases and dotted tickers are kept", () => {
  assert.equal(toBackpackSymbol("kPEPE-USDC-perp"), "kPEPE_USDC_PERP");
  assert.equal(toBackpackSymbol("kBONK/USDC:USDC"), "kBONK_USDC_PERP");
  assert.equal(toBackpackSymbol("SPCX.US/USDC"), "SPCX.US_USDC");
  assert.equal(toBackpackSymbol("kpepe_usdc"), "KPEPE_USDC"); // all-lowercase: uppercased
});

Deno.test("parseSymbol: invalid forms are typed InvalidInputErrors", () => {
  const cases: Array<[unknown, string]> = [
    ["", "Missing"],
    [undefined, "Missing"],
    [42, "Malformed"],
    ["SOL", "Malformed"],
    ["SOLUSDC", "Malformed"],
    ["SOL__USDC", "Malformed"],
    ["SOL_USDC_PERP_X", "Malformed"],
    ["SOL_USDC_DATED", "Malformed"],
    ["SOL/USDC:USDT", "Malformed"],
    ["SOL/USDC:USDC:X", "Malformed"],
    ["SOL_USDC_PERP:PERP", "Malformed"],
    ["SOL USDC", "Malformed"],
  ];
  for (const [input, reason] of cases) {
    const result = parseSymbol(input);
    assert.ok(Result.isFailure(result), String(input));
    assert.equal(result.failure.reason, reason, String(input));
    assert.equal(result.failure.field, "symbol");
  }
  assert.throws(
    () => toBackpackSymbol("BTC"),
    (e: unknown) => e instanceof InvalidInputError && /SOL-USDC:PERP/.test(e.detail),
  );
});

Deno.test("fromBackpackSymbol and toDashed", () => {
  assert.deepEqual(fromBackpackSymbol("SOL_USDC_PERP"), {
    symbol: "SOL_USDC_PERP",
    base: "SOL",
    quote: "USDC",
    type: "PERP",
  });
  assert.deepEqual(fromBackpackSymbol("BTC_USDC"), {
    symbol: "BTC_USDC",
    base: "BTC",
    quote: "USDC",
    type: "SPOT",
  });
  assert.equal(toDashed("SOL_USDC"), "SOL-USDC");
  assert.equal(toDashed("SOL_USDC_PERP"), "SOL-USDC-PERP");
  assert.equal(toDashed("SOL/USDC:USDC"), "SOL-USDC-PERP");
});

const assetArb = fc.stringMatching(/^[A-Z][A-Z0-9]{0,6}(\.[A-Z]{1,3})?$/);
const kAssetArb = fc.oneof(assetArb, assetArb.map((a) => `k${a}`));
const typeArb = fc.constantFrom<SymbolType>("SPOT", "PERP", "RFQ");

/** Every way the same market can be written. */
const writings = (base: string, quote: string, type: SymbolType): Array<string> => {
  if (type === "SPOT") return [`${base}_${quote}`, `${base}-${quote}`, `${base}/${quote}`];
  const forms = [
    `${base}_${quote}_${type}`,
    `${base}-${quote}-${type}`,
    `${base}/${quote}/${type}`,
  ];
  forms.push(`${base}-${quote}-${type.toLowerCase()}`);
  if (type === "PERP") forms.push(`${base}-${quote}:PERP`, `${base}/${quote}:${quote}`);
  return forms;
};

Deno.test("property: all accepted forms map to one symbol, which round-trips", () => {
  fc.assert(
    fc.property(kAssetArb, assetArb, typeArb, (base, quote, type) => {
      const expected = type === "SPOT" ? `${base}_${quote}` : `${base}_${quote}_${type}`;
      for (const form of writings(base, quote, type)) {
        assert.equal(toBackpackSymbol(form), expected, form);
      }
      const lower = writings(base, quote, type)[1].toLowerCase();
      assert.equal(toBackpackSymbol(lower), expected.toUpperCase());
      assert.deepEqual(fromBackpackSymbol(expected), { symbol: expected, base, quote, type });
      assert.equal(toBackpackSymbol(toDashed(expected)), expected);
      assert.equal(toBackpackSymbol(expected), expected);
    }),
  );
});
