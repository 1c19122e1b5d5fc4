/**
 * The mutable state behind one connector: its orders, fills, positions, balances, funding, fees and
 * counters, and the event hub every change is published on. The connector's order-book wiring,
 * reconciliation and commands all read and update this one object.
 *
 * @module
 */
import * as Queue from "effect/Queue";
import { makeClientIdGenerator } from "../orders/client_id.ts";
import type { ClientIdGenerator } from "../orders/client_id.ts";
import type { Collateral } from "../schema/capital.ts";
import { FundingLedger } from "./account_ledger.ts";
import { EventHub } from "./event_hub.ts";
import { defaultSchedule, estimateFee, withOverride } from "./fees.ts";
import { type FillInput, FillLedger } from "./fill_ledger.ts";
import { OrderTracker } from "./order_tracker.ts";
import { applyFill, PositionBook } from "./positions.ts";
import type { BalanceState, PositionState } from "./account_types.ts";
import type { ConnectorConfig } from "./connector_config.ts";
import type { ConnectorEvent } from "./event_types.ts";
import type { FeeSchedule } from "./fee_types.ts";

/** Default `fillOverlapMs`. */
export const DEFAULT_FILL_OVERLAP_MS = 5_000;

/** The counters of `ConnectorStats` the connector keeps itself (duplicates come from the ledger). */
export interface TradingCounters {
  /** Fill reconciliations from REST history run so far. */
  fillReconciliations: number;
  /** Times the private stream came back after a loss. */
  reconnects: number;
  /** Orders whose outcome was unknown and got resolved. */
  ordersReconciled: number;
}

/** See the module documentation. */
export class TradingState {
  /** Subscribers of the connector's events. */
  readonly hub: EventHub = new EventHub();
  /** Order lifecycle. */
  readonly tracker: OrderTracker = new OrderTracker();
  /** Fills, each trade id once. */
  readonly ledger: FillLedger = new FillLedger();
  /** Positions by symbol. */
  readonly positions: PositionBook = new PositionBook();
  /** Funding payments by symbol. */
  readonly funding: FundingLedger = new FundingLedger();
  /** Fresh uint32 client ids for placed orders. */
  readonly ids: ClientIdGenerator = makeClientIdGenerator();
  /** Client ids of orders whose REST placement has not answered yet. */
  readonly inFlight: Set<number> = new Set();
  /**
   * When each placement the exchange has not answered was sent (Unix ms), by client id: in flight,
   * cut off by a shutdown, or of unknown outcome. Such a request may still reach the exchange until
   * its signature window ends (unless the tracker has seen the order since: it has an order id).
   */
  readonly unconfirmedPlacements: Map<number, number> = new Map();
  /** How many look-ups each order of unknown outcome has had, by client id. */
  readonly unknownAttempts: Map<number, number> = new Map();
  /** Engine time (µs) of the last `account.positionUpdate` frame, by symbol. */
  readonly lastPositionUs: Map<string, number> = new Map();
  /** Monitoring counters. */
  readonly stats: TradingCounters = { fillReconciliations: 0, reconnects: 0, ordersReconciled: 0 };
  /** Balances as last read from REST. */
  balances: Readonly<Record<string, BalanceState>> = {};
  /** Collateral as last read from REST. */
  collateral: Collateral | undefined;
  /** The fee schedule fills are estimated with (the account's once read, plus the override). */
  schedule: FeeSchedule;
  /** When the connector started, Unix ms (the first fill reconciliation starts before it). */
  readonly startedAt: number = Date.now();
  /** How far back each fill reconciliation re-reads, ms. */
  readonly overlapMs: number;
  readonly #wake: Queue.Enqueue<void>;

  /** `wake` gets a message after each new fill (the post-fill refresh waits on it). */
  constructor(config: ConnectorConfig, wake: Queue.Enqueue<void>) {
    this.schedule = withOverride(defaultSchedule(), config.fees);
    this.overlapMs = config.fillOverlapMs ?? DEFAULT_FILL_OVERLAP_MS;
    this.#wake = wake;
  }

  /** The current time. */
  readonly now = (): Date => new Date();

  /** Publishes `events` (and counts the reconciled orders). */
  readonly emit = (events: ReadonlyArray<ConnectorEvent>): void => {
    for (const event of events) if (event.type === "orderReconciled") this.stats.ordersReconciled++;
    this.hub.publish(events);
  };

  /** Stores a position state; emits `positionChanged` when it changed. */
  readonly emitPosition = (next: PositionState): void => {
    const changed = this.positions.set(next);
    if (changed !== undefined) {
      this.emit([{ type: "positionChanged", at: this.now(), position: changed }]);
    }
  };

  /**
   * Records a fill once (with its estimated fee): emits `fill`, applies it to the position when
   * `applyLocally` (no newer position frame already includes it) and wakes the post-fill refresh.
   */
  readonly recordFill = (input: FillInput, applyLocally: boolean): void => {
    const fill = {
      ...input,
      estimatedFee: estimateFee(this.schedule, { ...input, maker: input.maker }),
    };
    if (!this.ledger.add(fill)) return;
    this.emit([{ type: "fill", at: this.now(), fill }]);
    if (applyLocally) {
      this.emitPosition(applyFill(this.positions.get(fill.symbol, this.now()), fill, this.now()));
    }
    Queue.offerUnsafe(this.#wake, undefined);
  };
}
