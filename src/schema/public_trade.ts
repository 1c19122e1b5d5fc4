/**
 * Public trade model: `GET /api/v1/trades` and `GET /api/v1/trades/history`.
 *
 * @module
 */
import * as Schema from "effect/Schema";
import { type Decimal, DecimalFromString } from "../decimal.ts";
import { NumberOrString } from "./common.ts";
import { OptionalId } from "./optional.ts";

/**
 * A public trade. There is no side field: the taker sold (`Ask`) when `isBuyerMaker` is true, else
 * bought (`Bid`).
 */
export interface PublicTrade {
  /** Trade id (int64 as a decimal string), when given. */
  readonly id?: string | null | undefined;
  /** Price. */
  readonly price: Decimal;
  /** Base quantity. */
  readonly quantity: Decimal;
  /** Quote quantity. */
  readonly quoteQuantity: Decimal;
  /** Trade time in Unix **ms**. */
  readonly timestamp: number;
  /** Whether the buyer was the maker (so the taker sold). */
  readonly isBuyerMaker: boolean;
}

/** Schema of {@link PublicTrade}. */
export const PublicTrade: Schema.Decoder<PublicTrade> = Schema.Struct({
  id: OptionalId,
  price: DecimalFromString,
  quantity: DecimalFromString,
  quoteQuantity: DecimalFromString,
  timestamp: NumberOrString,
  isBuyerMaker: Schema.Boolean,
});

/** Schema of a list of {@link PublicTrade}. */
export const PublicTrades: Schema.Decoder<ReadonlyArray<PublicTrade>> = Schema.Array(PublicTrade);
