/**
 * REST reconciliation steps of the connector, each an Effect over the REST services that feeds the
 * connector's state through {@link ReconcileSink} callbacks:
 *
 * - {@link fetchFillsSince}: every fill since a time (oldest first, all pages);
 * - {@link findOrder}: where an order is now — open (`getOrder` by client id or order id), finished
 *   (the order history, by order id, else scanned by client id), or nowhere;
 * - reads are retried on transient failures (5xx, 429, network, timeout) with a short backoff;
 * - {@link logged}: a background step whose failure is logged (`Warn`) instead of propagated.
 *
 * @module
 */
import * as Effect from "effect/Effect";
import * as Schedule from "effect/Schedule";
import * as Stream from "effect/Stream";
import type { BackpackError } from "../errors.ts";
import { isRetryable } from "../errors.ts";
import { getFillHistory, type GetFillHistoryParams, getOrderHistory } from "../rest/history.ts";
import type { BackpackHttp } from "../rest/http.ts";
import { getOrder } from "../rest/order_query.ts";
import { paginate } from "../rest/paginate.ts";
import { sdkLog } from "../logging.ts";
import type { Fill } from "../schema/history.ts";
import { fromHistoryEntry, fromRestOrder, type OrderObservation } from "./order_tracker.ts";

/** Transient failures of a read: retried. */
const transient = (error: BackpackError): boolean =>
  isRetryable(error) || error._tag === "TimeoutError";

/** `read` retried up to 6 times on transient failures (25 ms doubling, capped). */
export const retried = <A, R>(
  read: Effect.Effect<A, BackpackError, R>,
): Effect.Effect<A, BackpackError, R> =>
  Effect.retry(read, {
    while: transient,
    times: 6,
    schedule: Schedule.exponential("25 millis"),
  });

/** `effect` with its failure logged as `connector <what> failed: <tag>` (`Warn`) and dropped. */
export const logged = (
  what: string,
): <R>(effect: Effect.Effect<void, BackpackError, R>) => Effect.Effect<void, never, R> =>
(effect) =>
  effect.pipe(
    Effect.catch((error) => sdkLog("Warn", `connector ${what} failed: ${error._tag}`, {})),
  );

/** Every fill from `fromMs` on (oldest first, every page), each page read with retries. */
export const fetchFillsSince = (
  fromMs: number,
): Effect.Effect<ReadonlyArray<Fill>, BackpackError, BackpackHttp> =>
  Stream.runCollect(
    paginate(
      (params: GetFillHistoryParams) => retried(getFillHistory(params)),
      { from: fromMs, sortDirection: "Asc", fillType: "User" },
    ),
  );

/** Where {@link findOrder} found an order. */
export type OrderWhereabouts =
  | { readonly found: "open" | "history"; readonly observation: OrderObservation }
  | { readonly found: "nowhere" };

/** How to find an order: its market and one of its ids. */
export interface OrderLookup {
  /** Market symbol. */
  readonly symbol: string;
  /** Client id. */
  readonly clientId: number | undefined;
  /** Exchange order id, when known. */
  readonly orderId: string | undefined;
}

/** Looks for an order among the open orders, then the order history (see the module docs). */
export const findOrder = (
  lookup: OrderLookup,
): Effect.Effect<OrderWhereabouts, BackpackError, BackpackHttp> =>
  Effect.gen(function* () {
    const selector = lookup.orderId !== undefined
      ? { symbol: lookup.symbol, orderId: lookup.orderId }
      : { symbol: lookup.symbol, clientId: lookup.clientId };
    const open = yield* retried(getOrder(selector)).pipe(
      Effect.map((order) => fromRestOrder(order)),
      Effect.catchTag("NotFoundError", () => Effect.succeed(undefined)),
    );
    if (open !== undefined) return { found: "open", observation: open } as const;
    const rows = yield* retried(
      getOrderHistory({
        symbol: lookup.symbol,
        ...(lookup.orderId === undefined ? {} : { orderId: lookup.orderId }),
        limit: 1000,
      }),
    );
    const row = rows.find((entry) =>
      lookup.orderId !== undefined
        ? entry.id === lookup.orderId
        : entry.clientId === lookup.clientId
    );
    return row === undefined
      ? { found: "nowhere" } as const
      : { found: "history", observation: fromHistoryEntry(row) } as const;
  });
