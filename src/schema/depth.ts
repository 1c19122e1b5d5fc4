/**
 * Order book snapshot model: `GET /api/v1/depth`.
 *
 * Backpack returns asks ascending and (per a recorded sample) bids **ascending** too, best bid last.
 * After decoding, this schema sorts defensively: `asks` ascending (best ask first) and `bids`
 * **descending** (best bid first), so `asks[0]` / `bids[0]` are always the top of book.
 *
 * @module
 */
import * as Schema from "effect/Schema";
import * as SchemaGetter from "effect/SchemaGetter";
import { type Decimal, DecimalFromString } from "../decimal.ts";
import { IdString } from "./common.ts";

/** One price level: `[price, quantity]`. */
export type DepthLevel = readonly [price: Decimal, quantity: Decimal];

/** An order book snapshot. */
export interface Depth {
  /** Ask levels, best (lowest price) first. */
  readonly asks: ReadonlyArray<DepthLevel>;
  /** Bid levels, best (highest price) first. */
  readonly bids: ReadonlyArray<DepthLevel>;
  /**
   * Id of the last engine update included (int64 as a decimal string; compare with `BigInt(...)`).
   * Align the `depth` stream on it.
   */
  readonly lastUpdateId: string;
  /** Snapshot time in Unix **microseconds**. */
  readonly timestamp: number;
}

const Level = Schema.Tuple([DecimalFromString, DecimalFromString]);

const WireDepth = Schema.Struct({
  asks: Schema.Array(Level),
  bids: Schema.Array(Level),
  lastUpdateId: IdString,
  timestamp: Schema.Finite,
});

type WireDepthType = typeof WireDepth.Type;

const byPrice = (direction: 1 | -1) => (a: DepthLevel, b: DepthLevel): number =>
  direction * a[0].comparedTo(b[0]);

/** Sorts asks ascending and bids descending (best first). Pure; returns a new object. */
export const sortDepth = (depth: Depth): Depth => ({
  ...depth,
  asks: [...depth.asks].sort(byPrice(1)),
  bids: [...depth.bids].sort(byPrice(-1)),
});

/** Schema of {@link Depth}: decodes decimals and sorts both sides best-first. */
export const Depth: Schema.Decoder<Depth> = WireDepth.pipe(
  Schema.decodeTo(Schema.toType(WireDepth), {
    decode: SchemaGetter.transform(sortDepth),
    encode: SchemaGetter.transform((depth: WireDepthType) => depth),
  }),
);
