/**
 * Trigger (conditional) orders and attached take-profit / stop-loss children: placement in
 * `TriggerPending`, evaluation against the last, mark or index price, firing (percentage
 * quantities resolved against the position then), sibling cancellation and `triggerFailed`.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import { d, floorTo, str, ZERO } from "./num.ts";
import { type EngineOrder, isFinal, newOrder } from "./orders.ts";
import type { MarketState, TradingCore } from "./trading.ts";

/** Trigger evaluation rounds per operation (triggers can set off triggers). */
const TRIGGER_ROUNDS = 8;

const isPercent = (text: string | null): boolean => text !== null && text.endsWith("%");

/** Places a trigger order: it waits in `TriggerPending` until its reference price is reached. */
export const placeTrigger = (core: TradingCore, order: EngineOrder, above?: boolean): void => {
  const state = core.state(order.symbol);
  order.triggerAbove = above ?? order.triggerPrice!.gte(reference(state, order));
  state.triggers.push(order);
  core.open(order);
  core.orderEvent(order, "triggerPlaced");
};

const reference = (state: MarketState, order: EngineOrder): Decimal => {
  if (order.triggerBy === "MarkPrice") return state.price.mark;
  if (order.triggerBy === "IndexPrice") return state.price.index;
  return state.lastPrice ?? state.price.mark;
};

/** Places the TP/SL trigger children of a (partly) filled parent. */
export const spawnChildren = (core: TradingCore, parent: EngineOrder): void => {
  const legs = [
    { leg: parent.takeProfit, takeProfit: true },
    { leg: parent.stopLoss, takeProfit: false },
  ];
  const side = parent.side === "Bid" ? "Ask" : "Bid";
  for (const { leg, takeProfit } of legs) {
    if (leg === null) continue;
    const child = newOrder({
      id: core.nextOrderId(),
      accountId: parent.accountId,
      symbol: parent.symbol,
      side,
      orderType: leg.limitPrice === null ? "Market" : "Limit",
      price: leg.limitPrice,
      quantity: parent.executedQuantity,
      quoteQuantity: null,
      timeInForce: "GTC",
      selfTradePrevention: parent.selfTradePrevention,
      postOnly: false,
      reduceOnly: core.market(parent.symbol).perp,
      clientId: null,
      triggerPrice: leg.triggerPrice,
      triggerQuantity: str(parent.executedQuantity),
      triggerBy: leg.triggerBy,
      relatedOrderId: parent.id,
      takeProfit: null,
      stopLoss: null,
      createdAt: core.now,
    });
    // a sell TP fires on the way up, a sell SL on the way down (mirrored for buys)
    placeTrigger(core, child, takeProfit === (side === "Ask"));
  }
};

/** Fires every trigger order whose reference price has been reached (repeatedly). */
export const checkTriggers = (core: TradingCore, state: MarketState): void => {
  for (let round = 0; round < TRIGGER_ROUNDS; round++) {
    const due = state.triggers.filter((order) => {
      const ref = reference(state, order);
      return order.triggerAbove ? ref.gte(order.triggerPrice!) : ref.lte(order.triggerPrice!);
    });
    if (due.length === 0) return;
    for (const order of due) {
      if (order.status === "TriggerPending") fire(core, state, order);
    }
  }
};

const fire = (core: TradingCore, state: MarketState, order: EngineOrder): void => {
  state.triggers.splice(state.triggers.indexOf(order), 1);
  order.triggeredAt = core.now;
  order.status = "New";
  if (order.relatedOrderId !== null) {
    for (const sibling of [...state.triggers]) {
      if (
        sibling.relatedOrderId === order.relatedOrderId && sibling.accountId === order.accountId
      ) {
        core.cancel(sibling);
      }
    }
  }
  if (isPercent(order.triggerQuantity)) {
    const n = core.account(order.accountId).positions.get(order.symbol)?.netQuantity ?? ZERO;
    const pct = d(order.triggerQuantity!.slice(0, -1)).div(100);
    const quantity = floorTo(n.abs().mul(pct), state.market.stepSize);
    if (quantity.lt(state.market.minQuantity)) return triggerFailed(core, order);
    order.quantity = quantity;
  }
  try {
    core.submit(order);
  } catch {
    triggerFailed(core, order);
  }
};

const triggerFailed = (core: TradingCore, order: EngineOrder): void => {
  if (isFinal(order.status)) return;
  order.status = "TriggerFailed";
  core.finalize(order, "triggerFailed");
};
