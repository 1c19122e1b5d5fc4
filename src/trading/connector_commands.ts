/**
 * The connector's commands: place (with a fresh uint32 `clientId`; an unknown outcome — 202, 5xx,
 * timeout, or a connection that failed — is looked up at once), cancel one, cancel all of a market,
 * read and set the leverage limit. Each updates the {@link TradingState} from the REST reply and
 * answers the tracked order(s).
 *
 * @module
 */
import * as Effect from "effect/Effect";
import type { Decimal, DecimalInput } from "../decimal.ts";
import { InvalidInputError } from "../error_classes.ts";
import type { BackpackError } from "../errors.ts";
import { validateOrder } from "../orders/validate_order.ts";
import { getAccount, updateAccount } from "../rest/account.ts";
import type { BackpackServices } from "../rest/layer.ts";
import { cancelOpenOrders, cancelOrder } from "../rest/order_cancel.ts";
import { executeOrder } from "../rest/order_execute.ts";
import type { Order } from "../schema/order.ts";
import { type Reconciliation, UNKNOWN_ATTEMPTS } from "./connector_reconcile.ts";
import { fromRestOrder } from "./order_tracker.ts";
import { logged } from "./reconcile.ts";
import type { TradingState } from "./trading_state.ts";
import type { ConnectorShape } from "./connector_api.ts";
import type { OrderRef, PlaceOrderParams, TrackedOrder } from "./order_types.ts";

/** The commands of {@link ConnectorShape}. */
export type ConnectorCommands = Pick<
  ConnectorShape,
  "placeOrder" | "cancelOrder" | "cancelAll" | "getLeverage" | "setLeverage"
>;

/** Runs an effect over the REST services with the connector's context provided. */
export type RunWithServices = <A>(
  effect: Effect.Effect<A, BackpackError, BackpackServices>,
) => Effect.Effect<A, BackpackError>;

/** The commands of the connector whose state is `state`. */
export const makeCommands = (
  state: TradingState,
  reconciliation: Reconciliation,
  run: RunWithServices,
): ConnectorCommands => {
  const { tracker, now, emit } = state;

  const settle = (clientId: number) =>
    Effect.gen(function* () {
      for (let attempt = 0; attempt < UNKNOWN_ATTEMPTS; attempt++) {
        const order = tracker.byClientId(clientId)!;
        if (order.state !== "Unknown") return;
        yield* logged("order lookup")(run(reconciliation.resolve(order)));
        if (tracker.byClientId(clientId)!.state === "Unknown") yield* Effect.sleep("200 millis");
      }
    });

  const placeOrder = (params: PlaceOrderParams): Effect.Effect<TrackedOrder, BackpackError> =>
    Effect.gen(function* () {
      if ((params as { clientId?: unknown }).clientId !== undefined) {
        return yield* new InvalidInputError({
          field: "clientId",
          reason: "BadKey",
          detail: "the connector assigns clientIds",
        });
      }
      const clientId = state.ids.next();
      yield* Effect.fromResult(validateOrder({ ...params, clientId }));
      tracker.register(params, clientId, now());
      state.inFlight.add(clientId);
      // Stays listed if the call is cut off (interrupted) or its outcome is unknown; the shutdown
      // ignores the listed orders the tracker has seen since (they have an order id).
      state.unconfirmedPlacements.set(clientId, Date.now());
      const result = yield* Effect.result(run(executeOrder({ ...params, clientId }))).pipe(
        Effect.ensuring(Effect.sync(() => void state.inFlight.delete(clientId))),
      );
      if (result._tag === "Success") {
        state.unconfirmedPlacements.delete(clientId);
        emit(tracker.observe(fromRestOrder(result.success), now()));
      } else if (result.failure._tag === "OrderOutcomeUnknownError") {
        // 202, 5xx, timeout or a failed connection (BackpackHttp): the order may exist.
        emit(tracker.unknown(clientId, result.failure, now()));
        yield* settle(clientId);
      } else {
        state.unconfirmedPlacements.delete(clientId); // rejected, or never sent
        emit(tracker.failed(clientId, result.failure, now()));
      }
      const order = tracker.byClientId(clientId)!;
      return order.error !== undefined && (order.state === "Failed" || order.state === "Unknown")
        ? yield* Effect.fail(order.error)
        : order;
    });

  const refOf = (ref: OrderRef) =>
    ref.orderId !== undefined
      ? { symbol: ref.symbol, orderId: ref.orderId }
      : { symbol: ref.symbol, clientId: ref.clientId };

  const cancel = (ref: OrderRef): Effect.Effect<TrackedOrder, BackpackError> =>
    Effect.gen(function* () {
      const result = yield* Effect.result(run(cancelOrder(refOf(ref))));
      if (result._tag === "Success") {
        emit(tracker.observe(fromRestOrder(result.success), now()));
      }
      const known = (ref.clientId !== undefined ? tracker.byClientId(ref.clientId) : undefined) ??
        (ref.orderId !== undefined ? tracker.byOrderId(ref.orderId) : undefined);
      if (result._tag === "Failure" && known !== undefined) {
        yield* logged("order lookup")(run(reconciliation.resolve(known)));
      }
      const order = known === undefined ? undefined : tracker.byClientId(known.clientId!) ??
        tracker.byOrderId(known.orderId!);
      if (result._tag === "Failure") return yield* Effect.fail(result.failure);
      return order ?? tracker.byOrderId(result.success.id)!;
    });

  const cancelAll = (symbol: string): Effect.Effect<ReadonlyArray<TrackedOrder>, BackpackError> =>
    Effect.gen(function* () {
      const result = yield* Effect.result(run(cancelOpenOrders({ symbol })));
      if (result._tag === "Failure") {
        yield* logged("order reconciliation")(run(reconciliation.orders));
        return yield* Effect.fail(result.failure);
      }
      const orders: Order[] = [...result.success];
      for (const order of orders) emit(tracker.observe(fromRestOrder(order), now()));
      return orders.map((order) => tracker.byOrderId(order.id)!);
    });

  const getLeverage: Effect.Effect<Decimal, BackpackError> = run(
    Effect.map(getAccount(), (account) => account.leverageLimit),
  );
  const setLeverage = (leverage: DecimalInput): Effect.Effect<Decimal, BackpackError> =>
    Effect.andThen(run(updateAccount({ leverageLimit: leverage })), getLeverage);

  return { placeOrder, cancelOrder: cancel, cancelAll, getLeverage, setLeverage };
};
