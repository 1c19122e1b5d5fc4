/**
 * Funding settlement at the end of a perp funding interval: every position pays or receives
 * `netQuantity × mark × rate` (a long pays when the rate is positive), settled in the quote.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import { str } from "./num.ts";
import { recordSettlement } from "./settlement.ts";
import type { MarketState, TradingCore } from "./trading.ts";

/** Funding paid (−) or received (+) by a position of `netQuantity` at `mark` and `rate`. */
export const fundingPayment = (netQuantity: Decimal, mark: Decimal, rate: Decimal): Decimal =>
  netQuantity.mul(mark).mul(rate).neg();

/** Settles the funding interval of `state` ending at `intervalEnd` (ms). */
export const settleFunding = (core: TradingCore, state: MarketState, intervalEnd: number): void => {
  const { market, price } = state;
  const rate = price.fundingRate;
  state.fundingRates.push({
    symbol: market.symbol,
    fundingRate: str(rate),
    intervalEndTimestamp: intervalEnd,
  });
  for (const account of core.accounts.values()) {
    const position = account.positions.get(market.symbol);
    if (position === undefined) continue;
    const payment = fundingPayment(position.netQuantity, price.mark, rate);
    account.credit(market.quote, payment);
    position.cumulativeFunding = position.cumulativeFunding.plus(payment);
    recordSettlement(core, account, "FundingPayment", payment, position.positionId);
    if (account.system) continue;
    account.funding.push({
      symbol: market.symbol,
      quantity: str(payment),
      fundingRate: str(rate),
      intervalEndTimestamp: intervalEnd,
    });
    core.emit({
      type: "funding",
      accountId: account.id,
      symbol: market.symbol,
      quantity: str(payment),
      rate: str(rate),
      time: intervalEnd * 1000,
    });
  }
};
