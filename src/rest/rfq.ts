/**
 * RFQ endpoints (signed): request quotes, quote, accept, refresh, cancel, list open RFQs, and the
 * RFQ/quote history and fills. RFQ markets look like `SOL_USDC_RFQ`; live updates arrive on the
 * `account.rfqUpdate` stream.
 *
 * @module
 */
import type * as Effect from "effect/Effect";
import * as Schema from "effect/Schema";
import type { DecimalInput } from "../decimal.ts";
import type { BackpackError } from "../errors.ts";
import type { Side } from "../schema/history.ts";
import {
  Quote,
  QuoteFill,
  QuoteHistoryEntry,
  Rfq,
  RfqFill,
  RfqHistoryEntry,
  RfqWithQuotes,
} from "../schema/rfq.ts";
import { type BackpackHttp, signedCall } from "./http.ts";
import { pagedCall } from "./paginate.ts";
import {
  atLeastOne,
  atMostOne,
  decimalInput,
  fieldsOf,
  guarded,
  type HistoryParams,
  oneOf,
  optionalText,
  type Problem,
  requiredText,
  uint16,
  uint32,
} from "./validate.ts";

/** Spot-margin behaviours accepted by RFQ and quote submissions. */
export interface AutoFlags {
  /** Lend proceeds. */
  readonly autoLend?: boolean;
  /** Redeem lent funds to cover the trade. */
  readonly autoLendRedeem?: boolean;
  /** Borrow to cover the trade. */
  readonly autoBorrow?: boolean;
  /** Repay borrows with proceeds. */
  readonly autoBorrowRepay?: boolean;
}

/** Parameters of {@link submitRfq}. Give exactly one of `quantity` / `quoteQuantity`. */
export interface SubmitRfqParams extends AutoFlags {
  /** RFQ market symbol, e.g. `SOL_USDC_RFQ`. */
  readonly symbol: string;
  /** Side. */
  readonly side: "Bid" | "Ask";
  /** Base quantity. */
  readonly quantity?: DecimalInput;
  /** Quote quantity. */
  readonly quoteQuantity?: DecimalInput;
  /** Limit price (only with `executionMode: "Immediate"`). */
  readonly price?: DecimalInput;
  /** Your id (uint32). */
  readonly clientId?: number;
  /** `AwaitAccept` (default) or `Immediate`. */
  readonly executionMode?: "AwaitAccept" | "Immediate";
}

const side = (value: unknown): Problem =>
  value === undefined ? requiredText("side", value) : oneOf("side", value, ["Bid", "Ask"]);

/** Requests quotes. `POST /api/v1/rfq`, instruction `rfqSubmit`. */
export const submitRfq = (
  params: SubmitRfqParams,
): Effect.Effect<Rfq, BackpackError, BackpackHttp> =>
  guarded(() => [
    requiredText("symbol", params.symbol),
    side(params.side),
    atLeastOne({ quantity: params.quantity, quoteQuantity: params.quoteQuantity }),
    atMostOne({ quantity: params.quantity, quoteQuantity: params.quoteQuantity }),
    decimalInput("quantity", params.quantity, { positive: true }),
    decimalInput("quoteQuantity", params.quoteQuantity, { positive: true }),
    decimalInput("price", params.price, { positive: true }),
    uint32("clientId", params.clientId),
    oneOf("executionMode", params.executionMode, ["AwaitAccept", "Immediate"]),
  ], () =>
    signedCall({
      method: "POST",
      path: "/api/v1/rfq",
      body: fieldsOf(params),
      instruction: "rfqSubmit",
      schema: Rfq,
      clientId: params.clientId,
    }));

/** Parameters of {@link submitQuote}. */
export interface SubmitQuoteParams extends AutoFlags {
  /** RFQ to quote. */
  readonly rfqId: string;
  /** Price you buy at. */
  readonly bidPrice: DecimalInput;
  /** Price you sell at. */
  readonly askPrice: DecimalInput;
  /** Your id (uint32). */
  readonly clientId?: number;
}

/** Quotes an RFQ (market makers). `POST /api/v1/rfq/quote`, instruction `quoteSubmit`. */
export const submitQuote = (
  params: SubmitQuoteParams,
): Effect.Effect<Quote, BackpackError, BackpackHttp> =>
  guarded(() => [
    requiredText("rfqId", params.rfqId),
    decimalInput("bidPrice", params.bidPrice, { required: true, positive: true }),
    decimalInput("askPrice", params.askPrice, { required: true, positive: true }),
    uint32("clientId", params.clientId),
  ], () =>
    signedCall({
      method: "POST",
      path: "/api/v1/rfq/quote",
      body: fieldsOf(params),
      instruction: "quoteSubmit",
      schema: Quote,
      clientId: params.clientId,
    }));

/** Parameters of {@link acceptQuote}. */
export interface AcceptQuoteParams {
  /** Quote to accept. */
  readonly quoteId: string;
  /** The RFQ, by id (or `clientId`). */
  readonly rfqId?: string;
  /** The RFQ, by your client id (or `rfqId`). */
  readonly clientId?: number;
}

/** Accepts a quote on your RFQ. `POST /api/v1/rfq/accept`, instruction `quoteAccept`. */
export const acceptQuote = (
  params: AcceptQuoteParams,
): Effect.Effect<Rfq, BackpackError, BackpackHttp> =>
  guarded(() => [
    requiredText("quoteId", params.quoteId),
    optionalText("rfqId", params.rfqId),
    uint32("clientId", params.clientId),
    atMostOne({ rfqId: params.rfqId, clientId: params.clientId }),
  ], () =>
    signedCall({
      method: "POST",
      path: "/api/v1/rfq/accept",
      body: fieldsOf(params),
      instruction: "quoteAccept",
      schema: Rfq,
      clientId: params.clientId,
    }));

/** Parameters of {@link refreshRfq}. */
export interface RefreshRfqParams {
  /** RFQ to refresh. */
  readonly rfqId: string;
}

/** Extends an RFQ's quote window. `POST /api/v1/rfq/refresh`, instruction `rfqRefresh`. */
export const refreshRfq = (
  params: RefreshRfqParams,
): Effect.Effect<Rfq, BackpackError, BackpackHttp> =>
  guarded(() => [requiredText("rfqId", params.rfqId)], () =>
    signedCall({
      method: "POST",
      path: "/api/v1/rfq/refresh",
      body: { rfqId: params.rfqId },
      instruction: "rfqRefresh",
      schema: Rfq,
    }));

/** Parameters of {@link cancelRfq}: exactly one of `rfqId` / `clientId`. */
export interface CancelRfqParams {
  /** RFQ id. */
  readonly rfqId?: string;
  /** Your client id of the RFQ. */
  readonly clientId?: number;
}

/** Cancels an RFQ. `POST /api/v1/rfq/cancel`, instruction `rfqCancel`. */
export const cancelRfq = (
  params: CancelRfqParams,
): Effect.Effect<Rfq, BackpackError, BackpackHttp> =>
  guarded(() => [
    atLeastOne({ rfqId: params.rfqId, clientId: params.clientId }),
    atMostOne({ rfqId: params.rfqId, clientId: params.clientId }),
    optionalText("rfqId", params.rfqId),
    uint32("clientId", params.clientId),
  ], () =>
    signedCall({
      method: "POST",
      path: "/api/v1/rfq/cancel",
      body: fieldsOf(params),
      instruction: "rfqCancel",
      schema: Rfq,
      clientId: params.clientId,
    }));

/** Parameters of {@link getOpenRfqs}. */
export interface GetOpenRfqsParams {
  /** RFQ market symbol. */
  readonly symbol?: string;
  /** One RFQ. */
  readonly rfqId?: string;
  /** Only deferred-settlement RFQs (or not). */
  readonly deferredSettlement?: boolean;
  /** Subaccount (uint16). */
  readonly subaccountId?: number;
}

/** Your open RFQs with their quotes. `GET /api/v1/rfqs`, instruction `rfqQuery`. */
export const getOpenRfqs = (
  params: GetOpenRfqsParams = {},
): Effect.Effect<ReadonlyArray<RfqWithQuotes>, BackpackError, BackpackHttp> =>
  guarded(() => [
    optionalText("symbol", params.symbol),
    optionalText("rfqId", params.rfqId),
    uint16("subaccountId", params.subaccountId),
  ], () =>
    signedCall({
      method: "GET",
      path: "/api/v1/rfqs",
      query: fieldsOf(params),
      instruction: "rfqQuery",
      schema: Schema.Array(RfqWithQuotes),
    }));

/** Statuses the RFQ/quote history filters accept. */
export type RfqStatusFilter =
  | "Cancelled"
  | "Expired"
  | "Filled"
  | "New"
  | "PartiallyFilled"
  | "TriggerPending"
  | "TriggerFailed";

/** Parameters of {@link getRfqHistory}. */
export interface GetRfqHistoryParams extends HistoryParams {
  /** One RFQ. */
  readonly rfqId?: string;
  /** Symbol. */
  readonly symbol?: string;
  /** Status. */
  readonly status?: RfqStatusFilter;
  /** Side. */
  readonly side?: Side;
  /** Deferred settlement only (or not). */
  readonly deferredSettlement?: boolean;
}

/** Your past RFQs. `GET /wapi/v1/history/rfq`, instruction `rfqHistoryQueryAll`. */
export const getRfqHistory = (
  params: GetRfqHistoryParams = {},
): Effect.Effect<ReadonlyArray<RfqHistoryEntry>, BackpackError, BackpackHttp> =>
  pagedCall(
    { path: "/wapi/v1/history/rfq", instruction: "rfqHistoryQueryAll", row: RfqHistoryEntry },
    params,
    () => [optionalText("rfqId", params.rfqId), optionalText("symbol", params.symbol)],
  );

/** Parameters of {@link getQuoteHistory}. */
export interface GetQuoteHistoryParams extends HistoryParams {
  /** One quote. */
  readonly quoteId?: string;
  /** Symbol. */
  readonly symbol?: string;
  /** Status. */
  readonly status?: RfqStatusFilter;
  /** Deferred settlement only (or not). */
  readonly deferredSettlement?: boolean;
}

/** Your past quotes. `GET /wapi/v1/history/quote`, instruction `quoteHistoryQueryAll`. */
export const getQuoteHistory = (
  params: GetQuoteHistoryParams = {},
): Effect.Effect<ReadonlyArray<QuoteHistoryEntry>, BackpackError, BackpackHttp> =>
  pagedCall(
    { path: "/wapi/v1/history/quote", instruction: "quoteHistoryQueryAll", row: QuoteHistoryEntry },
    params,
    () => [optionalText("quoteId", params.quoteId), optionalText("symbol", params.symbol)],
  );

/** Parameters of {@link getRfqFillHistory}. */
export interface GetRfqFillHistoryParams extends HistoryParams {
  /** Fills of one quote. */
  readonly quoteId?: string;
  /** Symbol. */
  readonly symbol?: string;
  /** Side. */
  readonly side?: Side;
  /** `User` or `CollateralConversion`. */
  readonly fillType?: "User" | "CollateralConversion";
  /** Deferred settlement only (or not). */
  readonly deferredSettlement?: boolean;
}

/** Fills of your RFQs. `GET /wapi/v1/history/rfq/fill`, instruction `rfqFillHistoryQueryAll`. */
export const getRfqFillHistory = (
  params: GetRfqFillHistoryParams = {},
): Effect.Effect<ReadonlyArray<RfqFill>, BackpackError, BackpackHttp> =>
  pagedCall(
    { path: "/wapi/v1/history/rfq/fill", instruction: "rfqFillHistoryQueryAll", row: RfqFill },
    params,
    () => [optionalText("quoteId", params.quoteId), optionalText("symbol", params.symbol)],
  );

/** Parameters of {@link getQuoteFillHistory}. */
export interface GetQuoteFillHistoryParams extends HistoryParams {
  /** Fills of one quote. */
  readonly quoteId?: string;
  /** Symbol. */
  readonly symbol?: string;
  /** Side. */
  readonly side?: Side;
}

/**
 * Fills of your quotes. `GET /wapi/v1/history/quote/fill`, instruction `quoteFillHistoryQueryAll`.
 */
export const getQuoteFillHistory = (
  params: GetQuoteFillHistoryParams = {},
): Effect.Effect<ReadonlyArray<QuoteFill>, BackpackError, BackpackHttp> =>
  pagedCall(
    {
      path: "/wapi/v1/history/quote/fill",
      instruction: "quoteFillHistoryQueryAll",
      row: QuoteFill,
    },
    params,
    () => [optionalText("quoteId", params.quoteId), optionalText("symbol", params.symbol)],
  );

/** The RFQ endpoints, by name (the Promise facade exposes each as a method). */
export interface RfqEndpoints {
  /** {@link submitRfq} */
  readonly submitRfq: typeof submitRfq;
  /** {@link submitQuote} */
  readonly submitQuote: typeof submitQuote;
  /** {@link acceptQuote} */
  readonly acceptQuote: typeof acceptQuote;
  /** {@link refreshRfq} */
  readonly refreshRfq: typeof refreshRfq;
  /** {@link cancelRfq} */
  readonly cancelRfq: typeof cancelRfq;
  /** {@link getOpenRfqs} */
  readonly getOpenRfqs: typeof getOpenRfqs;
  /** {@link getRfqHistory} */
  readonly getRfqHistory: typeof getRfqHistory;
  /** {@link getQuoteHistory} */
  readonly getQuoteHistory: typeof getQuoteHistory;
  /** {@link getRfqFillHistory} */
  readonly getRfqFillHistory: typeof getRfqFillHistory;
  /** {@link getQuoteFillHistory} */
  readonly getQuoteFillHistory: typeof getQuoteFillHistory;
}

/** The RFQ endpoints, by name. */
export const rfqEndpoints: RfqEndpoints = {
  submitRfq,
  submitQuote,
  acceptQuote,
  refreshRfq,
  cancelRfq,
  getOpenRfqs,
  getRfqHistory,
  getQuoteHistory,
  getRfqFillHistory,
  getQuoteFillHistory,
};
