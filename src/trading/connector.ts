/**
 * The `Connector` service: what a strategy talks to. Built from the REST services
 * (`layerBackpack`), the shared `BackpackSocket` and one order book per market, it keeps the state
 * of the account's orders, fills, positions, balances and funding, and emits one typed event stream.
 *
 * - Orders placed through {@link ConnectorShape.placeOrder} get a fresh uint32 `clientId` and are
 *   tracked by the {@link OrderTracker} from REST replies and `account.orderUpdate` frames (either
 *   may come first). An unknown outcome (202, 5xx, timeout) is resolved at once from the open
 *   orders and the order history (retried a few times), and again on every reconciliation.
 * - Fills come from `orderFill` frames and from the fill history, read after every (re)connect of
 *   the private stream and on every reconciliation since the last fill the history returned (with
 *   overlap); the {@link FillLedger} counts each market's trade id once.
 * - Positions follow `account.positionUpdate` frames, stream fills in between, the `markPrice`
 *   streams, and REST (`getPositions`, with the liquidation estimate) on every reconciliation.
 * - Balances and collateral (no stream on Backpack), funding payments and the account's fees are
 *   reconciled every `reconcileIntervalMs` and shortly after fills; `balanceChanged` is emitted only
 *   on change.
 *
 * @module
 */
import * as Context from "effect/Context";
import * as Effect from "effect/Effect";
import * as Queue from "effect/Queue";
import * as Schedule from "effect/Schedule";
import * as Semaphore from "effect/Semaphore";
import type * as Scope from "effect/Scope";
import * as Stream from "effect/Stream";
import { describedAs } from "../client/described.ts";
import { BackpackConfig } from "../config.ts";
import { InvalidInputError } from "../error_classes.ts";
import type { BackpackError } from "../errors.ts";
import type { BackpackServices } from "../rest/layer.ts";
import type { OrderUpdate, PositionUpdate } from "../schema/ws_account.ts";
import { BackpackSocket } from "../ws/socket.ts";
import { markPrice, orderUpdates, positionUpdates } from "../ws/streams.ts";
import { openOrderBooks } from "./connector_books.ts";
import { makeCommands } from "./connector_commands.ts";
import { makeReconciliation, type ReconcileStep } from "./connector_reconcile.ts";
import { estimateFee, isFutures } from "./fees.ts";
import { fillFromUpdate } from "./fill_ledger.ts";
import { fromOrderUpdate, isFinal } from "./order_tracker.ts";
import { applyMark, applyUpdate } from "./positions.ts";
import { logged } from "./reconcile.ts";
import { TradingState } from "./trading_state.ts";
import type { ConnectorShape } from "./connector_api.ts";
import type { ConnectorConfig } from "./connector_config.ts";

/**
 * How long after a cut-off placement's signature window `cancelOnShutdown` cancels again, ms
 * (clock jitter between this machine and the exchange).
 */
const SHUTDOWN_MARGIN_MS = 500;

/**
 * When the last placement the exchange has not confirmed was sent (Unix ms; `-Infinity` for none):
 * its order is still unknown to the tracker (no order id).
 */
const lastUnconfirmedPlacement = (state: TradingState): number => {
  let last = Number.NEGATIVE_INFINITY;
  for (const [clientId, sentAt] of state.unconfirmedPlacements) {
    if (state.tracker.byClientId(clientId)?.orderId === undefined) last = Math.max(last, sentAt);
  }
  return last;
};

/** Default `reconcileIntervalMs`. */
export const DEFAULT_RECONCILE_INTERVAL_MS = 5_000;

type AccountOrderUpdate = OrderUpdate & { readonly symbol: string };
type AccountPositionUpdate = PositionUpdate & { readonly symbol: string };

/**
 * Builds the connector in the current scope: starts the order books, the private streams, the
 * mark-price streams and the reconciliation loop; everything stops when the scope closes (after
 * cancelling open orders with `cancelOnShutdown`).
 */
export const make = (
  config: ConnectorConfig,
): Effect.Effect<ConnectorShape, BackpackError, BackpackServices | BackpackSocket | Scope.Scope> =>
  Effect.gen(function* () {
    if (!Array.isArray(config.markets) || config.markets.length === 0) {
      return yield* new InvalidInputError({
        field: "markets",
        reason: "Missing",
        detail: "at least one market is required",
      });
    }
    const markets = [...config.markets];
    const context = yield* Effect.context<BackpackServices | BackpackSocket>();
    const lock = yield* Semaphore.make(1);
    const wake = yield* Queue.sliding<void>(1);
    const state = new TradingState(config, wake);
    const { tracker, ledger, positions, funding, hub, stats, now, emit, emitPosition } = state;

    const onOrderUpdate = (update: AccountOrderUpdate) =>
      Effect.sync(() => {
        emit(tracker.observe(fromOrderUpdate(update), now()));
        const fill = fillFromUpdate(update);
        if (fill === undefined) return;
        const seenUs = state.lastPositionUs.get(update.symbol) ?? 0;
        state.recordFill(fill, update.engineTimeUs > seenUs);
      });

    const onPositionUpdate = (update: AccountPositionUpdate) =>
      Effect.sync(() => {
        state.lastPositionUs.set(update.symbol, update.engineTimeUs);
        emitPosition(applyUpdate(positions.get(update.symbol, now()), update, now()));
      });

    // --- REST reconciliation (one at a time) -----------------------------------------------------
    const steps = makeReconciliation(state, config, markets);
    const locked = (step: ReconcileStep): Effect.Effect<void, BackpackError> =>
      lock.withPermits(1)(step).pipe(Effect.provide(context));
    const reconcile = locked(steps.all);
    const afterFills = locked(Effect.andThen(steps.positions, steps.balances));
    const afterReconnect = locked(Effect.andThen(steps.fills, steps.orders));

    const books = yield* openOrderBooks(config, markets, emit);

    // --- streams and loops -----------------------------------------------------------------------
    const forever = <E>(stream: Stream.Stream<unknown, E, BackpackSocket>) =>
      Stream.runDrain(stream).pipe(
        Effect.retry(Schedule.spaced("250 millis")),
        Effect.provide(context),
        Effect.forkScoped,
      );
    yield* forever(
      Stream.mapEffect(orderUpdates(), (u) => onOrderUpdate(u as AccountOrderUpdate)),
    );
    yield* forever(
      Stream.mapEffect(positionUpdates(), (u) => onPositionUpdate(u as AccountPositionUpdate)),
    );
    for (const symbol of markets.filter(isFutures)) {
      yield* forever(
        Stream.mapEffect(markPrice({ symbol }), (event) =>
          Effect.sync(() => {
            const position = positions.get(symbol, now());
            if (!position.netQuantity.isZero()) {
              emitPosition(applyMark(position, event.markPrice, now()));
            }
          })),
      );
    }

    // The private stream's connection: lost / restored, and a fill + order reconciliation after
    // every reconnect (what happened while it was down only REST knows).
    const socket = yield* BackpackSocket;
    let lost = false;
    yield* Stream.runForEach(socket.status, (status) => {
      if (status.status === "open") {
        if (!lost) return Effect.void;
        lost = false;
        stats.reconnects++;
        emit([{ type: "connectionRestored", at: now(), connection: "private", symbol: undefined }]);
        return Effect.forkScoped(
          logged("reconcile after reconnect")(
            Effect.andThen(Effect.sleep("200 millis"), afterReconnect),
          ),
        );
      }
      if (status.status === "connecting" || lost) return Effect.void;
      lost = true;
      emit([{
        type: "connectionLost",
        at: now(),
        connection: "private",
        symbol: undefined,
        reason: status.reason,
      }]);
      return Effect.void;
    }).pipe(Effect.forkScoped);

    // Initial state, then the periodic reconciliation and the post-fill refresh.
    yield* reconcile;
    const interval = config.reconcileIntervalMs ?? DEFAULT_RECONCILE_INTERVAL_MS;
    yield* logged("reconcile")(reconcile).pipe(
      Effect.delay(interval),
      Effect.forever,
      Effect.forkScoped,
    );
    yield* Queue.take(wake).pipe(
      Effect.andThen(Effect.sleep("100 millis")),
      Effect.andThen(logged("refresh after fill")(afterFills)),
      Effect.forever,
      Effect.forkScoped,
    );

    // --- commands --------------------------------------------------------------------------------
    const commands = makeCommands(
      state,
      steps,
      <A>(effect: Effect.Effect<A, BackpackError, BackpackServices>) =>
        Effect.provide(effect, context),
    );

    if (config.cancelOnShutdown === true) {
      const cancelEverywhere = Effect.forEach(
        markets,
        (symbol) => logged("cancel on shutdown")(commands.cancelAll(symbol)),
        { discard: true },
      );
      const { window } = Context.get(context, BackpackConfig);
      yield* Effect.addFinalizer(() =>
        Effect.gen(function* () {
          const firstCancelAt = Date.now();
          yield* cancelEverywhere;
          // A placement the exchange never confirmed (cut off by the shutdown, or of unknown
          // outcome) may still land until its signature window ends, and is rejected after it:
          // cancel again once the last such window is over, unless the first cancel came later.
          const deadline = lastUnconfirmedPlacement(state) + window + SHUTDOWN_MARGIN_MS;
          if (deadline <= firstCancelAt) return;
          const wait = deadline - Date.now();
          if (wait > 0) yield* Effect.sleep(wait);
          yield* cancelEverywhere;
        })
      );
    }
    yield* Effect.addFinalizer(() => Effect.sync(() => hub.close()));

    const shape: ConnectorShape = {
      markets,
      order: (clientId) => tracker.byClientId(clientId),
      orders: (symbol) => tracker.all().filter((o) => symbol === undefined || o.symbol === symbol),
      openOrders: (symbol) =>
        tracker.all().filter((o) =>
          !isFinal(o.state) && (symbol === undefined || o.symbol === symbol)
        ),
      fills: (symbol) => ledger.list(symbol),
      position: (symbol) => positions.get(symbol, now()),
      positions: () => positions.open(),
      balances: () => state.balances,
      collateral: () => state.collateral,
      fundingPayments: (symbol) => funding.list(symbol),
      fundingTotal: (symbol) => funding.total(symbol),
      fees: () => state.schedule,
      estimateFee: (params) => estimateFee(state.schedule, params),
      stats: () => ({ ...stats, duplicateFills: ledger.duplicates }),
      book: (symbol) => {
        const book = books.get(symbol);
        if (book === undefined) {
          throw new InvalidInputError({
            field: "symbol",
            reason: "UnknownSymbol",
            detail: `${symbol} is not one of the connector's markets`,
          });
        }
        return book;
      },
      ...commands,
      reconcile,
      events: hub.stream,
      on: (listener) => hub.on(listener),
    };
    return describedAs(shape, `Connector(${markets.join(",")})`);
  });
