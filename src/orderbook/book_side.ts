/**
 * One side of an order book over scaled integers: two parallel `Float64Array`s (keys and
 * quantities) kept sorted ascending by key, with the **best level at the end**. Updates cluster
 * near the top of the book, so inserts and removes there shift only a handful of elements.
 * Keys are `price` for bids and `-price` for asks, so both sides share one code path.
 *
 * @module
 */

const INITIAL_CAPACITY = 256;

/** A sorted side of the book; internal to `OrderBook`, exported for it and for tests. */
export class BookSideArray {
  /** Sort keys (`sign × scaled price`), ascending; `keys[length - 1]` is the best level. */
  keys: Float64Array = new Float64Array(INITIAL_CAPACITY);
  /** Scaled quantities, parallel to {@link keys}. */
  quantities: Float64Array = new Float64Array(INITIAL_CAPACITY);
  /** Number of levels held. */
  length = 0;

  /** `sign` is `1` for bids (key = price) and `-1` for asks (key = -price). */
  constructor(readonly sign: 1 | -1) {}

  /** Index of `key`, or `-(insertion point) - 1` when absent. */
  find(key: number): number {
    const keys = this.keys;
    let low = 0;
    let high = this.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const k = keys[mid];
      if (k < key) low = mid + 1;
      else if (k > key) high = mid - 1;
      else return mid;
    }
    return -low - 1;
  }

  /** Sets the absolute quantity at `price` (scaled); zero removes the level. */
  set(price: number, quantity: number): void {
    const key = this.sign * price;
    const length = this.length;
    // Fast path: at or beyond the current best (the most common update).
    let index: number;
    if (length === 0 || key > this.keys[length - 1]) index = -length - 1;
    else index = this.find(key);
    if (index >= 0) {
      if (quantity === 0) {
        this.keys.copyWithin(index, index + 1, length);
        this.quantities.copyWithin(index, index + 1, length);
        this.length = length - 1;
      } else this.quantities[index] = quantity;
      return;
    }
    if (quantity === 0) return;
    const at = -index - 1;
    if (length === this.keys.length) this.grow(length * 2);
    if (at < length) {
      this.keys.copyWithin(at + 1, at, length);
      this.quantities.copyWithin(at + 1, at, length);
    }
    this.keys[at] = key;
    this.quantities[at] = quantity;
    this.length = length + 1;
  }

  /** Replaces the content with levels given as parallel arrays (any order, zero sizes skipped, last write wins). */
  load(prices: ReadonlyArray<number>, quantities: ReadonlyArray<number>): void {
    const n = prices.length;
    const order = Array.from({ length: n }, (_, i) => i);
    const sign = this.sign;
    order.sort((i, j) => sign * prices[i] - sign * prices[j] || i - j);
    if (n > this.keys.length) this.grow(n);
    let length = 0;
    for (const i of order) {
      const key = sign * prices[i];
      if (length > 0 && this.keys[length - 1] === key) length--; // duplicate price: later wins
      if (quantities[i] === 0) continue;
      this.keys[length] = key;
      this.quantities[length] = quantities[i];
      length++;
    }
    this.length = length;
  }

  /** Scaled price of the level `rank` steps from the best (0 = best). */
  priceAt(rank: number): number {
    return this.sign * this.keys[this.length - 1 - rank];
  }

  /** Scaled quantity of the level `rank` steps from the best (0 = best). */
  quantityAt(rank: number): number {
    return this.quantities[this.length - 1 - rank];
  }

  /** Largest absolute scaled price held (0 when empty). */
  maxAbsPrice(): number {
    if (this.length === 0) return 0;
    return Math.max(Math.abs(this.keys[0]), Math.abs(this.keys[this.length - 1]));
  }

  /** Largest scaled quantity held (0 when empty). */
  maxQuantity(): number {
    let max = 0;
    for (let i = 0; i < this.length; i++) if (this.quantities[i] > max) max = this.quantities[i];
    return max;
  }

  /** Multiplies every price (`prices`) or quantity by `factor`; the caller checks safety first. */
  rescale(prices: boolean, factor: number): void {
    const values = prices ? this.keys : this.quantities;
    for (let i = 0; i < this.length; i++) values[i] *= factor;
  }

  /** Drops every level (keeps the allocated capacity). */
  clear(): void {
    this.length = 0;
  }

  private grow(capacity: number): void {
    const keys = new Float64Array(capacity);
    const quantities = new Float64Array(capacity);
    keys.set(this.keys.subarray(0, this.length));
    quantities.set(this.quantities.subarray(0, this.length));
    this.keys = keys;
    this.quantities = quantities;
  }
}
