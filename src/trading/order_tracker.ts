/**
 * The order lifecycle tracker: a pure state machine (no I/O, no clock) fed with what the connector
 * learns about its orders — REST replies, WebSocket order updates, order-history rows, failures —
 * in **any order**, each possibly more than once. It answers the events to emit.
 *
 * States: `PendingNew → Open → PartiallyFilled → Filled | Cancelled | Expired | Failed`, plus
 * `Unknown` (the placement's outcome was not answered: HTTP 202, 5xx, timeout). Rules:
 * - the state only moves forward (`PendingNew`/`Unknown` < `Open` < `PartiallyFilled` < final):
 *   a late `New` after a fill, or any observation after a final state, changes nothing;
 * - executed quantities only grow (the largest seen wins), so a replayed update is harmless;
 * - the first observation that acknowledges an order emits `orderCreated` (once), then the event of
 *   the state reached (an order filled at once emits `orderCreated` then `orderFilled`);
 * - an observation of an `Unknown` order also emits `orderReconciled` (how it was resolved);
 *   {@link OrderTracker.notFound} resolves an `Unknown` order that exists nowhere as `Failed`;
 * - that `Failed` is a presumption, not news from the exchange: a later observation of the order
 *   (it landed after the look-up) revises it like an `Unknown` order (`orderCreated`,
 *   `orderReconciled`, then the state's event). A `Failed` from a rejection is final.
 *
 * @module
 */
import { Decimal } from "../decimal.ts";
import type { OrderOutcomeUnknownError } from "../error_classes.ts";
import type { BackpackError } from "../errors.ts";
import type { OrderHistoryEntry } from "../schema/history.ts";
import type { Order, OrderSide, OrderType } from "../schema/order.ts";
import type { OrderUpdate } from "../schema/ws_account.ts";
import type { ConnectorEvent, ReconcileResolution } from "./event_types.ts";
import type { OrderState, PlaceOrderParams, TrackedOrder } from "./order_types.ts";

/** What one source says about an order, normalised. */
export interface OrderObservation {
  /** Exchange order id. */
  readonly orderId: string;
  /** Client id, when the order has one. */
  readonly clientId: number | undefined;
  /** Market symbol. */
  readonly symbol: string;
  /** Exchange status (`New`, `PartiallyFilled`, `Filled`, `Cancelled`, `Expired`, ...). */
  readonly status: string;
  /** Cumulative filled base quantity. */
  readonly executedQuantity: Decimal;
  /** Cumulative filled quote quantity. */
  readonly executedQuoteQuantity: Decimal;
  /** Side. */
  readonly side: string;
  /** Order type. */
  readonly orderType: string;
  /** Limit price. */
  readonly price: Decimal | undefined;
  /** Base quantity. */
  readonly quantity: Decimal | undefined;
  /** Expiry reason. */
  readonly expiryReason?: string | undefined;
  /** Post-only flag. */
  readonly postOnly?: boolean | undefined;
  /** Reduce-only flag. */
  readonly reduceOnly?: boolean | undefined;
}

/** A REST order object as an observation. */
export const fromRestOrder = (order: Order): OrderObservation => ({
  orderId: order.id,
  clientId: order.clientId ?? undefined,
  symbol: order.symbol,
  status: order.status,
  executedQuantity: order.executedQuantity,
  executedQuoteQuantity: order.executedQuoteQuantity,
  side: order.side,
  orderType: order.orderType,
  price: order.orderType === "Limit" ? order.price : undefined,
  quantity: order.quantity ?? undefined,
  postOnly: order.orderType === "Limit" ? order.postOnly : false,
  reduceOnly: order.reduceOnly ?? undefined,
});

/** A WebSocket order update as an observation. */
export const fromOrderUpdate = (
  update: OrderUpdate & { readonly symbol: string },
): OrderObservation => ({
  orderId: update.orderId,
  clientId: update.clientId,
  symbol: update.symbol,
  status: update.status,
  executedQuantity: update.executedQuantity,
  executedQuoteQuantity: update.executedQuoteQuantity,
  side: update.side,
  orderType: update.orderType,
  price: update.price,
  quantity: update.quantity,
  expiryReason: update.expiryReason,
  postOnly: update.postOnly,
  reduceOnly: update.reduceOnly,
});

/** An order-history row (a finished order) as an observation. */
export const fromHistoryEntry = (entry: OrderHistoryEntry): OrderObservation => ({
  orderId: entry.id,
  clientId: entry.clientId ?? undefined,
  symbol: entry.symbol,
  status: entry.status,
  executedQuantity: entry.executedQuantity ?? new Decimal(0),
  executedQuoteQuantity: entry.executedQuoteQuantity ?? new Decimal(0),
  side: entry.side,
  orderType: entry.orderType,
  price: entry.price ?? undefined,
  quantity: entry.quantity ?? undefined,
  expiryReason: entry.expiryReason ?? undefined,
  postOnly: entry.postOnly ?? undefined,
});

const FINAL: ReadonlySet<OrderState> = new Set(["Filled", "Cancelled", "Expired", "Failed"]);

/** True for `Filled`, `Cancelled`, `Expired`, `Failed`. */
export const isFinal = (state: OrderState): boolean => FINAL.has(state);

/**
 * An order `Failed` only because its unknown outcome was found nowhere is still `Unknown` to a new
 * observation; any other order is as it is.
 */
const presumedUnknown = (order: TrackedOrder): TrackedOrder =>
  order.state === "Failed" && order.error?._tag === "OrderOutcomeUnknownError"
    ? { ...order, state: "Unknown" }
    : order;

const rank = (state: OrderState): number =>
  state === "PendingNew" || state === "Unknown"
    ? 0
    : state === "Open"
    ? 1
    : state === "PartiallyFilled"
    ? 2
    : 3;

/** The tracker state an exchange status maps to (`undefined`: no information). */
const stateOf = (status: string, executed: Decimal): OrderState | undefined => {
  switch (status) {
    case "New":
    case "TriggerPending":
    case "Triggered":
      return executed.gt(0) ? "PartiallyFilled" : "Open";
    case "PartiallyFilled":
      return "PartiallyFilled";
    case "Filled":
      return "Filled";
    case "Cancelled":
      return "Cancelled";
    case "Expired":
    case "TriggerFailed":
      return "Expired";
    default:
      return undefined;
  }
};

const RESOLUTION: Readonly<Partial<Record<OrderState, ReconcileResolution>>> = {
  Open: "open",
  PartiallyFilled: "open",
  Filled: "filled",
  Cancelled: "cancelled",
  Expired: "expired",
};

const EVENT_OF: Readonly<Partial<Record<OrderState, ConnectorEvent["type"]>>> = {
  PartiallyFilled: "orderPartiallyFilled",
  Filled: "orderFilled",
  Cancelled: "orderCancelled",
  Expired: "orderExpired",
};

interface Entry {
  order: TrackedOrder;
  created: boolean;
}

/** The fields of a {@link TrackedOrder} that come from the order itself (the rest is lifecycle). */
type OrderTerms = Pick<
  TrackedOrder,
  | "clientId"
  | "orderId"
  | "symbol"
  | "side"
  | "orderType"
  | "price"
  | "quantity"
  | "postOnly"
  | "reduceOnly"
>;

/** A newly tracked order: `PendingNew`, nothing executed, created and updated at `now`. */
const pendingNew = (terms: OrderTerms, now: Date): TrackedOrder => ({
  ...terms,
  state: "PendingNew",
  executedQuantity: new Decimal(0),
  executedQuoteQuantity: new Decimal(0),
  expiryReason: undefined,
  error: undefined,
  createdAt: now,
  updatedAt: now,
});

const asSide = (side: string): OrderSide => (side === "Ask" ? "Ask" : "Bid");
const asType = (type: string): OrderType => (type === "Market" ? "Market" : "Limit");

/** The state machine (see the module documentation). */
export class OrderTracker {
  readonly #entries = new Map<string, Entry>();
  readonly #byOrderId = new Map<string, string>();

  /** Registers an order about to be sent with `clientId` (state `PendingNew`). */
  register(params: PlaceOrderParams, clientId: number, now: Date): TrackedOrder {
    const order = pendingNew({
      clientId,
      orderId: undefined,
      symbol: params.symbol,
      side: params.side,
      orderType: params.orderType,
      price: params.price === undefined ? undefined : new Decimal(params.price),
      quantity: params.quantity === undefined ? undefined : new Decimal(params.quantity),
      postOnly: params.postOnly ?? false,
      reduceOnly: params.reduceOnly ?? false,
    }, now);
    this.#entries.set(`c${clientId}`, { order, created: false });
    return order;
  }

  /** The order with this client id. */
  byClientId(clientId: number): TrackedOrder | undefined {
    return this.#entries.get(`c${clientId}`)?.order;
  }

  /** The order with this exchange id. */
  byOrderId(orderId: string): TrackedOrder | undefined {
    const key = this.#byOrderId.get(orderId);
    return key === undefined ? undefined : this.#entries.get(key)?.order;
  }

  /** Every order, in registration order. */
  all(): ReadonlyArray<TrackedOrder> {
    return [...this.#entries.values()].map((entry) => entry.order);
  }

  /** Applies one observation; answers the events it causes (none for stale or repeated news). */
  observe(obs: OrderObservation, now: Date): ReadonlyArray<ConnectorEvent> {
    const key = this.#keyOf(obs);
    const entry = this.#entries.get(key) ?? this.#foreign(key, obs, now);
    const before = presumedUnknown(entry.order);
    if (before.state === "Failed") return []; // rejected: the exchange never had it
    this.#byOrderId.set(obs.orderId, key);
    const executedQuantity = Decimal.max(before.executedQuantity, obs.executedQuantity);
    const executedQuoteQuantity = Decimal.max(
      before.executedQuoteQuantity,
      obs.executedQuoteQuantity,
    );
    const seen = stateOf(obs.status, obs.executedQuantity);
    const state = seen !== undefined && !isFinal(before.state) && rank(seen) > rank(before.state)
      ? seen
      : before.state === "Open" && executedQuantity.gt(0)
      ? "PartiallyFilled"
      : before.state;
    const after: TrackedOrder = {
      ...before,
      orderId: obs.orderId,
      executedQuantity,
      executedQuoteQuantity,
      state,
      price: before.price ?? obs.price,
      quantity: before.quantity ?? obs.quantity,
      expiryReason: before.expiryReason ?? obs.expiryReason ??
        (obs.status === "TriggerFailed" ? "TriggerFailed" : undefined),
      error: state === before.state ? before.error : undefined,
      updatedAt: now,
    };
    const grew = executedQuantity.gt(before.executedQuantity);
    if (state === before.state && !grew && before.orderId === obs.orderId) return [];
    entry.order = after;
    const events: ConnectorEvent[] = [];
    if (!entry.created && rank(state) > 0) {
      entry.created = true;
      events.push({ type: "orderCreated", at: now, order: after });
    }
    if (before.state === "Unknown" && state !== "Unknown") {
      events.push({
        type: "orderReconciled",
        at: now,
        order: after,
        resolution: RESOLUTION[state] ?? "open",
      });
    }
    const type = EVENT_OF[state];
    if (type !== undefined && (state !== before.state || (grew && !isFinal(state)))) {
      events.push({ type, at: now, order: after } as ConnectorEvent);
    }
    return events;
  }

  /** The placement's outcome is unknown (202, 5xx, timeout): state `Unknown`. */
  unknown(
    clientId: number,
    error: OrderOutcomeUnknownError,
    now: Date,
  ): ReadonlyArray<ConnectorEvent> {
    const entry = this.#entries.get(`c${clientId}`);
    if (entry === undefined || entry.order.state !== "PendingNew") return [];
    entry.order = { ...entry.order, state: "Unknown", error, updatedAt: now };
    return [{ type: "orderOutcomeUnknown", at: now, order: entry.order, error }];
  }

  /** The placement was rejected (or an `Unknown` order was found nowhere): state `Failed`. */
  failed(clientId: number, error: BackpackError, now: Date): ReadonlyArray<ConnectorEvent> {
    const entry = this.#entries.get(`c${clientId}`);
    if (entry === undefined || rank(entry.order.state) > 0) return [];
    const wasUnknown = entry.order.state === "Unknown";
    entry.order = { ...entry.order, state: "Failed", error, updatedAt: now };
    const failed: ConnectorEvent = { type: "orderFailed", at: now, order: entry.order, error };
    return wasUnknown
      ? [
        { type: "orderReconciled", at: now, order: entry.order, resolution: "notFound" },
        failed,
      ]
      : [failed];
  }

  /** An `Unknown` order is neither open nor in the history: it was never placed (`Failed`). */
  notFound(clientId: number, now: Date): ReadonlyArray<ConnectorEvent> {
    const entry = this.#entries.get(`c${clientId}`);
    if (entry === undefined || entry.order.state !== "Unknown") return [];
    return this.failed(clientId, entry.order.error!, now);
  }

  #keyOf(obs: OrderObservation): string {
    const byId = this.#byOrderId.get(obs.orderId);
    if (byId !== undefined) return byId;
    return obs.clientId === undefined ? `o${obs.orderId}` : `c${obs.clientId}`;
  }

  /** An order the connector did not place (another session, the UI): tracked from now on. */
  #foreign(key: string, obs: OrderObservation, now: Date): Entry {
    const entry: Entry = {
      created: false,
      order: pendingNew({
        clientId: obs.clientId,
        orderId: obs.orderId,
        symbol: obs.symbol,
        side: asSide(obs.side),
        orderType: asType(obs.orderType),
        price: obs.price,
        quantity: obs.quantity,
        postOnly: obs.postOnly ?? false,
        reduceOnly: obs.reduceOnly ?? false,
      }, now),
    };
    this.#entries.set(key, entry);
    return entry;
  }
}
