/**
 * The trading connector's typed event stream: every event it emits (order lifecycle, fills,
 * positions, balances, funding, book resyncs, connection loss and recovery) and the async-iterable
 * subscription the Promise face hands out.
 *
 * @module
 */
import type { Decimal } from "../decimal.ts";
import type { OrderOutcomeUnknownError } from "../error_classes.ts";
import type { BackpackError } from "../errors.ts";
import type { ResyncCause } from "../orderbook/protocol.ts";
import type { BalanceState, FundingPaymentState, PositionState } from "./account_types.ts";
import type { TrackedFill, TrackedOrder } from "./order_types.ts";

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

/** An async iterable of events; `close()` (or `break`) ends it. */
export interface EventSubscription extends AsyncIterable<ConnectorEvent> {
  /** Stops the subscription (idempotent). */
  close(): void;
}
