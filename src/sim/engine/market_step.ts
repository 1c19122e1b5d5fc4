/**
 * The seeded time step of every market: price process, funding settlements, the synthetic market
 * maker's requote and taker flow, triggers, and the per-step `markPrice` / `ticker` /
 * `openInterest` events.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import { settleFunding } from "./funding.ts";
import { openInterestOf, tickerOf } from "./market_data.ts";
import { str } from "./num.ts";
import { type EngineOrder, plainOrder, remaining } from "./orders.ts";
import type { Random } from "./random.ts";
import { MARKET_MAKER_ID, quotesAround, TAKER_FLOW_ID, takerFlow } from "./synthetic_liquidity.ts";
import type { MarketState, TradingCore } from "./trading.ts";
import { checkTriggers } from "./triggers.ts";
import type { Side } from "./order_types.ts";

/** Settings of the synthetic liquidity. */
export interface Liquidity {
  /** Synthetic market maker and taker flow on. */
  readonly synthetic: boolean;
  /** Levels per side the market maker quotes. */
  readonly levels: number;
}

/** Advances one market by one step at `core.now`. */
export const stepMarket = (
  core: TradingCore,
  state: MarketState,
  random: Random,
  liquidity: Liquidity,
): void => {
  const { market, price } = state;
  price.step(random);
  while (market.perp && state.nextFundingTime <= core.now) {
    settleFunding(core, state, state.nextFundingTime);
    state.nextFundingTime += market.fundingIntervalMs;
  }
  if (liquidity.synthetic) {
    requote(core, state, liquidity.levels);
    const flow = takerFlow(market, price.mark, random);
    if (flow !== null) {
      core.submit(syntheticOrder(core, state, TAKER_FLOW_ID, flow.side, flow.quantity, null));
    }
  }
  checkTriggers(core, state);
  core.flush(state);
  core.emit({
    type: "markPrice",
    symbol: market.symbol,
    markPrice: str(price.mark),
    indexPrice: str(price.index),
    fundingRate: market.perp ? str(price.fundingRate) : null,
    nextFundingTime: market.perp ? state.nextFundingTime : null,
    time: core.time,
  });
  core.emit({ type: "ticker", ticker: tickerOf(core, market.symbol), time: core.time });
  if (market.perp) {
    const [oi] = openInterestOf(core, market.symbol);
    core.emit({
      type: "openInterest",
      symbol: market.symbol,
      openInterest: oi.openInterest,
      time: core.time,
    });
  }
};

/** Moves the market maker's quotes to the current mark (only changed levels are touched). */
export const requote = (core: TradingCore, state: MarketState, levels: number): void => {
  const maker = core.account(MARKET_MAKER_ID);
  const wanted = new Map(
    quotesAround(state.market, state.price.mark, levels).map((q) => [
      `${q.side}:${str(q.price)}:${str(q.quantity)}`,
      q,
    ]),
  );
  for (const order of [...maker.openOrders.values()]) {
    if (order.symbol !== state.market.symbol) continue;
    const key = `${order.side}:${str(order.price!)}:${str(remaining(order)!)}`;
    if (wanted.has(key)) wanted.delete(key);
    else core.cancel(order);
  }
  for (const quote of wanted.values()) {
    core.submit(
      syntheticOrder(core, state, MARKET_MAKER_ID, quote.side, quote.quantity, quote.price),
    );
  }
  core.flush(state);
};

/** A GTC limit (market maker) or IOC market (taker flow) order of a synthetic account. */
const syntheticOrder = (
  core: TradingCore,
  state: MarketState,
  accountId: string,
  side: Side,
  quantity: Decimal,
  price: Decimal | null,
): EngineOrder =>
  plainOrder({
    id: core.nextOrderId(),
    accountId,
    symbol: state.market.symbol,
    side,
    orderType: price === null ? "Market" : "Limit",
    price,
    quantity,
    timeInForce: price === null ? "IOC" : "GTC",
    selfTradePrevention: "RejectMaker",
    reduceOnly: false,
    createdAt: core.now,
  });
