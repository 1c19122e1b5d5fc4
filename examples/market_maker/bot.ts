/**
 * The demo market maker's loop over the trading connector: whenever the top of book moves or one
 * of our orders changes (and at most every `requoteIntervalMs`), it reads the book and our
 * inventory, computes the quotes ({@link desiredQuotes}) and cancels/replaces the stale ones with
 * post-only limit orders. On exit it cancels everything it has open. It counts what happened
 * ({@link BotStats}) from the connector's event stream.
 *
 * @module
 */
import {
  type Connector,
  type ConnectorEvent,
  Decimal,
  type OrderSide,
  type TrackedOrder,
} from "@backpack-edge/sdk";
import {
  desiredQuotes,
  marketTop,
  needsReplace,
  type Quote,
  type StrategyConfig,
} from "./strategy.ts";

/** What the bot did, from the connector's events. */
export interface BotStats {
  /** Orders accepted by the exchange. */
  ordersPlaced: number;
  /** Orders fully filled. */
  ordersFilled: number;
  /** Orders cancelled (requotes and the final cancel-all). */
  ordersCancelled: number;
  /** Orders expired (post-only orders that would have crossed). */
  ordersExpired: number;
  /** Orders rejected, and cancels that failed. */
  errors: number;
  /** Fills (trades). */
  fills: number;
  /** Fills as maker. */
  makerFills: number;
  /** Fills as taker. */
  takerFills: number;
  /** Base quantity bought. */
  bought: Decimal;
  /** Base quantity sold. */
  sold: Decimal;
  /** Quote spent buying. */
  boughtNotional: Decimal;
  /** Quote received selling. */
  soldNotional: Decimal;
  /** Fees charged (negative: rebates), quote asset. */
  fees: Decimal;
  /** Funding payments seen. */
  fundingPayments: number;
  /** Largest absolute position seen. */
  maxInventory: Decimal;
  /** Book resyncs and connection losses seen. */
  incidents: number;
}

/** Options of {@link runMarketMaker}. */
export interface RunMarketMakerOptions {
  /** A connector whose `markets` include `symbol`. */
  readonly connector: Connector;
  /** The market to quote. */
  readonly symbol: string;
  /** Quoting rules. */
  readonly config: StrategyConfig;
  /** How long to quote, ms. */
  readonly durationMs: number;
  /** Shortest time between two requotes, ms (default 250). */
  readonly requoteIntervalMs?: number;
  /** Called with every connector event, after the stats are updated. */
  readonly onEvent?: (event: ConnectorEvent) => void;
  /** Stops quoting early. */
  readonly signal?: AbortSignal;
  /** Counters to update (default: fresh ones), e.g. to show them while the bot runs. */
  readonly stats?: BotStats;
}

const zero = new Decimal(0);

/** Fresh counters. */
export const emptyStats = (): BotStats => ({
  ordersPlaced: 0,
  ordersFilled: 0,
  ordersCancelled: 0,
  ordersExpired: 0,
  errors: 0,
  fills: 0,
  makerFills: 0,
  takerFills: 0,
  bought: zero,
  sold: zero,
  boughtNotional: zero,
  soldNotional: zero,
  fees: zero,
  fundingPayments: 0,
  maxInventory: zero,
  incidents: 0,
});

/** Adds one connector event to `stats` (events of other markets are ignored). */
export const countEvent = (stats: BotStats, symbol: string, event: ConnectorEvent): void => {
  switch (event.type) {
    case "orderCreated":
      if (event.order.symbol === symbol) stats.ordersPlaced++;
      break;
    case "orderFilled":
      if (event.order.symbol === symbol) stats.ordersFilled++;
      break;
    case "orderCancelled":
      if (event.order.symbol === symbol) stats.ordersCancelled++;
      break;
    case "orderExpired":
      if (event.order.symbol === symbol) stats.ordersExpired++;
      break;
    case "orderFailed":
      if (event.order.symbol === symbol) stats.errors++;
      break;
    case "fill": {
      const { fill } = event;
      if (fill.symbol !== symbol) break;
      const notional = fill.price.mul(fill.quantity);
      stats.fills++;
      if (fill.maker) stats.makerFills++;
      else stats.takerFills++;
      if (fill.side === "Bid") {
        stats.bought = stats.bought.plus(fill.quantity);
        stats.boughtNotional = stats.boughtNotional.plus(notional);
      } else {
        stats.sold = stats.sold.plus(fill.quantity);
        stats.soldNotional = stats.soldNotional.plus(notional);
      }
      stats.fees = stats.fees.plus(fill.fee);
      break;
    }
    case "positionChanged":
      if (event.position.symbol === symbol) {
        stats.maxInventory = Decimal.max(stats.maxInventory, event.position.netQuantity.abs());
      }
      break;
    case "fundingPaid":
      if (event.payment.symbol === symbol) stats.fundingPayments++;
      break;
    case "bookResynced":
    case "connectionLost":
      stats.incidents++;
      break;
  }
};

/** The part of a resting limit order still on the book, as a quote. */
const restingQuote = (order: TrackedOrder): Quote | undefined =>
  order.orderType === "Limit" && order.price !== undefined && order.quantity !== undefined
    ? {
      side: order.side,
      price: order.price,
      quantity: order.quantity.minus(order.executedQuantity),
    }
    : undefined;

const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * Quotes `symbol` for `durationMs`, then cancels all its open orders. Resolves with the counters.
 * Order errors (a rejected order, a cancel racing a fill) are counted, not thrown.
 */
export const runMarketMaker = async (options: RunMarketMakerOptions): Promise<BotStats> => {
  const { connector, symbol, config } = options;
  const interval = options.requoteIntervalMs ?? 250;
  const stats = options.stats ?? emptyStats();
  const book = connector.book(symbol);
  let dirty = true;
  const offTop = book.onTopOfBook(() => (dirty = true));
  const offEvents = connector.on((event) => {
    countEvent(stats, symbol, event);
    if (event.type !== "balanceChanged") dirty = true;
    options.onEvent?.(event);
  });

  const cancel = (order: TrackedOrder): Promise<unknown> =>
    connector.cancelOrder({ symbol, clientId: order.clientId, orderId: order.orderId })
      .catch(() => stats.errors++);

  const place = (quote: Quote): Promise<unknown> =>
    connector.placeOrder({
      symbol,
      side: quote.side,
      orderType: "Limit",
      price: quote.price.toFixed(),
      quantity: quote.quantity.toFixed(),
      postOnly: true,
    }).catch(() => stats.errors++);

  /** Keeps at most one order on `side`, replacing it when it is stale. */
  const requoteSide = async (
    side: OrderSide,
    open: ReadonlyArray<TrackedOrder>,
    want: Quote | undefined,
  ): Promise<void> => {
    const [first, ...extra] = open.filter((o) => o.side === side);
    await Promise.all(extra.map(cancel));
    if (!needsReplace(first && restingQuote(first), want, config)) return;
    if (first !== undefined) await cancel(first);
    if (want !== undefined) await place(want);
  };

  const requote = async (): Promise<void> => {
    const snapshot = await book.snapshot(10).catch(() => undefined); // syncing: try again later
    if (snapshot === undefined) return;
    const open = connector.openOrders(symbol);
    const resting = open.flatMap((o) => restingQuote(o) ?? []);
    const inventory = connector.position(symbol).netQuantity;
    const want = desiredQuotes(marketTop(snapshot, resting), inventory, config);
    await Promise.all([
      requoteSide("Bid", open, want.bid),
      requoteSide("Ask", open, want.ask),
    ]);
  };

  const deadline = Date.now() + options.durationMs;
  try {
    while (Date.now() < deadline && options.signal?.aborted !== true) {
      const started = Date.now();
      if (dirty) {
        dirty = false;
        await requote();
      }
      await sleep(Math.min(deadline, started + interval) - Date.now());
    }
  } finally {
    offTop();
    await connector.cancelAll(symbol).catch(() => stats.errors++);
    await sleep(interval); // the last cancels and fills arrive on the stream
    offEvents();
  }
  return stats;
};
