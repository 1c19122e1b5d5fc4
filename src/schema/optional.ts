/**
 * Field shapes shared by the history, capital, RFQ, strategy and vault models: fields Backpack may
 * omit or send as `null`.
 *
 * @module
 */
import * as Schema from "effect/Schema";
import { DecimalFromString } from "../decimal.ts";
import { IdString, NaiveUtcDate, NumberOrString } from "./common.ts";

/** A field that may be absent or `null`. */
export const optionalNullable = <S extends Schema.Top>(
  schema: S,
): Schema.optional<Schema.NullOr<S>> => Schema.optional(Schema.NullOr(schema));

/** An optional, nullable decimal. */
export const OptionalDecimal: Schema.optional<Schema.NullOr<typeof DecimalFromString>> =
  optionalNullable(DecimalFromString);

/** An optional, nullable string. */
export const OptionalString: Schema.optional<Schema.NullOr<Schema.String>> = optionalNullable(
  Schema.String,
);

/** An optional, nullable boolean. */
export const OptionalBoolean: Schema.optional<Schema.NullOr<Schema.Boolean>> = optionalNullable(
  Schema.Boolean,
);

/** An optional, nullable number (sent as a number or its text). */
export const OptionalNumber: Schema.optional<Schema.NullOr<typeof NumberOrString>> =
  optionalNullable(NumberOrString);

/** An optional, nullable id (digits as a string or a number), decoded to a string. */
export const OptionalId: Schema.optional<Schema.NullOr<typeof IdString>> = optionalNullable(
  IdString,
);

/** An optional, nullable naive-UTC date-time, decoded to a `Date`. */
export const OptionalDate: Schema.optional<Schema.NullOr<typeof NaiveUtcDate>> = optionalNullable(
  NaiveUtcDate,
);
