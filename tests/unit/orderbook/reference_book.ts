/**
 * A deliberately naive order book over `Decimal` (a map per side, sorted on every query): the
 * oracle the fast book is checked against.
 *
 * @module
 */
import { Decimal as BaseDecimal } from "decimal.js";
import type { BookLevels, BookSide, Fill, Level } from "../../../src/orderbook/types.ts";

/** Decimal with enough precision that nothing here is ever rounded implicitly. */
export const D: typeof BaseDecimal = BaseDecimal.clone({ precision: 200 });
type D = InstanceType<typeof D>;

/** Reference book: normalised price → quantity per side. */
export class ReferenceBook {
  /** Bids keyed by normalised price. */
  readonly bids: Map<string, D> = new Map();
  /** Asks keyed by normalised price. */
  readonly asks: Map<string, D> = new Map();

  /** Replaces the content (zero sizes skipped). */
  snapshot(levels: BookLevels): void {
    this.bids.clear();
    this.asks.clear();
    this.apply("bids", levels.bids);
    this.apply("asks", levels.asks);
  }

  /** Absolute sizes; zero removes. */
  apply(side: BookSide, levels: ReadonlyArray<Level>): void {
    const map = this[side];
    for (const [price, quantity] of levels) {
      const key = new D(price).toFixed();
      const q = new D(quantity);
      if (q.isZero()) map.delete(key);
      else map.set(key, q);
    }
  }

  /** A deep copy. */
  clone(): ReferenceBook {
    const copy = new ReferenceBook();
    for (const [k, v] of this.bids) copy.bids.set(k, v);
    for (const [k, v] of this.asks) copy.asks.set(k, v);
    return copy;
  }

  /** Sorted levels, best first. */
  sorted(side: BookSide): Array<[D, D]> {
    const rows = [...this[side]].map(([p, q]) => [new D(p), q] as [D, D]);
    return rows.sort((a, b) => side === "bids" ? b[0].cmp(a[0]) : a[0].cmp(b[0]));
  }

  /** All levels as normalised strings, best first. */
  levels(): BookLevels {
    const out = (side: BookSide): Level[] =>
      this.sorted(side).map(([p, q]) => [p.toFixed(), q.toFixed()]);
    return { bids: out("bids"), asks: out("asks") };
  }

  /** Fill of a market order walking `side` by base `quantity` or quote `notional`. */
  walk(
    side: BookSide,
    amount: string,
    byNotional: boolean,
    priceDecimals: number,
    quantityDecimals: number,
  ): Fill {
    let remaining = new D(amount);
    let filled = new D(0);
    let spent = new D(0);
    let levels = 0;
    let worst: D | undefined;
    for (const [price, quantity] of this.sorted(side)) {
      if (remaining.lte(0)) break;
      let take: D;
      if (byNotional) {
        const cost = price.mul(quantity);
        take = cost.lte(remaining)
          ? quantity
          : remaining.div(price).toDecimalPlaces(quantityDecimals, D.ROUND_DOWN);
        remaining = cost.lte(remaining) ? remaining.sub(cost) : new D(0);
      } else {
        take = D.min(quantity, remaining);
        remaining = remaining.sub(take);
      }
      if (take.isZero()) break;
      filled = filled.add(take);
      spent = spent.add(price.mul(take));
      levels++;
      worst = price;
    }
    return {
      _tag: "Fill",
      quantity: filled.toFixed(),
      notional: spent.toFixed(),
      averagePrice: filled.isZero()
        ? undefined
        : spent.div(filled).toDecimalPlaces(priceDecimals + 8, D.ROUND_HALF_UP).toFixed(),
      worstPrice: worst?.toFixed(),
      levels,
      complete: remaining.isZero(),
    };
  }
}
