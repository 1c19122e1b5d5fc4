/**
 * The connector's order books: one {@link OrderBookClient} per market, opened in the current scope
 * (closed with it), whose resyncs and connection changes become connector events.
 *
 * @module
 */
import * as Effect from "effect/Effect";
import type * as Scope from "effect/Scope";
import { TransportError } from "../error_classes.ts";
import { createOrderBook, type OrderBookClient } from "../orderbook/client.ts";
import type { ConnectorConfig } from "./connector_config.ts";
import type { ConnectorEvent } from "./event_types.ts";

/**
 * Opens the order book of every market (URLs and mode from `config`) and reports on `emit`:
 * `bookResynced`, and `connectionLost` / `connectionRestored` (connection `book`) on each change.
 */
export const openOrderBooks = (
  config: ConnectorConfig,
  markets: ReadonlyArray<string>,
  emit: (events: ReadonlyArray<ConnectorEvent>) => void,
): Effect.Effect<ReadonlyMap<string, OrderBookClient>, TransportError, Scope.Scope> =>
  Effect.gen(function* () {
    const now = () => new Date();
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
    return books;
  });
