/**
 * Public types of the trading connector: its configuration, the orders, fills, positions,
 * balances and funding payments it tracks, the one typed event stream it emits, and the two faces
 * of the connector (the Promise {@link Connector} of `createConnector`, and the Effect
 * `ConnectorShape` of the `Connector` service). Both share the synchronous reads of
 * {@link ConnectorState}.
 *
 * Money is always `Decimal`; inputs are decimal strings (or `Decimal`s).
 *
 * @module
 */
import type * as Effect from "effect/Effect";
import type * as Stream from "effect/Stream";
import type { Decimal, DecimalInput } from "../decimal.ts";
import type { BackpackError, OrderOutcomeUnknownError } from "../errors.ts";
import type { LogEntry, LogLevelOption } from "../logging.ts";
import type { OrderBookMode } from "../orderbook/backend.ts";
import type { OrderBookClient } from "../orderbook/client.ts";
import type { ResyncCause } from "../orderbook/protocol.ts";
import type { ExecuteOrderParams } from "../orders/validate_order.ts";
import type { FetchFn } from "../rest/fetch.ts";
import type { RateLimitConfig } from "../rest/rate_limit.ts";
import type { Collateral } from "../schema/capital.ts";
import type { OrderSide, OrderType } from "../schema/order.ts";
import type { BackpackSocketOptions } from "../ws/socket.ts";
import type { WebSocketConstructorLike } from "../ws/socket_core.ts";

/** Fee override, in basis points (maker may be negative: a rebate). */
export interface FeeOverride {
  /** Maker fee, bps. */
  readonly makerBps?: DecimalInput;
  /** Taker fee, bps. */
  readonly takerBps?: DecimalInput;
}

/** Options of `createConnector` and `Connector.layer`. */
export interface ConnectorConfig {
  /** REST base URL (alias of `baseUrl`). Default: the production API. */
  readonly restUrl?: string;
  /** REST base URL. Default: the production API. */
  readonly baseUrl?: string;
  /** WebSocket URL. Default: the production stream URL. */
  readonly wsUrl?: string;
  /** Base64 public key (optional: derived from the secret, checked against it when given). */
  readonly apiKey?: string;
  /** Base64 Ed25519 secret. Required: the connector trades. */
  readonly apiSecret: string;
  /** Markets to trade, e.g. `["SOL_USDC_PERP"]`: one order book each. */
  readonly markets: ReadonlyArray<string>;
  /** Cancel every open order of the configured markets on `close()`. Default `false`. */
  readonly cancelOnShutdown?: boolean;
  /** Balances, collateral, positions and funding are reconciled over REST this often. Default 5000. */
  readonly reconcileIntervalMs?: number;
  /** Fills are re-read from history starting this long before the last seen fill. Default 5000. */
  readonly fillOverlapMs?: number;
  /** Fee override (else the account's real fees, defaulting to 2 / 5 bps until known). */
  readonly fees?: FeeOverride;
  /** SDK log sink (nothing secret is ever logged). */
  readonly logger?: (entry: LogEntry) => void;
  /** Log level (default `info` with a logger, else silent). */
  readonly logLevel?: LogLevelOption;
  /** Client-side REST rate limits; `false` disables them. Default: Backpack's published limits. */
  readonly rateLimit?: RateLimitConfig | false;
  /** `fetch` implementation. */
  readonly fetch?: FetchFn;
  /** WebSocket constructor (default `isows`). */
  readonly WebSocket?: WebSocketConstructorLike;
  /** Reconnect / heartbeat options of the private stream socket. */
  readonly socket?: BackpackSocketOptions;
  /** Where the order books run (default `auto`: a worker where available). */
  readonly orderBookMode?: OrderBookMode;
}

/** Lifecycle state of an order placed through the connector. */
export type OrderState =
  | "PendingNew"
  | "Open"
  | "PartiallyFilled"
  | "Filled"
  | "Cancelled"
  | "Expired"
  | "Failed"
  | "Unknown";

/** Parameters of `placeOrder`: an order without `clientId` (the connector assigns one). */
export type PlaceOrderParams = Omit<ExecuteOrderParams, "clientId">;

/** One order of a market, by `clientId` (connector orders) or `orderId`. */
export interface OrderRef {
  /** Market symbol. */
  readonly symbol: string;
  /** The connector-assigned uint32 client id. */
  readonly clientId?: number;
  /** Exchange order id. */
  readonly orderId?: string;
}

/** An order as the connector knows it. */
export interface TrackedOrder {
  /** uint32 client id (assigned by the connector, or the exchange's for foreign orders). */
  readonly clientId: number | undefined;
  /** Exchange order id, once known. */
  readonly orderId: string | undefined;
  /** Market symbol. */
  readonly symbol: string;
  /** Side. */
  readonly side: OrderSide;
  /** Order type. */
  readonly orderType: OrderType;
  /** Limit price. */
  readonly price: Decimal | undefined;
  /** Base quantity. */
  readonly quantity: Decimal | undefined;
  /** Post-only flag. */
  readonly postOnly: boolean;
  /** Reduce-only flag. */
  readonly reduceOnly: boolean;
  /** Lifecycle state. */
  readonly state: OrderState;
  /** Filled base quantity. */
  readonly executedQuantity: Decimal;
  /** Filled quote quantity. */
  readonly executedQuoteQuantity: Decimal;
  /** Why it expired (e.g. post-only would have crossed), when it did. */
  readonly expiryReason: string | undefined;
  /** The error that failed it (`Failed`) or made its outcome unknown (`Unknown`). */
  readonly error: BackpackError | undefined;
  /** When the connector registered it. */
  readonly createdAt: Date;
  /** Last change. */
  readonly updatedAt: Date;
}

/** One fill, counted once (deduplicated by trade id across the stream and the history). */
export interface TrackedFill {
  /** Trade id. */
  readonly tradeId: string;
  /** Exchange order id. */
  readonly orderId: string;
  /** Client id of the order, when it has one. */
  readonly clientId: number | undefined;
  /** Market symbol. */
  readonly symbol: string;
  /** Side of our order. */
  readonly side: OrderSide;
  /** Price. */
  readonly price: Decimal;
  /** Base quantity. */
  readonly quantity: Decimal;
  /** Fee actually charged (negative: a rebate). */
  readonly fee: Decimal;
  /** Asset the fee was charged in. */
  readonly feeAsset: string;
  /** Maker (true) or taker. */
  readonly maker: boolean;
  /** Fee the connector estimated for this fill (quote asset) from its fee schedule. */
  readonly estimatedFee: Decimal;
  /** Fill time. */
  readonly timestamp: Date;
  /** Where the connector first saw it. */
  readonly source: "stream" | "history";
}

/** A net (one-way) position. */
export interface PositionState {
  /** Market symbol. */
  readonly symbol: string;
  /** Signed size: > 0 long, < 0 short, 0 flat. */
  readonly netQuantity: Decimal;
  /** Average entry price (0 when flat). */
  readonly entryPrice: Decimal;
  /** Break-even price (after fees and funding), as reported by the exchange. */
  readonly breakEvenPrice: Decimal;
  /** Latest mark price. */
  readonly markPrice: Decimal;
  /** `(mark − entry) × net`. */
  readonly unrealizedPnl: Decimal;
  /** Realized PnL as reported by the exchange. */
  readonly realizedPnl: Decimal;
  /** Estimated liquidation price from REST (`undefined` until known or when flat). */
  readonly liquidationPrice: Decimal | undefined;
  /** Funding paid (−) or received (+) on this symbol, summed over the payments seen. */
  readonly fundingPaid: Decimal;
  /** Last change. */
  readonly updatedAt: Date;
}

/** One asset balance. */
export interface BalanceState {
  /** Asset symbol, e.g. `USDC`. */
  readonly asset: string;
  /** Available quantity. */
  readonly available: Decimal;
  /** Locked in open orders. */
  readonly locked: Decimal;
  /** Staked. */
  readonly staked: Decimal;
}

/** One funding payment (negative: paid). */
export interface FundingPaymentState {
  /** Market symbol. */
  readonly symbol: string;
  /** Amount, quote asset (negative: paid). */
  readonly quantity: Decimal;
  /** Funding rate of the interval. */
  readonly rate: Decimal;
  /** End of the funding interval. */
  readonly intervalEnd: Date;
}

/** Maker and taker fees of one market type, in basis points. */
export interface FeeRates {
  /** Maker fee, bps (may be negative). */
  readonly makerBps: Decimal;
  /** Taker fee, bps. */
  readonly takerBps: Decimal;
}

/** The fees the connector estimates with. */
export interface FeeSchedule {
  /** Perpetual futures markets. */
  readonly futures: FeeRates;
  /** Spot markets. */
  readonly spot: FeeRates;
  /** `default` (2 / 5 bps until the account is read), `account`, or `override` (config). */
  readonly source: "default" | "account" | "override";
}

/** Parameters of `estimateFee`. */
export interface EstimateFeeParams {
  /** Market symbol (its type picks futures or spot fees). */
  readonly symbol: string;
  /** Side (kept for symmetry; fees do not depend on it). */
  readonly side: OrderSide;
  /** Price. */
  readonly price: DecimalInput;
  /** Base quantity. */
  readonly quantity: DecimalInput;
  /** Maker (true) or taker. */
  readonly maker: boolean;
}

/** Which connection an event is about. */
export type ConnectionKind = "private" | "book";

/** How an order whose outcome was unknown was resolved. */
export type ReconcileResolution = "open" | "filled" | "cancelled" | "expired" | "notFound";

/** Every event the connector emits; switch on `type`. All carry `at`, the emission time. */
export type ConnectorEvent =
  | {
    readonly type: "orderCreated";
    readonly at: Date;
    readonly order: TrackedOrder;
  }
  | {
    readonly type: "orderPartiallyFilled";
    readonly at: Date;
    readonly order: TrackedOrder;
  }
  | { readonly type: "orderFilled"; readonly at: Date; readonly order: TrackedOrder }
  | { readonly type: "orderCancelled"; readonly at: Date; readonly order: TrackedOrder }
  | { readonly type: "orderExpired"; readonly at: Date; readonly order: TrackedOrder }
  | {
    readonly type: "orderFailed";
    readonly at: Date;
    readonly order: TrackedOrder;
    readonly error: BackpackError;
  }
  | {
    readonly type: "orderOutcomeUnknown";
    readonly at: Date;
    readonly order: TrackedOrder;
    readonly error: OrderOutcomeUnknownError;
  }
  | {
    readonly type: "orderReconciled";
    readonly at: Date;
    readonly order: TrackedOrder;
    readonly resolution: ReconcileResolution;
  }
  | { readonly type: "fill"; readonly at: Date; readonly fill: TrackedFill }
  | { readonly type: "positionChanged"; readonly at: Date; readonly position: PositionState }
  | {
    readonly type: "balanceChanged";
    readonly at: Date;
    readonly balance: BalanceState;
    readonly previous: BalanceState | undefined;
  }
  | {
    readonly type: "fundingPaid";
    readonly at: Date;
    readonly payment: FundingPaymentState;
    readonly total: Decimal;
  }
  | {
    readonly type: "bookResynced";
    readonly at: Date;
    readonly symbol: string;
    readonly reason: ResyncCause;
  }
  | {
    readonly type: "connectionLost";
    readonly at: Date;
    readonly connection: ConnectionKind;
    readonly symbol: string | undefined;
    readonly reason: string;
  }
  | {
    readonly type: "connectionRestored";
    readonly at: Date;
    readonly connection: ConnectionKind;
    readonly symbol: string | undefined;
  };

/** The `type` of a {@link ConnectorEvent}. */
export type ConnectorEventType = ConnectorEvent["type"];

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

/** An async iterable of events; `close()` (or `break`) ends it. */
export interface EventSubscription extends AsyncIterable<ConnectorEvent> {
  /** Stops the subscription (idempotent). */
  close(): void;
}

/**
 * The connector's Promise face (`createConnector`). Methods reject with the SDK's tagged errors.
 */
export interface Connector extends ConnectorState {
  /**
   * Places an order with a fresh clientId and tracks it. Resolves once its outcome is known: on an
   * unknown outcome (HTTP 202, 5xx, timeout) the connector reconciles first and resolves with the
   * order found; rejects with the typed error when the order failed (never placed).
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
  /** Stops everything (cancelling open orders first with `cancelOnShutdown`). Idempotent. */
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
