/**
 * Small schemas shared by the REST models: Backpack's naive UTC timestamps, integers that some
 * payloads send as strings, and the "optional and maybe null" field shape.
 *
 * @module
 */
import * as Effect from "effect/Effect";
import * as Schema from "effect/Schema";
import * as SchemaGetter from "effect/SchemaGetter";
import * as SchemaIssue from "effect/SchemaIssue";

const NAIVE_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?$/;

/**
 * A timezone-less ISO-8601 date-time (`2025-07-23T13:55:54.267`, which Backpack means as UTC), or
 * one with an explicit zone, decoded to a `Date`. Encodes back to the naive UTC form.
 */
export const NaiveUtcDate: Schema.decodeTo<Schema.Date, Schema.String> = Schema.String.pipe(
  Schema.decodeTo(Schema.Date, {
    decode: SchemaGetter.transformEffect((text: string) => {
      const iso = NAIVE_DATE_TIME.test(text) ? `${text.replace(" ", "T")}Z` : text;
      const date = new Date(iso);
      return Number.isNaN(date.getTime())
        ? Effect.fail(new SchemaIssue.InvalidValue({ message: `not a date-time: ${text}` }, text))
        : Effect.succeed(date);
    }),
    encode: SchemaGetter.transform((date: Date) => date.toISOString().slice(0, -1)),
  }),
);

/** A finite number sent either as a JSON number or as its decimal text (`28800000` / `"28800000"`). */
export const NumberOrString: Schema.Union<readonly [Schema.Finite, Schema.FiniteFromString]> =
  Schema.Union([Schema.Finite, Schema.FiniteFromString]);

/** An id that is a string of digits on the wire (int64); a JSON number is accepted and stringified. */
export const IdString: Schema.Union<
  readonly [Schema.String, Schema.decodeTo<Schema.String, Schema.Finite>]
> = Schema.Union([
  Schema.String,
  Schema.Finite.pipe(
    Schema.decodeTo(Schema.String, {
      decode: SchemaGetter.transform((n: number) => String(n)),
      encode: SchemaGetter.transform((s: string) => Number(s)),
    }),
  ),
]);
