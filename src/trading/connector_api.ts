/**
 * The two faces of the trading connector: the Promise {@link Connector} of `createConnector` and
 * the Effect {@link ConnectorShape} of the `Connector` service. Both share the synchronous reads of
 * {@link ConnectorState} (orders, fills, positions, balances, funding, fees, books, counters).
 *
 * Money is always `Decimal`; inputs are decimal strings (or `Decimal`s).
 *
 * @module
 */
import type * as Effect from "effect/Effect";
import type * as Stream from "effect/Stream";
import type { Decimal, DecimalInput } from "../decimal.ts";
import type { BackpackError } from "../errors.ts";
import type { OrderBookClient } from "../orderbook/client.ts";
import type { Collateral } from "../schema/capital.ts";
import type { BalanceState, FundingPaymentState, PositionState } from "./account_types.ts";
import type { ConnectorEvent, EventSubscription } from "./event_types.ts";
import type { EstimateFeeParams, FeeSchedule } from "./fee_types.ts";
import type { OrderRef, PlaceOrderParams, TrackedFill, TrackedOrder } from "./order_types.ts";

/** Counters for monitoring (and tests). */
export interface ConnectorStats {
  /** Fills seen again (stream replay or history overlap) and ignored. */
  readonly duplicateFills: number;
  /** Fill reconciliations from REST history run so far. */
  readonly fillReconciliations: number;
  /** Times the private stream came back after a loss. */
  readonly reconnects: number;
  /** Orders whose outcome was unknown and got resolved. */
  readonly ordersReconciled: number;
}

/** Synchronous reads of the connector's state (shared by the Promise and Effect faces). */
export interface ConnectorState {
  /** The configured markets. */
  readonly markets: ReadonlyArray<string>;
  /** One order by client id. */
  order(clientId: number): TrackedOrder | undefined;
  /** Every tracked order (optionally one market's), oldest first. */
  orders(symbol?: string): ReadonlyArray<TrackedOrder>;
  /** Orders not in a final state (`PendingNew`, `Open`, `PartiallyFilled`, `Unknown`). */
  openOrders(symbol?: string): ReadonlyArray<TrackedOrder>;
  /** Every fill seen, each once, in arrival order. */
  fills(symbol?: string): ReadonlyArray<TrackedFill>;
  /** One market's net position (flat when none). */
  position(symbol: string): PositionState;
  /** Every non-flat position. */
  positions(): ReadonlyArray<PositionState>;
  /** Balances by asset (last REST reconciliation). */
  balances(): Readonly<Record<string, BalanceState>>;
  /** Collateral summary (last REST reconciliation), when read. */
  collateral(): Collateral | undefined;
  /** Funding payments seen, oldest first. */
  fundingPayments(symbol?: string): ReadonlyArray<FundingPaymentState>;
  /** Funding summed (one market, or all). */
  fundingTotal(symbol?: string): Decimal;
  /** The fee schedule in use. */
  fees(): FeeSchedule;
  /** Estimated fee in the quote asset: `price × quantity × bps / 10000`. */
  estimateFee(params: EstimateFeeParams): Decimal;
  /** Monitoring counters. */
  stats(): ConnectorStats;
  /** The live order book of a configured market (`InvalidInputError` thrown otherwise). */
  book(symbol: string): OrderBookClient;
}

/**
 * The connector's Promise face (`createConnector`). Methods reject with the SDK's tagged errors.
 */
export interface Connector extends ConnectorState {
  /**
   * Places an order with a fresh clientId and tracks it. Resolves once its outcome is known: on an
   * unknown outcome (HTTP 202, 5xx, timeout, a connection that failed) the connector reconciles
   * first and resolves with the order found, else rejects with `OrderOutcomeUnknownError`; rejects
   * with the typed error when the order was rejected (never placed).
   * Hedge-mode requests reject with `UnsupportedError` before anything is sent.
   */
  placeOrder(params: PlaceOrderParams): Promise<TrackedOrder>;
  /** Cancels one order; resolves with its final tracked state. */
  cancelOrder(ref: OrderRef): Promise<TrackedOrder>;
  /** Cancels every open order of a market. */
  cancelAll(symbol: string): Promise<ReadonlyArray<TrackedOrder>>;
  /** The account's leverage limit. */
  getLeverage(): Promise<Decimal>;
  /** Sets the account's leverage limit; resolves with the value read back. */
  setLeverage(leverage: DecimalInput): Promise<Decimal>;
  /** Runs one full reconciliation now (orders, fills, positions, balances, funding). */
  reconcile(): Promise<void>;
  /** Events from now on, for `for await`. */
  events(): EventSubscription;
  /** Calls `listener` for every event from now on; returns the unsubscribe function. */
  on(listener: (event: ConnectorEvent) => void): () => void;
  /**
   * Stops everything. Calls in flight (an order placement, a cancel) may finish for up to the
   * request timeout first; then, with `cancelOnShutdown`, open orders are cancelled. Later calls
   * reject with `UnavailableError` `CLIENT_CLOSED`. Idempotent.
   */
  close(): Promise<void>;
  /** Same as {@link Connector.close}. */
  [Symbol.asyncDispose](): Promise<void>;
}

/** The connector's Effect face: the `Connector` service. */
export interface ConnectorShape extends ConnectorState {
  /** See {@link Connector.placeOrder}. */
  readonly placeOrder: (params: PlaceOrderParams) => Effect.Effect<TrackedOrder, BackpackError>;
  /** See {@link Connector.cancelOrder}. */
  readonly cancelOrder: (ref: OrderRef) => Effect.Effect<TrackedOrder, BackpackError>;
  /** See {@link Connector.cancelAll}. */
  readonly cancelAll: (symbol: string) => Effect.Effect<ReadonlyArray<TrackedOrder>, BackpackError>;
  /** See {@link Connector.getLeverage}. */
  readonly getLeverage: Effect.Effect<Decimal, BackpackError>;
  /** See {@link Connector.setLeverage}. */
  readonly setLeverage: (leverage: DecimalInput) => Effect.Effect<Decimal, BackpackError>;
  /** See {@link Connector.reconcile}. */
  readonly reconcile: Effect.Effect<void, BackpackError>;
  /** Every event from the moment the stream starts running. */
  readonly events: Stream.Stream<ConnectorEvent>;
  /** See {@link Connector.on}. */
  readonly on: (listener: (event: ConnectorEvent) => void) => () => void;
}
