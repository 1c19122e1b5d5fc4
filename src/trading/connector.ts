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
 *   the private stream and on every reconciliation since the last fill seen (with overlap); the
 *   {@link FillLedger} counts each trade id once.
 * - Positions follow `account.positionUpdate` frames, stream fills in between, the `markPrice`
 *   streams, and REST (`getPositions`, with the liquidation estimate) on every reconciliation.
 * - Balances and collateral (no stream on Backpack), funding payments and the account's fees are
 *   reconciled every `reconcileIntervalMs` and shortly after fills; `balanceChanged` is emitted only
 *   on change.
 *
 * @module
 */
import * as Effect from "effect/Effect";
import * as Queue from "effect/Queue";
import * as Schedule from "effect/Schedule";
import * as Semaphore from "effect/Semaphore";
import type * as Scope from "effect/Scope";
import * as Stream from "effect/Stream";
import { describedAs } from "../client/described.ts";
import type { Decimal, DecimalInput } from "../decimal.ts";
import { type BackpackError, InvalidInputError, TransportError } from "../errors.ts";
import { sdkLog } from "../logging.ts";
import { createOrderBook, type OrderBookClient } from "../orderbook/client.ts";
import { makeClientIdGenerator } from "../orders/client_id.ts";
import { validateOrder } from "../orders/validate_order.ts";
import { getAccount, updateAccount } from "../rest/account.ts";
import { getBalances, getCollateral } from "../rest/capital.ts";
import { getFundingPayments } from "../rest/history.ts";
import type { BackpackServices } from "../rest/layer.ts";
import { cancelOpenOrders, cancelOrder } from "../rest/order_cancel.ts";
import { executeOrder } from "../rest/order_execute.ts";
import { getOpenOrders } from "../rest/order_query.ts";
import { getPositions } from "../rest/positions.ts";
import type { Collateral } from "../schema/capital.ts";
import type { Order } from "../schema/order.ts";
import type { OrderUpdate, PositionUpdate } from "../schema/ws_account.ts";
import { BackpackSocket } from "../ws/socket.ts";
import { markPrice, orderUpdates, positionUpdates } from "../ws/streams.ts";
import { balanceChanges, FundingLedger } from "./account_ledger.ts";
import { EventHub } from "./event_hub.ts";
import { accountSchedule, defaultSchedule, estimateFee, isFutures, withOverride } from "./fees.ts";
import { fillFromHistory, fillFromUpdate, type FillInput, FillLedger } from "./fill_ledger.ts";
import { fromOrderUpdate, fromRestOrder, isFinal, OrderTracker } from "./order_tracker.ts";
import { applyFill, applyMark, applyRest, applyUpdate, PositionBook } from "./positions.ts";
import { fetchFillsSince, findOrder, retried } from "./reconcile.ts";
import type {
  BalanceState,
  ConnectorConfig,
  ConnectorEvent,
  ConnectorShape,
  OrderRef,
  PlaceOrderParams,
  TrackedOrder,
} from "./types.ts";

/** Default `reconcileIntervalMs`. */
export const DEFAULT_RECONCILE_INTERVAL_MS = 5_000;
/** Default `fillOverlapMs`. */
export const DEFAULT_FILL_OVERLAP_MS = 5_000;
/** How many times an unknown outcome is looked up (200 ms apart) before a reconciliation gives up. */
const UNKNOWN_ATTEMPTS = 3;

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
    const hub = new EventHub();
    const tracker = new OrderTracker();
    const ledger = new FillLedger();
    const positions = new PositionBook();
    const funding = new FundingLedger();
    const ids = makeClientIdGenerator();
    const inFlight = new Set<number>();
    const unknownAttempts = new Map<number, number>();
    const lastPositionUs = new Map<string, number>();
    const stats = { fillReconciliations: 0, reconnects: 0, ordersReconciled: 0 };
    let balances: Readonly<Record<string, BalanceState>> = {};
    let collateral: Collateral | undefined;
    let schedule = withOverride(defaultSchedule(), config.fees);
    const startedAt = Date.now();
    const overlapMs = config.fillOverlapMs ?? DEFAULT_FILL_OVERLAP_MS;
    const lock = yield* Semaphore.make(1);
    const wake = yield* Queue.sliding<void>(1);

    const now = () => new Date();
    const emit = (events: ReadonlyArray<ConnectorEvent>) => {
      for (const event of events) if (event.type === "orderReconciled") stats.ordersReconciled++;
      hub.publish(events);
    };
    const emitPosition = (next: ReturnType<PositionBook["get"]>) => {
      const changed = positions.set(next);
      if (changed !== undefined) emit([{ type: "positionChanged", at: now(), position: changed }]);
    };

    const recordFill = (input: FillInput, applyLocally: boolean) => {
      const fill = {
        ...input,
        estimatedFee: estimateFee(schedule, { ...input, maker: input.maker }),
      };
      if (!ledger.add(fill)) return;
      emit([{ type: "fill", at: now(), fill }]);
      if (applyLocally) emitPosition(applyFill(positions.get(fill.symbol, now()), fill, now()));
      Queue.offerUnsafe(wake, undefined);
    };

    const onOrderUpdate = (update: AccountOrderUpdate) =>
      Effect.sync(() => {
        emit(tracker.observe(fromOrderUpdate(update), now()));
        const fill = fillFromUpdate(update);
        if (fill === undefined) return;
        const seenUs = lastPositionUs.get(update.symbol) ?? 0;
        recordFill(fill, update.engineTimeUs > seenUs);
      });

    const onPositionUpdate = (update: AccountPositionUpdate) =>
      Effect.sync(() => {
        lastPositionUs.set(update.symbol, update.engineTimeUs);
        emitPosition(applyUpdate(positions.get(update.symbol, now()), update, now()));
      });

    // --- REST reconciliation -------------------------------------------------------------------
    const reconcileFills = Effect.gen(function* () {
      const rows = yield* fetchFillsSince(ledger.cursor(overlapMs, startedAt - overlapMs));
      stats.fillReconciliations++;
      for (const row of rows) {
        const fill = fillFromHistory(row);
        if (fill !== undefined) recordFill(fill, false);
      }
    });

    const resolve = (order: TrackedOrder) =>
      Effect.gen(function* () {
        const where = yield* findOrder(order);
        if (where.found !== "nowhere") {
          emit(tracker.observe(where.observation, now()));
        } else if (order.state === "Unknown" && order.clientId !== undefined) {
          const attempts = (unknownAttempts.get(order.clientId) ?? 0) + 1;
          unknownAttempts.set(order.clientId, attempts);
          if (attempts >= UNKNOWN_ATTEMPTS) emit(tracker.notFound(order.clientId, now()));
        }
      });

    const reconcileOrders = Effect.gen(function* () {
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
        !(order.clientId !== undefined && inFlight.has(order.clientId)) &&
        !(order.orderId !== undefined && openIds.has(order.orderId))
      );
      yield* Effect.forEach(stale, resolve, { discard: true });
    });

    const reconcileAccount = Effect.gen(function* () {
      const account = yield* retried(getAccount());
      schedule = withOverride(accountSchedule(account), config.fees);
    });

    const reconcilePositions = Effect.forEach(
      markets.filter(isFutures),
      (symbol) =>
        Effect.map(retried(getPositions({ symbol })), (rows) =>
          emitPosition(
            applyRest(
              positions.get(symbol, now()),
              rows.find((p) => p.symbol === symbol),
              now(),
            ),
          )),
      { discard: true },
    );

    const reconcileBalances = Effect.gen(function* () {
      const next = yield* retried(getBalances());
      const changes = balanceChanges(balances, next);
      const updated: Record<string, BalanceState> = { ...balances };
      for (const change of changes) updated[change.balance.asset] = change.balance;
      balances = updated;
      emit(changes.map((change) => ({ type: "balanceChanged", at: now(), ...change })));
      collateral = yield* retried(getCollateral());
    });

    const reconcileFunding = Effect.gen(function* () {
      const rows = yield* retried(getFundingPayments({ limit: 1000 }));
      for (const row of [...rows].reverse()) {
        if (!markets.includes(row.symbol)) continue;
        const payment = funding.add(row);
        if (payment === undefined) continue;
        const total = funding.total(row.symbol);
        emit([{ type: "fundingPaid", at: now(), payment, total }]);
        emitPosition({ ...positions.get(row.symbol, now()), fundingPaid: total, updatedAt: now() });
      }
    });

    const reconcile: Effect.Effect<void, BackpackError> = lock.withPermits(1)(
      Effect.gen(function* () {
        yield* reconcileAccount;
        yield* reconcileFills;
        yield* reconcileOrders;
        yield* reconcilePositions;
        yield* reconcileBalances;
        yield* reconcileFunding;
      }),
    ).pipe(Effect.provide(context));

    const afterFills: Effect.Effect<void, BackpackError> = lock.withPermits(1)(
      Effect.andThen(reconcilePositions, reconcileBalances),
    ).pipe(Effect.provide(context));

    const afterReconnect: Effect.Effect<void, BackpackError> = lock.withPermits(1)(
      Effect.andThen(reconcileFills, reconcileOrders),
    ).pipe(Effect.provide(context));

    const logged = (what: string) => (effect: Effect.Effect<void, BackpackError>) =>
      effect.pipe(
        Effect.catch((error) => sdkLog("Warn", `connector ${what} failed: ${error._tag}`, {})),
      );

    // --- order books -----------------------------------------------------------------------------
    const books = new Map<string, OrderBookClient>();
    for (const symbol of markets) {
      const book = yield* Effect.acquireRelease(
        Effect.tryPromise({
          try: () =>
            createOrderBook({
              symbol,
              ...(config.restUrl ?? config.baseUrl) === undefined
                ? {}
                : { restUrl: config.restUrl ?? config.baseUrl },
              ...(config.wsUrl === undefined ? {} : { wsUrl: config.wsUrl }),
              ...(config.orderBookMode === undefined ? {} : { mode: config.orderBookMode }),
            }),
          catch: (cause) => new TransportError({ endpoint: "orderbook", reason: String(cause) }),
        }),
        (client) => Effect.promise(() => client.close()),
      );
      books.set(symbol, book);
      let connected = true;
      book.onResynced((event) =>
        emit([{ type: "bookResynced", at: now(), symbol, reason: event.reason }])
      );
      book.onStatus((status) => {
        if (status.connected === connected) return;
        connected = status.connected;
        emit([
          status.connected
            ? { type: "connectionRestored", at: now(), connection: "book", symbol }
            : {
              type: "connectionLost",
              at: now(),
              connection: "book",
              symbol,
              reason: status.lastError ?? "depth socket closed",
            },
        ]);
      });
    }

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
    const run = <A>(effect: Effect.Effect<A, BackpackError, BackpackServices>) =>
      Effect.provide(effect, context);

    const settle = (clientId: number) =>
      Effect.gen(function* () {
        for (let attempt = 0; attempt < UNKNOWN_ATTEMPTS; attempt++) {
          const order = tracker.byClientId(clientId)!;
          if (order.state !== "Unknown") return;
          yield* logged("order lookup")(run(resolve(order)));
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
        const clientId = ids.next();
        yield* Effect.fromResult(validateOrder({ ...params, clientId }));
        tracker.register(params, clientId, now());
        inFlight.add(clientId);
        const result = yield* Effect.result(run(executeOrder({ ...params, clientId })));
        inFlight.delete(clientId);
        if (result._tag === "Success") {
          emit(tracker.observe(fromRestOrder(result.success), now()));
        } else if (result.failure._tag === "OrderOutcomeUnknownError") {
          emit(tracker.unknown(clientId, result.failure, now()));
          yield* settle(clientId);
        } else {
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
          yield* logged("order lookup")(run(resolve(known)));
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
          yield* logged("order reconciliation")(run(reconcileOrders));
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

    if (config.cancelOnShutdown === true) {
      yield* Effect.addFinalizer(() =>
        Effect.forEach(markets, (symbol) => logged("cancel on shutdown")(cancelAll(symbol)), {
          discard: true,
        })
      );
    }
    yield* Effect.addFinalizer(() => Effect.sync(() => hub.close()));

    const description = `Connector(${markets.join(",")})`;
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
      balances: () => balances,
      collateral: () => collateral,
      fundingPayments: (symbol) => funding.list(symbol),
      fundingTotal: (symbol) => funding.total(symbol),
      fees: () => schedule,
      estimateFee: (params) => estimateFee(schedule, params),
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
      placeOrder,
      cancelOrder: cancel,
      cancelAll,
      getLeverage,
      setLeverage,
      reconcile,
      events: hub.stream,
      on: (listener) => hub.on(listener),
    };
    return describedAs(shape, description);
  });
