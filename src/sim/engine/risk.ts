/**
 * Cross-margin risk of an account: equity, initial/maintenance requirements, the collateral
 * summary and the position views. All assets have collateral weight 1.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import type { Account } from "./accounts.ts";
import { marginFraction, type Market } from "./markets.ts";
import { d, max, str, ZERO } from "./num.ts";
import { remaining } from "./orders.ts";
import { liquidationPrice, type Position } from "./positions.ts";
import type { SimCollateral, SimCollateralAsset, SimPosition } from "./account_types.ts";

/** Prices the risk computation needs. */
export interface RiskPrices {
  /** USDC value of one unit of `asset`. */
  assetPrice(asset: string): Decimal;
  /** Mark price of a market. */
  mark(symbol: string): Decimal;
  market(symbol: string): Market;
}

/** Initial margin fraction for a notional, with the account leverage cap applied. */
export const effectiveImf = (account: Account, market: Market, notional: Decimal): Decimal =>
  max(marginFraction(market.imfFunction, notional), d(1).div(account.leverageLimit));

/** Account-level risk numbers. */
export interface Risk {
  readonly assetsValue: Decimal;
  readonly liabilitiesValue: Decimal;
  readonly pnlUnrealized: Decimal;
  readonly netEquity: Decimal;
  readonly lockedValue: Decimal;
  readonly imfUsed: Decimal;
  readonly mmfUsed: Decimal;
  readonly exposure: Decimal;
  readonly netEquityAvailable: Decimal;
}

/** Computes the account's risk numbers. */
export const accountRisk = (account: Account, prices: RiskPrices): Risk => {
  let assetsValue = ZERO;
  let liabilitiesValue = ZERO;
  let lockedValue = ZERO;
  for (const [asset, b] of account.balances) {
    const price = prices.assetPrice(asset);
    const value = account.total(asset).mul(price);
    if (value.isNegative()) liabilitiesValue = liabilitiesValue.minus(value);
    else assetsValue = assetsValue.plus(value);
    lockedValue = lockedValue.plus(b.locked.mul(price));
  }
  let pnlUnrealized = ZERO;
  let imfUsed = ZERO;
  let mmfUsed = ZERO;
  let exposure = ZERO;
  for (const position of account.positions.values()) {
    const market = prices.market(position.symbol);
    const mark = prices.mark(position.symbol);
    const notional = position.netQuantity.abs().mul(mark);
    pnlUnrealized = pnlUnrealized.plus(position.unrealized(mark));
    imfUsed = imfUsed.plus(notional.mul(effectiveImf(account, market, notional)));
    mmfUsed = mmfUsed.plus(notional.mul(marginFraction(market.mmfFunction, notional)));
    exposure = exposure.plus(notional);
  }
  const netEquity = assetsValue.minus(liabilitiesValue).plus(pnlUnrealized);
  return {
    assetsValue,
    liabilitiesValue,
    pnlUnrealized,
    netEquity,
    lockedValue,
    imfUsed,
    mmfUsed,
    exposure,
    netEquityAvailable: netEquity.minus(imfUsed).minus(lockedValue),
  };
};

/** `GET /api/v1/capital/collateral` view. */
export const collateralView = (account: Account, prices: RiskPrices): SimCollateral => {
  const risk = accountRisk(account, prices);
  const collateral: SimCollateralAsset[] = [];
  for (const [asset, b] of [...account.balances].sort(([a], [c]) => a.localeCompare(c))) {
    const total = account.total(asset);
    if (total.isZero()) continue;
    const price = prices.assetPrice(asset);
    const notional = total.mul(price);
    collateral.push({
      symbol: asset,
      assetMarkPrice: str(price),
      totalQuantity: str(total),
      balanceNotional: str(notional),
      collateralWeight: "1",
      collateralValue: str(notional),
      openOrderQuantity: str(b.locked),
      lendQuantity: "0",
      availableQuantity: str(b.available),
    });
  }
  const hasExposure = risk.exposure.gt(0);
  return {
    assetsValue: str(risk.assetsValue),
    liabilitiesValue: str(risk.liabilitiesValue),
    borrowLiability: "0",
    netEquity: str(risk.netEquity),
    netEquityAvailable: str(risk.netEquityAvailable),
    netEquityLocked: str(risk.imfUsed.plus(risk.lockedValue)),
    netExposureFutures: str(risk.exposure),
    pnlUnrealized: str(risk.pnlUnrealized),
    unsettledEquity: str(risk.pnlUnrealized),
    imf: str(hasExposure ? risk.imfUsed.div(risk.exposure) : ZERO),
    mmf: str(hasExposure ? risk.mmfUsed.div(risk.exposure) : ZERO),
    marginFraction: hasExposure ? str(risk.netEquity.div(risk.exposure)) : null,
    collateral,
  };
};

/** The public view of one position (also of one that was just closed). */
export const positionView = (
  account: Account,
  prices: RiskPrices,
  position: Position,
  risk: Risk,
): SimPosition => {
  const market = prices.market(position.symbol);
  const mark = prices.mark(position.symbol);
  const n = position.netQuantity;
  const notional = n.abs().mul(mark);
  const mmf = marginFraction(market.mmfFunction, notional);
  let bids = ZERO;
  let asks = ZERO;
  for (const order of account.openOrders.values()) {
    if (order.symbol !== position.symbol || order.status === "TriggerPending") continue;
    const left = remaining(order) ?? ZERO;
    if (order.side === "Bid") bids = bids.plus(left);
    else asks = asks.plus(left);
  }
  const exposure = max(n.plus(bids).abs(), n.minus(asks).abs());
  const backing = risk.netEquity.minus(risk.mmfUsed.minus(notional.mul(mmf)));
  return {
    symbol: position.symbol,
    positionId: position.positionId,
    netQuantity: str(n),
    netExposureQuantity: str(exposure),
    netExposureNotional: str(exposure.mul(mark)),
    entryPrice: str(position.entryPrice),
    breakEvenPrice: str(position.breakEvenPrice),
    markPrice: str(mark),
    estLiquidationPrice: str(liquidationPrice(n, mark, backing, mmf)),
    netCost: str(position.netCost),
    pnlRealized: str(position.pnlRealized),
    pnlUnrealized: str(position.unrealized(mark)),
    cumulativeFundingPayment: str(position.cumulativeFunding),
    imf: str(effectiveImf(account, market, notional)),
    mmf: str(mmf),
    imfFunction: market.imfFunction,
    mmfFunction: market.mmfFunction,
  };
};

/** Position views of the account (optionally one symbol), sorted by symbol. */
export const positionViews = (
  account: Account,
  prices: RiskPrices,
  symbol?: string,
): SimPosition[] => {
  const risk = accountRisk(account, prices);
  return [...account.positions.values()]
    .filter((position) => symbol === undefined || position.symbol === symbol)
    .sort((a, b) => a.symbol.localeCompare(b.symbol))
    .map((position) => positionView(account, prices, position, risk));
};
