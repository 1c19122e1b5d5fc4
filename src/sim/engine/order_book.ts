/**
 * A price-time priority order book: sorted price levels per side (best level at the END of the
 * array, so consuming the best level is a pop), a FIFO queue per level, and a log of changed
 * levels that is turned into depth events with consecutive update ids.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import { type EngineOrder, remaining } from "./orders.ts";
import { str, ZERO } from "./num.ts";
import type { SimLevel } from "./market_data_types.ts";
import type { Side } from "./order_types.ts";

/** One price level: its orders in time priority and their total remaining size. */
export interface Level {
  readonly price: Decimal;
  readonly key: string;
  readonly orders: EngineOrder[];
  total: Decimal;
}

/** Level changes since the last flush, with the update ids they consumed. */
export interface DepthDelta {
  readonly firstUpdateId: bigint;
  readonly lastUpdateId: bigint;
  readonly bids: SimLevel[];
  readonly asks: SimLevel[];
}

class BookSide {
  /** Sorted so that the best level is last: bids ascending, asks descending. */
  readonly levels: Level[] = [];
  readonly byKey: Map<string, Level> = new Map();
  constructor(readonly isBid: boolean) {}

  /** True when `a` is a better price than `b` for this side. */
  better(a: Decimal, b: Decimal): boolean {
    return this.isBid ? a.gt(b) : a.lt(b);
  }

  best(): Level | undefined {
    return this.levels[this.levels.length - 1];
  }

  /** Index where a level at `price` is or would be inserted. */
  #search(price: Decimal): number {
    let lo = 0;
    let hi = this.levels.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      // levels before `price` in array order are the worse ones
      if (this.better(price, this.levels[mid].price)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  levelFor(price: Decimal): Level {
    const key = str(price);
    const found = this.byKey.get(key);
    if (found !== undefined) return found;
    const level: Level = { price, key, orders: [], total: ZERO };
    this.levels.splice(this.#search(price), 0, level);
    this.byKey.set(key, level);
    return level;
  }

  drop(level: Level): void {
    this.byKey.delete(level.key);
    if (this.best() === level) {
      this.levels.pop();
      return;
    }
    const at = this.#search(level.price);
    if (this.levels[at] === level) this.levels.splice(at, 1);
  }
}

/** The book of one symbol. */
export class OrderBook {
  readonly bids: BookSide = new BookSide(true);
  readonly asks: BookSide = new BookSide(false);
  #updateId = 0n;
  readonly #dirty: Map<string, { side: Side; level: Level }> = new Map();

  /** The id of the last update handed out by {@link flush}. */
  get lastUpdateId(): bigint {
    return this.#updateId;
  }

  side(side: Side): BookSide {
    return side === "Bid" ? this.bids : this.asks;
  }

  /** The side an order of `side` matches against. */
  opposite(side: Side): BookSide {
    return side === "Bid" ? this.asks : this.bids;
  }

  #touch(side: Side, level: Level): void {
    this.#dirty.set(`${side}:${level.key}`, { side, level });
  }

  /** Appends a limit order with a price at the back of its level's queue. */
  add(order: EngineOrder): void {
    const side = this.side(order.side);
    const level = side.levelFor(order.price!);
    level.orders.push(order);
    level.total = level.total.plus(remaining(order)!);
    this.#touch(order.side, level);
  }

  /** Removes a resting order (cancel, expiry, or fully filled). */
  remove(order: EngineOrder, sizeOnBook: Decimal): void {
    const side = this.side(order.side);
    const level = side.byKey.get(str(order.price!));
    if (level === undefined) return;
    const at = level.orders.indexOf(order);
    if (at < 0) return;
    level.orders.splice(at, 1);
    level.total = level.total.minus(sizeOnBook);
    if (level.orders.length === 0) side.drop(level);
    this.#touch(order.side, level);
  }

  /** Reduces the size of a resting order after a fill (removes it when nothing is left). */
  reduce(order: EngineOrder, quantity: Decimal): void {
    const level = this.side(order.side).byKey.get(str(order.price!))!;
    level.total = level.total.minus(quantity);
    if (remaining(order)!.lte(0)) this.remove(order, ZERO);
    else this.#touch(order.side, level);
  }

  /** True when nothing changed since the last flush. */
  get clean(): boolean {
    return this.#dirty.size === 0;
  }

  /** Turns the changed levels into one depth delta (one update id per changed level). */
  flush(): DepthDelta | null {
    if (this.#dirty.size === 0) return null;
    const bids: SimLevel[] = [];
    const asks: SimLevel[] = [];
    for (const { side, level } of this.#dirty.values()) {
      const live = this.side(side).byKey.get(level.key) === level;
      const entry: SimLevel = [level.key, live ? str(level.total) : "0"];
      (side === "Bid" ? bids : asks).push(entry);
    }
    this.#dirty.clear();
    const firstUpdateId = this.#updateId + 1n;
    this.#updateId += BigInt(bids.length + asks.length);
    return { firstUpdateId, lastUpdateId: this.#updateId, bids, asks };
  }

  /** Top `limit` levels per side, best first. */
  top(side: Side, limit: number): SimLevel[] {
    const levels = this.side(side).levels;
    const out: SimLevel[] = [];
    for (let i = levels.length - 1; i >= 0 && out.length < limit; i--) {
      out.push([levels[i].key, str(levels[i].total)]);
    }
    return out;
  }
}
