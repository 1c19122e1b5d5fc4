/**
 * Resting reduce-only orders follow their position: when a position shrinks below a resting
 * reduce-only order's remaining quantity, the order is reduced to the position size and an
 * `orderModified` update is sent (the only case the exchange emits that event, REFERENCE §3.10);
 * when the position is gone (or flipped) the order expires with `ReduceOnlyNotReduced`.
 *
 * @module
 */
import type { Account } from "./accounts.ts";
import { remaining } from "./orders.ts";
import type { MarketState, TradingCore } from "./trading.ts";

/** Shrinks `account`'s resting reduce-only orders on `state`'s market to what they can reduce. */
export const shrinkReduceOnly = (core: TradingCore, account: Account, state: MarketState): void => {
  for (const order of [...account.openOrders.values()]) {
    if (!order.reduceOnly || order.symbol !== state.market.symbol) continue;
    if (order.status === "TriggerPending") continue;
    const left = remaining(order)!;
    const cap = core.reducible(order);
    if (left.lte(cap)) continue;
    if (cap.isZero()) {
      state.book.remove(order, left);
      core.expire(order, "ReduceOnlyNotReduced");
      continue;
    }
    const cut = left.minus(cap);
    order.quantity = order.quantity!.minus(cut);
    state.book.reduce(order, cut);
    if (order.lockPerUnit !== null) account.unlock(order, cut.mul(order.lockPerUnit));
    core.orderEvent(order, "orderModified");
  }
};
