/**
 * `Decimal` (decimal.js) and the schema that turns Backpack's string-encoded decimals into it.
 * Prices and quantities are never `number` on the public API: decimal strings in, `Decimal` out.
 *
 * @module
 */
import { Decimal } from "decimal.js";
import * as Effect from "effect/Effect";
import * as Schema from "effect/Schema";
import * as SchemaGetter from "effect/SchemaGetter";
import * as SchemaIssue from "effect/SchemaIssue";

export { Decimal };

/** A decimal given by the user: a decimal string (`"0.01"`) or a `Decimal`. Never a `number`. */
export type DecimalInput = string | Decimal;

const DECIMAL_TEXT = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** True when `text` is a plain decimal literal (`"1"`, `"-0.25"`, `"1e-7"`). */
export const isDecimalText = (text: string): boolean => DECIMAL_TEXT.test(text);

const DecimalInstance: Schema.instanceOf<Decimal> = Schema.instanceOf(Decimal, {
  identifier: "Decimal",
});

/** Decodes a decimal string (or a JSON number, which some Backpack payloads use) into a `Decimal`. */
export const DecimalFromString: Schema.decodeTo<
  Schema.instanceOf<Decimal>,
  Schema.Union<readonly [Schema.String, Schema.Number]>
> = Schema.Union([Schema.String, Schema.Number]).pipe(
  Schema.decodeTo(DecimalInstance, {
    decode: SchemaGetter.transformEffect((value: string | number) => {
      const text = String(value).trim();
      return isDecimalText(text)
        ? Effect.succeed(new Decimal(text))
        : Effect.fail(new SchemaIssue.InvalidValue({ message: `not a decimal: ${text}` }, value));
    }),
    encode: SchemaGetter.transform((d: Decimal) => d.toFixed()),
  }),
);
