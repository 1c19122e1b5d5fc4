/**
 * The connector's REST reconciliation: each step reads one part of the account from REST and
 * brings the {@link TradingState} in line with it, emitting the events of what changed. The
 * connector runs them under one lock: all of them initially and every `reconcileIntervalMs`,
 * positions and balances shortly after fills, fills and orders after a private-stream reconnect.
 *
 * @module
 */
import * as Effect from "effect/Effect";
import type { BackpackError } from "../errors.ts";
import { getAccount } from "../rest/account.ts";
import { getBalances, getCollateral } from "../rest/capital.ts";
import { getFundingPayments } from "../rest/history.ts";
import type { BackpackServices } from "../rest/layer.ts";
import { getOpenOrders } from "../rest/order_query.ts";
import { getPositions } from "../rest/positions.ts";
import { balanceChanges } from "./account_ledger.ts";
import { accountSchedule, isFutures, withOverride } from "./fees.ts";
import { fillFromHistory } from "./fill_ledger.ts";
import { fromRestOrder, isFinal } from "./order_tracker.ts";
import { applyRest } from "./positions.ts";
import { fetchFillsSince, findOrder, retried } from "./reconcile.ts";
import type { TradingState } from "./trading_state.ts";
import type { BalanceState } from "./account_types.ts";
import type { ConnectorConfig } from "./connector_config.ts";
import type { TrackedOrder } from "./order_types.ts";

/** How many times an unknown outcome is looked up (200 ms apart) before a reconciliation gives up. */
export const UNKNOWN_ATTEMPTS = 3;

/** A reconciliation step. */
export type ReconcileStep = Effect.Effect<void, BackpackError, BackpackServices>;

/** The reconciliation steps of one connector. */
export interface Reconciliation {
  /**
   * Looks one order up (open orders, then history) and applies what was found; an order of unknown
   * outcome found nowhere {@link UNKNOWN_ATTEMPTS} times becomes `Failed`.
   */
  readonly resolve: (order: TrackedOrder) => ReconcileStep;
  /** Fills from the history since the last fill it returned (with overlap). */
  readonly fills: ReconcileStep;
  /** Open orders, then a look-up of every tracked order neither open nor final nor in flight. */
  readonly orders: ReconcileStep;
  /** The account's fee tiers (the fee schedule). */
  readonly account: ReconcileStep;
  /** The futures positions (with the liquidation estimate). */
  readonly positions: ReconcileStep;
  /** Balances (`balanceChanged` only on change) and collateral. */
  readonly balances: ReconcileStep;
  /** New funding payments (`fundingPaid`, and the position's `fundingPaid` total). */
  readonly funding: ReconcileStep;
  /** Every step above but `resolve`, in that order. */
  readonly all: ReconcileStep;
}

/** The reconciliation steps of the connector over `markets` whose state is `state`. */
export const makeReconciliation = (
  state: TradingState,
  config: ConnectorConfig,
  markets: ReadonlyArray<string>,
): Reconciliation => {
  const { tracker, now, emit, emitPosition } = state;

  const fills = Effect.gen(function* () {
    const rows = yield* fetchFillsSince(
      state.ledger.cursor(state.overlapMs, state.startedAt - state.overlapMs),
    );
    state.stats.fillReconciliations++;
    for (const row of rows) {
      const fill = fillFromHistory(row);
      if (fill !== undefined) state.recordFill(fill, false);
    }
  });

  const resolve = (order: TrackedOrder) =>
    Effect.gen(function* () {
      const where = yield* findOrder(order);
      if (where.found !== "nowhere") {
        emit(tracker.observe(where.observation, now()));
      } else if (order.state === "Unknown" && order.clientId !== undefined) {
        const attempts = (state.unknownAttempts.get(order.clientId) ?? 0) + 1;
        state.unknownAttempts.set(order.clientId, attempts);
        if (attempts >= UNKNOWN_ATTEMPTS) emit(tracker.notFound(order.clientId, now()));
      }
    });

  const orders = Effect.gen(function* () {
    const since = Date.now();
    const open = yield* retried(getOpenOrders());
    const openIds = new Set<string>();
    for (const order of open) {
      if (!markets.includes(order.symbol)) continue;
      openIds.add(order.id);
      emit(tracker.observe(fromRestOrder(order), now()));
    }
    const stale = tracker.all().filter((order) =>
      !isFinal(order.state) && order.state !== "PendingNew" &&
      order.createdAt.getTime() < since &&
      !(order.clientId !== undefined && state.inFlight.has(order.clientId)) &&
      !(order.orderId !== undefined && openIds.has(order.orderId))
    );
    yield* Effect.forEach(stale, resolve, { discard: true });
  });

  const account = Effect.gen(function* () {
    const read = yield* retried(getAccount());
    state.schedule = withOverride(accountSchedule(read), config.fees);
  });

  const positions = Effect.forEach(
    markets.filter(isFutures),
    (symbol) =>
      Effect.map(retried(getPositions({ symbol })), (rows) =>
        emitPosition(
          applyRest(
            state.positions.get(symbol, now()),
            rows.find((p) => p.symbol === symbol),
            now(),
          ),
        )),
    { discard: true },
  );

  const balances = Effect.gen(function* () {
    const next = yield* retried(getBalances());
    const changes = balanceChanges(state.balances, next);
    const updated: Record<string, BalanceState> = { ...state.balances };
    for (const change of changes) updated[change.balance.asset] = change.balance;
    state.balances = updated;
    emit(changes.map((change) => ({ type: "balanceChanged", at: now(), ...change })));
    state.collateral = yield* retried(getCollateral());
  });

  const funding = Effect.gen(function* () {
    const rows = yield* retried(getFundingPayments({ limit: 1000 }));
    for (const row of [...rows].reverse()) {
      if (!markets.includes(row.symbol)) continue;
      const payment = state.funding.add(row);
      if (payment === undefined) continue;
      const total = state.funding.total(row.symbol);
      emit([{ type: "fundingPaid", at: now(), payment, total }]);
      emitPosition({
        ...state.positions.get(row.symbol, now()),
        fundingPaid: total,
        updatedAt: now(),
      });
    }
  });

  const all = Effect.gen(function* () {
    yield* account;
    yield* fills;
    yield* orders;
    yield* positions;
    yield* balances;
    yield* funding;
  });

  return { resolve, fills, orders, account, positions, balances, funding, all };
};
