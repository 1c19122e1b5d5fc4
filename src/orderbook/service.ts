/**
 * The {@link OrderBook} Effect service: one market's Live order book (see {@link createOrderBook}),
 * its queries as Effects failing with the SDK's error classes, started and closed by
 * {@link OrderBook.layer}.
 *
 * @module
 */
import * as Context from "effect/Context";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import type { Decimal, DecimalInput } from "../decimal.ts";
import { TransportError } from "../error_classes.ts";
import { type BackpackError, isBackpackError } from "../errors.ts";
import type { BookFill, BookLevel, BookSnapshot, TopOfBook } from "./book_views.ts";
import { createOrderBook, type CreateOrderBookOptions, type OrderBookClient } from "./client.ts";
import type { FeedStatus } from "./protocol.ts";
import type { BookSide } from "./types.ts";

/** The {@link OrderBook} service: the same queries as {@link OrderBookClient}, as Effects. */
export interface OrderBookShape {
  /** The market. */
  readonly symbol: string;
  /** Phase, connection, resync count. */
  readonly status: Effect.Effect<FeedStatus>;
  /** The best `depth` levels of each side. */
  readonly snapshot: (depth?: number) => Effect.Effect<BookSnapshot, BackpackError>;
  /** Best bid. */
  readonly bestBid: Effect.Effect<BookLevel | undefined, BackpackError>;
  /** Best ask. */
  readonly bestAsk: Effect.Effect<BookLevel | undefined, BackpackError>;
  /** Mid price. */
  readonly mid: Effect.Effect<Decimal | undefined, BackpackError>;
  /** Spread. */
  readonly spread: Effect.Effect<Decimal | undefined, BackpackError>;
  /** Fill of `quantity` base units against `side`. */
  readonly vwap: (side: BookSide, quantity: DecimalInput) => Effect.Effect<BookFill, BackpackError>;
  /** Fill spending `notional` quote units against `side`. */
  readonly depthToNotional: (
    side: BookSide,
    notional: DecimalInput,
  ) => Effect.Effect<BookFill, BackpackError>;
  /** The top of book now, read synchronously; undefined while not Live (`OrderBookClient.peekTop`). */
  readonly peekTop: Effect.Effect<TopOfBook | undefined>;
  /** The underlying client (for `onTopOfBook` / `onResynced` callbacks). */
  readonly client: OrderBookClient;
}

const attempt = <A>(run: () => Promise<A>): Effect.Effect<A, BackpackError> =>
  Effect.tryPromise({
    try: run,
    catch: (cause) =>
      isBackpackError(cause)
        ? cause
        : new TransportError({ endpoint: "orderbook worker", reason: String(cause) }),
  });

/** Base class of {@link OrderBook} (its type spelled out for JSR); extend or use OrderBook instead. */
export const OrderBookBase: Context.ServiceClass<
  OrderBook,
  "backpack-edge/OrderBook",
  OrderBookShape
> = Context.Service<OrderBook, OrderBookShape>()("backpack-edge/OrderBook");

/** One market's Live order book as a service; {@link OrderBook.layer} starts and closes it. */
export class OrderBook extends OrderBookBase {
  /** A layer that starts the book (see {@link createOrderBook}) and closes it with the scope. */
  static layer(options: CreateOrderBookOptions): Layer.Layer<OrderBook, BackpackError> {
    return Layer.effect(
      OrderBook,
      Effect.acquireRelease(
        attempt(() => createOrderBook(options)),
        (client) => Effect.promise(() => client.close()),
      ).pipe(Effect.map((client): OrderBookShape => ({
        symbol: client.symbol,
        status: Effect.promise(() => client.status()),
        snapshot: (depth) => attempt(() => client.snapshot(depth)),
        bestBid: attempt(() => client.bestBid()),
        bestAsk: attempt(() => client.bestAsk()),
        mid: attempt(() => client.mid()),
        spread: attempt(() => client.spread()),
        vwap: (side, quantity) => attempt(() => client.vwap(side, quantity)),
        depthToNotional: (side, notional) => attempt(() => client.depthToNotional(side, notional)),
        peekTop: Effect.sync(() => client.peekTop()),
        client,
      }))),
    );
  }
}
