/**
 * The fill ledger: every fill counted once, whichever way it arrived — the `account.orderUpdate`
 * stream (`orderFill` events carry the trade id `t`) or the REST fill history (`tradeId`) read
 * after each reconnect and on a schedule. Trade ids are sequential per market, so fills are keyed by
 * market and trade id; a fill seen again (a replayed frame, a history page overlapping the last
 * reconciliation) is ignored and counted as a duplicate.
 *
 * The ledger also keeps the reconciliation cursor: the latest fill time the history returned, from
 * which the next history read starts (minus an overlap, so late-indexed fills are not missed).
 * Stream fills do not move it: a fill that arrives on the stream right after a reconnect is newer
 * than the fills made while the stream was down, which only the history has.
 *
 * @module
 */
import type { Fill } from "../schema/history.ts";
import type { OrderUpdate } from "../schema/ws_account.ts";
import type { OrderSide } from "../schema/order.ts";
import { Decimal } from "../decimal.ts";
import type { TrackedFill } from "./order_types.ts";

/** A fill before the connector adds its fee estimate. */
export type FillInput = Omit<TrackedFill, "estimatedFee">;

/** The fill of an `orderFill` update (undefined for other updates). */
export const fillFromUpdate = (
  update: OrderUpdate & { readonly symbol: string },
): FillInput | undefined =>
  update.fill === undefined ? undefined : {
    tradeId: update.fill.tradeId,
    orderId: update.orderId,
    clientId: update.clientId,
    symbol: update.symbol,
    side: update.side === "Ask" ? "Ask" : "Bid",
    price: update.fill.price,
    quantity: update.fill.quantity,
    fee: update.fill.fee ?? new Decimal(0),
    feeAsset: update.fill.feeSymbol ?? "",
    maker: update.fill.isMaker,
    timestamp: update.engineTime,
    source: "stream",
  };

/** A REST history fill (undefined when it has no trade id and cannot be deduplicated). */
export const fillFromHistory = (fill: Fill): FillInput | undefined => {
  if (fill.tradeId === undefined || fill.tradeId === null) return undefined;
  const clientId = fill.clientId === undefined || fill.clientId === null
    ? undefined
    : Number(fill.clientId);
  return {
    tradeId: fill.tradeId,
    orderId: fill.orderId,
    clientId: Number.isInteger(clientId) ? clientId : undefined,
    symbol: fill.symbol,
    side: (fill.side === "Ask" ? "Ask" : "Bid") as OrderSide,
    price: fill.price,
    quantity: fill.quantity,
    fee: fill.fee,
    feeAsset: fill.feeSymbol,
    maker: fill.isMaker,
    timestamp: fill.timestamp,
    source: "history",
  };
};

/** The ledger key of a fill: trade ids repeat across markets. */
const keyOf = (symbol: string, tradeId: string): string => `${symbol}#${tradeId}`;

/** Fills by market and trade id (see the module documentation). */
export class FillLedger {
  readonly #seen = new Set<string>();
  readonly #list: TrackedFill[] = [];
  #duplicates = 0;
  #latestMs: number | undefined;

  /**
   * Records `fill`; true when it is new, false (and counted) when its market's trade id was seen.
   * A history fill, new or not, moves the cursor.
   */
  add(fill: TrackedFill): boolean {
    const ms = fill.timestamp.getTime();
    if (fill.source === "history" && (this.#latestMs === undefined || ms > this.#latestMs)) {
      this.#latestMs = ms;
    }
    const key = keyOf(fill.symbol, fill.tradeId);
    if (this.#seen.has(key)) {
      this.#duplicates += 1;
      return false;
    }
    this.#seen.add(key);
    this.#list.push(fill);
    return true;
  }

  /** True when a fill of `symbol` with this trade id was recorded. */
  has(symbol: string, tradeId: string): boolean {
    return this.#seen.has(keyOf(symbol, tradeId));
  }

  /** Fills in arrival order (one market's, or all). */
  list(symbol?: string): ReadonlyArray<TrackedFill> {
    return symbol === undefined ? [...this.#list] : this.#list.filter((f) => f.symbol === symbol);
  }

  /** How many fills were seen again and ignored. */
  get duplicates(): number {
    return this.#duplicates;
  }

  /**
   * Where the next history read starts (Unix ms): the latest fill time the history returned minus
   * `overlapMs`, or `fallbackMs` before the history returned any fill.
   */
  cursor(overlapMs: number, fallbackMs: number): number {
    return this.#latestMs === undefined ? fallbackMs : Math.max(0, this.#latestMs - overlapMs);
  }
}
