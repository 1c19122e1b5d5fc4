/**
 * Balances and funding payments, as reconciled over REST (Backpack has no balance stream):
 * {@link balanceChanges} answers only the assets that changed since the previous read, and the
 * {@link FundingLedger} keeps every funding payment once (keyed by market and interval end) with a
 * running sum per market.
 *
 * @module
 */
import { Decimal } from "../decimal.ts";
import type { Balances } from "../schema/capital.ts";
import type { FundingPayment } from "../schema/history.ts";
import type { BalanceState, FundingPaymentState } from "./account_types.ts";

/** One asset whose balance changed: the new state and the previous one (undefined: new asset). */
export interface BalanceChange {
  /** New balance. */
  readonly balance: BalanceState;
  /** Previous balance. */
  readonly previous: BalanceState | undefined;
}

const ZERO = new Decimal(0);

const same = (a: BalanceState, b: BalanceState): boolean =>
  a.available.eq(b.available) && a.locked.eq(b.locked) && a.staked.eq(b.staked);

/** The assets of `next` that differ from `previous` (an asset gone from `next` reads as zero). */
export const balanceChanges = (
  previous: Readonly<Record<string, BalanceState>>,
  next: Balances,
): ReadonlyArray<BalanceChange> => {
  const changes: BalanceChange[] = [];
  const assets = new Set([...Object.keys(previous), ...Object.keys(next)]);
  for (const asset of assets) {
    const row = next[asset];
    const balance: BalanceState = {
      asset,
      available: row?.available ?? ZERO,
      locked: row?.locked ?? ZERO,
      staked: row?.staked ?? ZERO,
    };
    const before = previous[asset];
    if (before === undefined ? row !== undefined : !same(before, balance)) {
      changes.push({ balance, previous: before });
    }
  }
  return changes;
};

/** Funding payments, each once, with sums per market. */
export class FundingLedger {
  readonly #seen = new Set<string>();
  readonly #list: FundingPaymentState[] = [];
  readonly #totals = new Map<string, Decimal>();

  /** Records a payment; answers it when new, undefined when already recorded. */
  add(payment: FundingPayment): FundingPaymentState | undefined {
    const key = `${payment.symbol}@${payment.intervalEndTimestamp.getTime()}`;
    if (this.#seen.has(key)) return undefined;
    this.#seen.add(key);
    const state: FundingPaymentState = {
      symbol: payment.symbol,
      quantity: payment.quantity,
      rate: payment.fundingRate,
      intervalEnd: payment.intervalEndTimestamp,
    };
    this.#list.push(state);
    this.#totals.set(state.symbol, this.total(state.symbol).plus(state.quantity));
    return state;
  }

  /** Payments (one market's, or all), in the order recorded. */
  list(symbol?: string): ReadonlyArray<FundingPaymentState> {
    return symbol === undefined ? [...this.#list] : this.#list.filter((p) => p.symbol === symbol);
  }

  /** Sum of the payments of one market, or of all. */
  total(symbol?: string): Decimal {
    if (symbol !== undefined) return this.#totals.get(symbol) ?? ZERO;
    let sum = ZERO;
    for (const value of this.#totals.values()) sum = sum.plus(value);
    return sum;
  }
}
