/**
 * An Effect-style strategy on the trading connector's Effect face (`Connector` service,
 * `Connector.layer`, the `events` Stream): a passive **accumulate-then-unwind** order. It buys
 * `target` base with post-only bids one tick above the rest of the book (clips of `clip`), then
 * sells it back with reduce-only post-only asks one tick under the rest of the book, for at most
 * `durationMs`. A forked fiber folds the connector's fill events into a `Ref`; open orders are
 * cancelled however the program ends (`Effect.ensuring`); order errors stay typed
 * (`BackpackError`) until the edge.
 *
 * Run: `deno run -A examples/effect_strategy.ts [--seconds N]` (default 20), against
 * `BACKPACK_URL`/`BACKPACK_WS_URL`/`BACKPACK_SECRET` or else an embedded simulator.
 *
 * @module
 */
import * as Context from "effect/Context";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import * as Ref from "effect/Ref";
import * as Schedule from "effect/Schedule";
import * as Stream from "effect/Stream";
import {
  type BackpackError,
  type BookSnapshot,
  Connector,
  type ConnectorShape,
  Decimal,
  type OrderSide,
  type TrackedFill,
  type TrackedOrder,
} from "@backpack-edge/sdk/effect";
import { marketTop } from "./market_maker/strategy.ts";
import { numberArg, openTarget } from "./shared/target.ts";

/** What the strategy does. */
export interface PegParamsShape {
  /** Market. */
  readonly symbol: string;
  /** Base quantity to accumulate, then unwind. */
  readonly target: Decimal;
  /** Largest order. */
  readonly clip: Decimal;
  /** The market's tick size. */
  readonly tick: Decimal;
  /** Time limit, ms. */
  readonly durationMs: number;
}

/** The strategy's parameters as a service. */
export class PegParams extends Context.Service<PegParams, PegParamsShape>()(
  "examples/PegParams",
) {}

/** What happened. */
export interface PegReport {
  /** `done` when the position went to `target` and back to flat in time, else `timeout`. */
  readonly outcome: "done" | "timeout";
  /** Whether the position ever reached `target`. */
  readonly reachedTarget: boolean;
  /** The fills, in order. */
  readonly fills: ReadonlyArray<TrackedFill>;
  /** Position at the end. */
  readonly position: Decimal;
}

type Phase = "accumulate" | "unwind" | "done";

const sideOf = (phase: Phase): OrderSide => (phase === "accumulate" ? "Bid" : "Ask");

/** The book's top levels; `undefined` while the book is (re)syncing. */
const snapshot = (
  connector: ConnectorShape,
  symbol: string,
): Effect.Effect<BookSnapshot | undefined, BackpackError> =>
  Effect.tryPromise({
    try: () => connector.book(symbol).snapshot(5),
    catch: (error) => error as BackpackError,
  }).pipe(Effect.catchTag("UnavailableError", () => Effect.succeed(undefined)));

/** One step: re-peg (or place) our single order for the current phase. */
const step = (
  connector: ConnectorShape,
  params: PegParamsShape,
  phase: Phase,
): Effect.Effect<void, BackpackError> =>
  Effect.gen(function* () {
    const { symbol, tick } = params;
    const position = connector.position(symbol).netQuantity;
    const left = phase === "accumulate" ? params.target.minus(position) : position;
    const open = connector.openOrders(symbol);
    const book = yield* snapshot(connector, symbol);
    if (book === undefined) return;
    const mine = open.flatMap((o: TrackedOrder) =>
      o.price === undefined || o.quantity === undefined
        ? []
        : [{ side: o.side, price: o.price, quantity: o.quantity.minus(o.executedQuantity) }]
    );
    const top = marketTop(book, mine);
    if (top.bid === undefined || top.ask === undefined) return;
    const side = sideOf(phase);
    const price = side === "Bid"
      ? Decimal.min(top.bid.plus(tick), top.ask.minus(tick))
      : Decimal.max(top.ask.minus(tick), top.bid.plus(tick));
    const quantity = Decimal.min(params.clip, left);
    const current = open.find((o) => o.side === side);
    if (current?.price?.eq(price) && open.length === 1) return; // still pegged
    yield* Effect.forEach(
      open,
      (o) =>
        connector.cancelOrder({ symbol, clientId: o.clientId, orderId: o.orderId }).pipe(
          // The order filled between the read and the cancel: nothing left to cancel.
          Effect.catchTag("NotFoundError", () => Effect.void),
        ),
      { discard: true },
    );
    if (quantity.lte(0)) return;
    yield* connector.placeOrder({
      symbol,
      side,
      orderType: "Limit",
      price: price.toFixed(),
      quantity: quantity.toFixed(),
      postOnly: true,
      reduceOnly: phase === "unwind",
    }).pipe(
      // A post-only order that would cross just expires; a race with a fill can leave the
      // reduce-only order too large: both are routine here, so they are logged and retried.
      Effect.catchTag("InvalidInputError", (e) => Effect.logWarning(`order refused: ${e.message}`)),
      Effect.catchTag("ApiError", (e) => Effect.logWarning(`order rejected: ${e.message}`)),
    );
  });

/** The strategy: needs the `Connector` and its `PegParams`. */
export const pegStrategy: Effect.Effect<PegReport, BackpackError, Connector | PegParams> = Effect
  .scoped(
    Effect.gen(function* () {
      const connector = yield* Connector;
      const params = yield* PegParams;
      const { symbol, target } = params;
      const fills = yield* Ref.make<ReadonlyArray<TrackedFill>>([]);
      // Fills arrive on the connector's event stream; the fiber ends with the scope.
      yield* connector.events.pipe(
        Stream.filter((e) => e.type === "fill" && e.fill.symbol === symbol),
        Stream.runForEach((e) =>
          e.type === "fill"
            ? Ref.update(fills, (all) => [...all, e.fill]).pipe(
              Effect.andThen(Effect.logInfo(
                `fill ${e.fill.side} ${e.fill.quantity.toFixed()} @ ${e.fill.price.toFixed()}`,
              )),
            )
            : Effect.void
        ),
        Effect.forkScoped,
      );

      const phase = yield* Ref.make<Phase>("accumulate");
      let reachedTarget = false;
      const nextPhase = Effect.gen(function* () {
        const position = connector.position(symbol).netQuantity;
        const now = yield* Ref.get(phase);
        if (now === "accumulate" && position.gte(target)) {
          reachedTarget = true;
          yield* Effect.logInfo(`reached ${position.toFixed()}: unwinding`);
          yield* Ref.set(phase, "unwind");
        } else if (now === "unwind" && position.lte(0)) {
          yield* Ref.set(phase, "done");
        }
        return yield* Ref.get(phase);
      });

      const deadline = Date.now() + params.durationMs;
      const loop = nextPhase.pipe(
        Effect.flatMap((p) => (p === "done" ? Effect.succeed(p) : step(connector, params, p))),
        Effect.andThen(nextPhase),
        Effect.repeat({
          schedule: Schedule.spaced("250 millis"),
          until: (p: Phase) => p === "done" || Date.now() >= deadline,
        }),
      );
      const final = yield* loop.pipe(
        Effect.ensuring(Effect.ignore(connector.cancelAll(symbol))),
      );
      return {
        outcome: final === "done" ? "done" : "timeout",
        reachedTarget,
        fills: yield* Ref.get(fills),
        position: connector.position(symbol).netQuantity,
      } satisfies PegReport;
    }),
  );

if (import.meta.main) {
  const target = await openTarget();
  try {
    const symbol = "SOL_USDC_PERP";
    const layer = Layer.mergeAll(
      Connector.layer({
        baseUrl: target.baseUrl,
        wsUrl: target.wsUrl,
        apiSecret: target.apiSecret ?? "",
        markets: [symbol],
        reconcileIntervalMs: 2_000,
      }),
      Layer.succeed(PegParams, {
        symbol,
        target: new Decimal("1"),
        clip: new Decimal("0.5"),
        tick: new Decimal("0.01"),
        durationMs: numberArg(Deno.args, "seconds", 20) * 1000,
      }),
    );
    const report = await Effect.runPromise(Effect.provide(pegStrategy, layer));
    console.log(
      `${report.outcome}: reached target ${report.reachedTarget}, ${report.fills.length} fills, ` +
        `position ${report.position.toFixed()}`,
    );
  } finally {
    await target.close();
  }
}
