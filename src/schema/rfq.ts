/**
 * RFQ models: requests for quote, quotes, and their history and fills. Live objects carry Unix ms
 * times (`number`); history rows carry naive UTC times, decoded to `Date`.
 *
 * @module
 */
import * as Schema from "effect/Schema";
import { type Decimal, DecimalFromString } from "../decimal.ts";
import { IdString, NaiveUtcDate, NumberOrString } from "./common.ts";
import type { Open, Side, SystemOrderType } from "./history.ts";
import { OptionalDecimal, OptionalId, OptionalNumber, OptionalString } from "./optional.ts";

/** `AwaitAccept` (requester accepts a quote) or `Immediate` (fills at the best quote). */
export type RfqExecutionMode = Open<"AwaitAccept" | "Immediate">;

/**
 * The fields an RFQ carries both live ({@link Rfq}) and in history ({@link RfqHistoryEntry}).
 * `Time` is Unix ms (`number`) on live objects and `Date` on history rows.
 */
export interface RfqFields<Time> {
  /** RFQ id. */
  readonly rfqId: string;
  /** Your client id (uint32). */
  readonly clientId?: number | null | undefined;
  /** RFQ market symbol, e.g. `SOL_USDC_RFQ`. */
  readonly symbol: string;
  /** Side. */
  readonly side: Side;
  /** Limit price (Immediate mode). */
  readonly price?: Decimal | null | undefined;
  /** Base quantity (or `quoteQuantity`). */
  readonly quantity?: Decimal | null | undefined;
  /** Quote quantity (or `quantity`). */
  readonly quoteQuantity?: Decimal | null | undefined;
  /** Deadline for quotes. */
  readonly submissionTime: Time;
  /** Expiry. */
  readonly expiryTime: Time;
  /** Status (`New`, `Filled`, `Cancelled`, `Expired`...). */
  readonly status: string;
  /** Execution mode. */
  readonly executionMode: RfqExecutionMode;
  /** Creation time. */
  readonly createdAt: Time;
}

/** Struct fields of {@link RfqFields}, with `time` decoding its three times. */
const rfqFields = <Time extends typeof NumberOrString | typeof NaiveUtcDate>(time: Time) => ({
  rfqId: IdString,
  clientId: OptionalNumber,
  symbol: Schema.String,
  side: Schema.String,
  price: OptionalDecimal,
  quantity: OptionalDecimal,
  quoteQuantity: OptionalDecimal,
  submissionTime: time,
  expiryTime: time,
  status: Schema.String,
  executionMode: Schema.String,
  createdAt: time,
});

/** A request for quote (times in Unix ms). */
export interface Rfq extends RfqFields<number> {
  /** Set for system-initiated RFQs. */
  readonly systemOrderType?: SystemOrderType | null | undefined;
}

/** Schema of {@link Rfq}. */
export const Rfq: Schema.Decoder<Rfq> = Schema.Struct({
  ...rfqFields(NumberOrString),
  systemOrderType: OptionalString,
});

/**
 * The fields a quote carries both live ({@link Quote}) and in history ({@link QuoteHistoryEntry}).
 * `Time` is Unix ms (`number`) on live objects and `Date` on history rows.
 */
export interface QuoteFields<Time> {
  /** RFQ id. */
  readonly rfqId: string;
  /** Quote id. */
  readonly quoteId: string;
  /** Your client id (uint32). */
  readonly clientId?: number | null | undefined;
  /** Price you buy at. */
  readonly bidPrice: Decimal;
  /** Price you sell at. */
  readonly askPrice: Decimal;
  /** Status. */
  readonly status: string;
  /** Creation time. */
  readonly createdAt: Time;
}

/** Struct fields of {@link QuoteFields}, with `time` decoding its creation time. */
const quoteFields = <Time extends typeof NumberOrString | typeof NaiveUtcDate>(time: Time) => ({
  rfqId: IdString,
  quoteId: IdString,
  clientId: OptionalNumber,
  bidPrice: DecimalFromString,
  askPrice: DecimalFromString,
  status: Schema.String,
  createdAt: time,
});

/** A quote on an RFQ (creation time in Unix ms). */
export type Quote = QuoteFields<number>;

/** Schema of {@link Quote}. */
export const Quote: Schema.Decoder<Quote> = Schema.Struct(quoteFields(NumberOrString));

/** An open RFQ with the quotes it received (`GET /api/v1/rfqs`). */
export interface RfqWithQuotes {
  /** The RFQ. */
  readonly rfq: Rfq;
  /** Its quotes. */
  readonly quotes: ReadonlyArray<Quote>;
}

/** Schema of {@link RfqWithQuotes}. */
export const RfqWithQuotes: Schema.Decoder<RfqWithQuotes> = Schema.Struct({
  rfq: Rfq,
  quotes: Schema.Array(Quote),
});

/** A past RFQ (`GET /wapi/v1/history/rfq`; times decoded from naive UTC). */
export interface RfqHistoryEntry extends RfqFields<Date> {
  /** Quote accepted for deferred settlement. */
  readonly deferredSettlementQuoteId?: string | null | undefined;
}

/** Schema of {@link RfqHistoryEntry}. */
export const RfqHistoryEntry: Schema.Decoder<RfqHistoryEntry> = Schema.Struct({
  ...rfqFields(NaiveUtcDate),
  deferredSettlementQuoteId: OptionalId,
});

/** A past quote (`GET /wapi/v1/history/quote`; creation time decoded from naive UTC). */
export interface QuoteHistoryEntry extends QuoteFields<Date> {
  /** Whether it settles deferred. */
  readonly deferredSettlement: boolean;
}

/** Schema of {@link QuoteHistoryEntry}. */
export const QuoteHistoryEntry: Schema.Decoder<QuoteHistoryEntry> = Schema.Struct({
  ...quoteFields(NaiveUtcDate),
  deferredSettlement: Schema.Boolean,
});

/** A fill of one of your RFQs, as requester (`GET /wapi/v1/history/rfq/fill`). */
export interface RfqFill {
  /** RFQ id. */
  readonly rfqId: string;
  /** Your client id. */
  readonly clientId?: number | null | undefined;
  /** Quote id that filled. */
  readonly quoteId: string;
  /** Symbol. */
  readonly symbol: string;
  /** Side. */
  readonly side: Side;
  /** Base quantity. */
  readonly quantity?: Decimal | null | undefined;
  /** Quote quantity. */
  readonly quoteQuantity?: Decimal | null | undefined;
  /** Fill price. */
  readonly fillPrice: Decimal;
  /** RFQ creation (UTC). */
  readonly createdAt: Date;
  /** Fill time (UTC). */
  readonly filledAt: Date;
  /** Set for system RFQs. */
  readonly systemOrderType?: SystemOrderType | null | undefined;
}

/** Schema of {@link RfqFill}. */
export const RfqFill: Schema.Decoder<RfqFill> = Schema.Struct({
  rfqId: IdString,
  clientId: OptionalNumber,
  quoteId: IdString,
  symbol: Schema.String,
  side: Schema.String,
  quantity: OptionalDecimal,
  quoteQuantity: OptionalDecimal,
  fillPrice: DecimalFromString,
  createdAt: NaiveUtcDate,
  filledAt: NaiveUtcDate,
  systemOrderType: OptionalString,
});

/** A fill of one of your quotes, as quoter (`GET /wapi/v1/history/quote/fill`). */
export interface QuoteFill {
  /** Your client id. */
  readonly clientId?: number | null | undefined;
  /** Quote id. */
  readonly quoteId: string;
  /** RFQ id. */
  readonly rfqId: string;
  /** Symbol. */
  readonly symbol: string;
  /** Side (yours). */
  readonly side: Side;
  /** Base quantity. */
  readonly quantity: Decimal;
  /** Fill price. */
  readonly fillPrice: Decimal;
  /** Fee. */
  readonly fee: Decimal;
  /** Fee asset. */
  readonly feeSymbol: string;
  /** Quote creation (UTC). */
  readonly createdAt: Date;
  /** Fill time (UTC). */
  readonly filledAt: Date;
}

/** Schema of {@link QuoteFill}. */
export const QuoteFill: Schema.Decoder<QuoteFill> = Schema.Struct({
  clientId: OptionalNumber,
  quoteId: IdString,
  rfqId: IdString,
  symbol: Schema.String,
  side: Schema.String,
  quantity: DecimalFromString,
  fillPrice: DecimalFromString,
  fee: DecimalFromString,
  feeSymbol: Schema.String,
  createdAt: NaiveUtcDate,
  filledAt: NaiveUtcDate,
});
