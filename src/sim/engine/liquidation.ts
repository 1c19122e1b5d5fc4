/**
 * Liquidation: after each `advance`, an account whose net equity fell below its maintenance
 * margin (margin fraction < mmf) has its open orders cancelled and every position closed by a
 * reduce-only IOC market order through the book (`systemOrderType: LiquidatePositionOnBook`);
 * what the book cannot absorb is closed at the mark price against the backstop
 * (`LiquidatePositionOnBackstop`). Each closed position emits a public `liquidation` event.
 * No liquidation fee, no auto-deleveraging.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import type { Account } from "./accounts.ts";
import { str, ZERO } from "./num.ts";
import { type EngineOrder, plainOrder } from "./orders.ts";
import { accountRisk } from "./risk.ts";
import { settleFill } from "./settlement.ts";
import type { MarketState, TradingCore } from "./trading.ts";
import type { Side, SystemOrderType } from "./order_types.ts";

/** True when the account's net equity is below its maintenance requirement. */
export const underwater = (account: Account, core: TradingCore): boolean => {
  if (account.system || account.positions.size === 0) return false;
  const risk = accountRisk(account, core);
  return risk.netEquity.lt(risk.mmfUsed);
};

const systemOrder = (
  core: TradingCore,
  account: Account,
  state: MarketState,
  side: Side,
  quantity: Decimal,
  type: SystemOrderType,
): EngineOrder => {
  const order = plainOrder({
    id: core.nextOrderId(),
    accountId: account.id,
    symbol: state.market.symbol,
    side,
    orderType: "Market",
    price: null,
    quantity,
    timeInForce: "IOC",
    selfTradePrevention: "RejectTaker",
    reduceOnly: true,
    createdAt: core.now,
  });
  order.systemOrderType = type;
  return order;
};

/** Closes one position: through the book first, the rest at mark against the backstop. */
const closePosition = (core: TradingCore, account: Account, state: MarketState): void => {
  const symbol = state.market.symbol;
  const size = account.positions.get(symbol)?.netQuantity ?? ZERO;
  if (size.isZero()) return;
  const side: Side = size.isPositive() ? "Ask" : "Bid";
  const onBook = systemOrder(core, account, state, side, size.abs(), "LiquidatePositionOnBook");
  core.submit(onBook);
  let quantity = onBook.executedQuantity;
  let quote = onBook.executedQuoteQuantity;
  const left = account.positions.get(symbol)?.netQuantity ?? ZERO;
  if (!left.isZero()) {
    const backstop = systemOrder(
      core,
      account,
      state,
      side,
      left.abs(),
      "LiquidatePositionOnBackstop",
    );
    state.tradeSeq += 1n;
    settleFill(core, state, backstop, false, state.price.mark, left.abs(), String(state.tradeSeq));
    core.finalize(backstop, null);
    quantity = quantity.plus(left.abs());
    quote = quote.plus(left.abs().mul(state.price.mark));
  }
  core.emit({
    type: "liquidation",
    symbol,
    side,
    price: str(quote.div(quantity).toDecimalPlaces(state.market.tickSize.decimalPlaces())),
    quantity: str(quantity),
    time: core.time,
  });
};

/** Liquidates every underwater account (orders cancelled, positions closed). */
export const liquidateUnderwater = (core: TradingCore): void => {
  for (const account of core.accounts.values()) {
    if (!underwater(account, core)) continue;
    for (const order of [...account.openOrders.values()]) core.cancel(order);
    for (const symbol of [...account.positions.keys()]) {
      const state = core.state(symbol);
      closePosition(core, account, state);
      core.flush(state);
    }
  }
};
