/**
 * The paged history endpoints behind the Promise facade's `iterate*` methods: each walks every page
 * of one endpoint as an `AsyncIterable` (see `iteratePages`). In the Effect API use
 * `paginate(endpoint, params)`, which gives a `Stream`.
 *
 * @module
 */
import type * as Effect from "effect/Effect";
import type { Runner } from "../client/promisify.ts";
import {
  getBorrowLendHistory,
  getBorrowPositionHistory,
  getInterestHistory,
} from "./borrow_lend.ts";
import { getDeposits, getWithdrawals } from "./capital.ts";
import {
  getDustHistory,
  getFillHistory,
  getFundingPayments,
  getOrderHistory,
  getPositionHistory,
  getSettlementHistory,
} from "./history.ts";
import { iteratePages } from "./paginate.ts";
import { getQuoteFillHistory, getQuoteHistory, getRfqFillHistory, getRfqHistory } from "./rfq.ts";
import { getStrategyHistory } from "./strategies.ts";
import type { PageParams } from "./validate.ts";

/** A paged list endpoint: params with `limit`/`offset` in, one page of rows out. */
// deno-lint-ignore no-explicit-any
export type PagedEndpointFn = (params: any) => Effect.Effect<ReadonlyArray<any>, any, any>;

/** The `AsyncIterable` form of a record of paged endpoints. */
export type Iterables<T extends { readonly [K in keyof T]: PagedEndpointFn }> = {
  readonly [K in keyof T]: T[K] extends (
    params: infer P,
  ) => Effect.Effect<ReadonlyArray<infer A>, infer _E, infer _R> ? (params?: P) => AsyncIterable<A>
    : never;
};

/** The paged endpoints the facade iterates, by method name. */
export interface IteratorEndpoints {
  /** Every fill: {@link getFillHistory} page by page. */
  readonly iterateFills: typeof getFillHistory;
  /** Every past order: {@link getOrderHistory} page by page. */
  readonly iterateOrderHistory: typeof getOrderHistory;
  /** Every funding payment: {@link getFundingPayments} page by page. */
  readonly iterateFundingPayments: typeof getFundingPayments;
  /** Every settlement: {@link getSettlementHistory} page by page. */
  readonly iterateSettlements: typeof getSettlementHistory;
  /** Every position history row: {@link getPositionHistory} page by page. */
  readonly iteratePositionHistory: typeof getPositionHistory;
  /** Every dust conversion: {@link getDustHistory} page by page. */
  readonly iterateDustHistory: typeof getDustHistory;
  /** Every deposit: {@link getDeposits} page by page. */
  readonly iterateDeposits: typeof getDeposits;
  /** Every withdrawal: {@link getWithdrawals} page by page. */
  readonly iterateWithdrawals: typeof getWithdrawals;
  /** Every borrow/lend movement: {@link getBorrowLendHistory} page by page. */
  readonly iterateBorrowLendHistory: typeof getBorrowLendHistory;
  /** Every interest payment: {@link getInterestHistory} page by page. */
  readonly iterateInterestHistory: typeof getInterestHistory;
  /** Every borrow/lend position: {@link getBorrowPositionHistory} page by page. */
  readonly iterateBorrowPositionHistory: typeof getBorrowPositionHistory;
  /** Every strategy: {@link getStrategyHistory} page by page. */
  readonly iterateStrategyHistory: typeof getStrategyHistory;
  /** Every RFQ: {@link getRfqHistory} page by page. */
  readonly iterateRfqHistory: typeof getRfqHistory;
  /** Every quote: {@link getQuoteHistory} page by page. */
  readonly iterateQuoteHistory: typeof getQuoteHistory;
  /** Every RFQ fill: {@link getRfqFillHistory} page by page. */
  readonly iterateRfqFills: typeof getRfqFillHistory;
  /** Every quote fill: {@link getQuoteFillHistory} page by page. */
  readonly iterateQuoteFills: typeof getQuoteFillHistory;
}

/** The paged endpoints the facade iterates. */
export const iteratorEndpoints: IteratorEndpoints = {
  iterateFills: getFillHistory,
  iterateOrderHistory: getOrderHistory,
  iterateFundingPayments: getFundingPayments,
  iterateSettlements: getSettlementHistory,
  iteratePositionHistory: getPositionHistory,
  iterateDustHistory: getDustHistory,
  iterateDeposits: getDeposits,
  iterateWithdrawals: getWithdrawals,
  iterateBorrowLendHistory: getBorrowLendHistory,
  iterateInterestHistory: getInterestHistory,
  iterateBorrowPositionHistory: getBorrowPositionHistory,
  iterateStrategyHistory: getStrategyHistory,
  iterateRfqHistory: getRfqHistory,
  iterateQuoteHistory: getQuoteHistory,
  iterateRfqFills: getRfqFillHistory,
  iterateQuoteFills: getQuoteFillHistory,
};

/** Builds the `iterate*` methods: each page runs through `run` (the client's runtime). */
export const iterables = <S, T extends { readonly [K in keyof T]: PagedEndpointFn }>(
  endpoints: T,
  run: Runner<S>,
): Iterables<T> => {
  const methods: Record<string, (params?: PageParams) => AsyncIterable<unknown>> = {};
  for (const [name, fn] of Object.entries<PagedEndpointFn>(endpoints)) {
    methods[name] = (params) => iteratePages((page) => run(fn(page)), params ?? {});
  }
  return methods as Iterables<T>;
};
