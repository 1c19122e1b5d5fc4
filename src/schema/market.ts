/**
 * Market models: `GET /api/v1/markets` and `GET /api/v1/market`.
 *
 * Decoding is tolerant: enum-like fields (`marketType`, `orderBookState`, `rwaMarketType`) keep values
 * this SDK does not know yet, optional fields may be absent or `null`, and unknown keys are ignored.
 *
 * @module
 */
import * as Schema from "effect/Schema";
import { type Decimal, DecimalFromString } from "../decimal.ts";
import { NaiveUtcDate, NumberOrString } from "./common.ts";

/** Market types Backpack documents; others (e.g. new products) decode as plain strings. */
export type MarketType =
  | "SPOT"
  | "PERP"
  | "IPERP"
  | "DATED"
  | "PREDICTION"
  | "RFQ"
  | (string & Record<never, never>);

/** Order book states Backpack documents; others decode as plain strings. */
export type OrderBookState =
  | "Open"
  | "Closed"
  | "CancelOnly"
  | "LimitOnly"
  | "PostOnly"
  | (string & Record<never, never>);

/** A `{maxMultiplier, minMultiplier}` band around a reference price. */
export interface PriceBand {
  /** Upper multiplier. */
  readonly maxMultiplier: Decimal;
  /** Lower multiplier. */
  readonly minMultiplier: Decimal;
}

/** The perp premium band. */
export interface PremiumBand {
  /** Tolerance as a fraction. */
  readonly tolerancePct: Decimal;
  /** Reference index price, when given. */
  readonly indexPrice?: Decimal | null | undefined;
  /** Maximum premium as a fraction, when given. */
  readonly maxPremiumPct?: Decimal | null | undefined;
  /** Minimum premium as a fraction, when given. */
  readonly minPremiumPct?: Decimal | null | undefined;
}

/** Price rules of a market. Prices must be multiples of `tickSize` within `[minPrice, maxPrice]`. */
export interface PriceFilter {
  /** Lowest accepted price. */
  readonly minPrice: Decimal;
  /** Highest accepted price, when bounded. */
  readonly maxPrice?: Decimal | null | undefined;
  /** Price increment; its number of decimals is the price precision. */
  readonly tickSize: Decimal;
  /** Price-band multipliers relative to the last/mark price (all optional). */
  readonly maxMultiplier?: Decimal | null | undefined;
  /** See {@link PriceFilter.maxMultiplier}. */
  readonly minMultiplier?: Decimal | null | undefined;
  /** Impact-price multiplier bounds. */
  readonly maxImpactMultiplier?: Decimal | null | undefined;
  /** See {@link PriceFilter.maxImpactMultiplier}. */
  readonly minImpactMultiplier?: Decimal | null | undefined;
  /** Borrow entry fee multiplier bounds. */
  readonly borrowEntryFeeMaxMultiplier?: Decimal | null | undefined;
  /** See {@link PriceFilter.borrowEntryFeeMaxMultiplier}. */
  readonly borrowEntryFeeMinMultiplier?: Decimal | null | undefined;
  /** Price update multiplier bounds. */
  readonly maxPriceUpdateMultiplier?: Decimal | null | undefined;
  /** See {@link PriceFilter.maxPriceUpdateMultiplier}. */
  readonly minPriceUpdateMultiplier?: Decimal | null | undefined;
  /** Band around the mean mark price. */
  readonly meanMarkPriceBand?: PriceBand | null | undefined;
  /** Perp premium band. */
  readonly meanPremiumBand?: PremiumBand | null | undefined;
  /** Price discovery band (tokenized real-world assets). */
  readonly discoveryBoundBand?: PriceBand | null | undefined;
}

/** Quantity rules: multiples of `stepSize` within `[minQuantity, maxQuantity]`. */
export interface QuantityFilter {
  /** Smallest accepted quantity. */
  readonly minQuantity: Decimal;
  /** Largest accepted quantity, when bounded. */
  readonly maxQuantity?: Decimal | null | undefined;
  /** Quantity increment; its number of decimals is the quantity precision. */
  readonly stepSize: Decimal;
}

/** Initial/maintenance margin fraction as a function of position size (perps). */
export interface MarginFunction {
  /** Function kind; `"sqrt"` is the only documented one. */
  readonly type: string;
  /** Base fraction. */
  readonly base: Decimal;
  /** Size factor. */
  readonly factor: Decimal;
}

/** A Backpack market. */
export interface Market {
  /** Market symbol, e.g. `SOL_USDC`, `SOL_USDC_PERP`. */
  readonly symbol: string;
  /** Base asset symbol. */
  readonly baseSymbol: string;
  /** Quote asset symbol. */
  readonly quoteSymbol: string;
  /** Market type. */
  readonly marketType: MarketType;
  /** Kind of tokenized real-world asset (`STOCK`, `INDEX`, `COMMODITY`, `FX`), if any. */
  readonly rwaMarketType?: string | null | undefined;
  /** Price and quantity rules. */
  readonly filters: { readonly price: PriceFilter; readonly quantity: QuantityFilter };
  /** Initial margin function (perps). */
  readonly imfFunction?: MarginFunction | null | undefined;
  /** Maintenance margin function (perps). */
  readonly mmfFunction?: MarginFunction | null | undefined;
  /** Funding interval in ms (perps). Read it per market; it differs between markets and over time. */
  readonly fundingInterval?: number | null | undefined;
  /** Funding rate cap in **basis points** (`100` = 1%). */
  readonly fundingRateUpperBound?: Decimal | null | undefined;
  /** Funding rate floor in basis points. */
  readonly fundingRateLowerBound?: Decimal | null | undefined;
  /** Open interest limit (futures). */
  readonly openInterestLimit?: Decimal | null | undefined;
  /** Position limit weight. */
  readonly positionLimitWeight?: Decimal | null | undefined;
  /** Order book state. */
  readonly orderBookState: OrderBookState;
  /** Listing time (the API sends naive UTC). */
  readonly createdAt: Date;
  /** Whether the market is listed in the UI; absent in some older payloads. */
  readonly visible?: boolean | undefined;
}

const optionalDecimal = Schema.optional(Schema.NullOr(DecimalFromString));
const optionalNullable = <S extends Schema.Top>(schema: S) =>
  Schema.optional(Schema.NullOr(schema));

const PriceBandSchema = Schema.Struct({
  maxMultiplier: DecimalFromString,
  minMultiplier: DecimalFromString,
});

const PriceFilterSchema = Schema.Struct({
  minPrice: DecimalFromString,
  maxPrice: optionalDecimal,
  tickSize: DecimalFromString,
  maxMultiplier: optionalDecimal,
  minMultiplier: optionalDecimal,
  maxImpactMultiplier: optionalDecimal,
  minImpactMultiplier: optionalDecimal,
  borrowEntryFeeMaxMultiplier: optionalDecimal,
  borrowEntryFeeMinMultiplier: optionalDecimal,
  maxPriceUpdateMultiplier: optionalDecimal,
  minPriceUpdateMultiplier: optionalDecimal,
  meanMarkPriceBand: optionalNullable(PriceBandSchema),
  meanPremiumBand: optionalNullable(Schema.Struct({
    tolerancePct: DecimalFromString,
    indexPrice: optionalDecimal,
    maxPremiumPct: optionalDecimal,
    minPremiumPct: optionalDecimal,
  })),
  discoveryBoundBand: optionalNullable(PriceBandSchema),
});

const MarginFunctionSchema = Schema.Struct({
  type: Schema.String,
  base: DecimalFromString,
  factor: DecimalFromString,
});

/** Schema of {@link MarginFunction} (also used by positions). */
export const MarginFunction: Schema.Decoder<MarginFunction> = MarginFunctionSchema;

/** Schema of {@link Market}. */
export const Market: Schema.Decoder<Market> = Schema.Struct({
  symbol: Schema.String,
  baseSymbol: Schema.String,
  quoteSymbol: Schema.String,
  marketType: Schema.String,
  rwaMarketType: optionalNullable(Schema.String),
  filters: Schema.Struct({
    price: PriceFilterSchema,
    quantity: Schema.Struct({
      minQuantity: DecimalFromString,
      maxQuantity: optionalDecimal,
      stepSize: DecimalFromString,
    }),
  }),
  imfFunction: optionalNullable(MarginFunctionSchema),
  mmfFunction: optionalNullable(MarginFunctionSchema),
  fundingInterval: optionalNullable(NumberOrString),
  fundingRateUpperBound: optionalDecimal,
  fundingRateLowerBound: optionalDecimal,
  openInterestLimit: optionalDecimal,
  positionLimitWeight: optionalDecimal,
  orderBookState: Schema.String,
  createdAt: NaiveUtcDate,
  visible: Schema.optional(Schema.Boolean),
});

/** Schema of the `GET /api/v1/markets` answer. */
export const Markets: Schema.Decoder<ReadonlyArray<Market>> = Schema.Array(Market);
