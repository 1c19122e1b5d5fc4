/**
 * Settlement of one side of a trade: order progress, balances (spot) or position and realized
 * PnL (perps), fees, the fill record and its events, and the account's settlement ledger
 * (`RealizePnl`, `TradingFees`; funding rows come from `funding.ts`) and closed-position records.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import type { Account } from "./accounts.ts";
import { str, ZERO } from "./num.ts";
import { type EngineOrder, remaining } from "./orders.ts";
import { Position } from "./positions.ts";
import { accountRisk, effectiveImf, positionView } from "./risk.ts";
import type { SettlementSource, SimPositionRecord } from "./history_types.ts";
import type { MarketState, TradingCore } from "./trading.ts";

/** Appends a settlement-ledger row (non-zero amounts of user accounts only). */
export const recordSettlement = (
  core: TradingCore,
  account: Account,
  source: SettlementSource,
  quantity: Decimal,
  positionId: string,
): void => {
  if (account.system || quantity.isZero()) return;
  account.settlements.push({
    quantity: str(quantity),
    source,
    positionId,
    timestamp: core.now,
    engineSequence: core.nextSettlementSequence(),
  });
};

/** Settles `quantity` at `price` for one side (`order`) of a trade. */
export const settleFill = (
  core: TradingCore,
  state: MarketState,
  order: EngineOrder,
  isMaker: boolean,
  price: Decimal,
  quantity: Decimal,
  tradeId: string,
): void => {
  const { market } = state;
  const account = core.account(order.accountId);
  const quote = price.mul(quantity);
  const fee = order.systemOrderType === undefined
    ? quote.mul(isMaker ? account.makerFee : account.takerFee)
    : ZERO;
  order.executedQuantity = order.executedQuantity.plus(quantity);
  order.executedQuoteQuantity = order.executedQuoteQuantity.plus(quote);
  const left = remaining(order);
  order.status = left !== null && left.lte(0) ? "Filled" : "PartiallyFilled";
  if (market.perp) {
    account.unlock(order, quantity.mul(order.lockPerUnit ?? ZERO));
    applyPosition(core, account, order, price, quantity, fee);
    state.positionsChanged.add(account.id);
  } else if (order.side === "Bid") {
    const cost = quote.plus(fee);
    account.unlock(order, order.lockPerUnit === null ? cost : quantity.mul(order.lockPerUnit));
    account.credit(market.quote, cost.neg());
    account.credit(market.base, quantity);
  } else {
    account.unlock(order, quantity);
    account.credit(market.base, quantity.neg());
    account.credit(market.quote, quote.minus(fee));
  }
  if (account.system) return;
  account.fills.push({
    tradeId,
    orderId: order.id,
    clientId: order.clientId === null ? null : String(order.clientId),
    symbol: market.symbol,
    side: order.side,
    price: str(price),
    quantity: str(quantity),
    fee: str(fee),
    feeSymbol: market.quote,
    isMaker,
    timestamp: core.now,
    systemOrderType: order.systemOrderType ?? null,
  });
  core.orderEvent(order, "orderFill", {
    tradeId,
    price: str(price),
    quantity: str(quantity),
    isMaker,
    fee: str(fee),
    feeSymbol: market.quote,
  });
};

/**
 * Applies a perp fill to the account's position: realized PnL and fee settle in the quote asset
 * (ledger rows), a closed position is archived, and a `positionUpdate` is emitted.
 */
export const applyPosition = (
  core: TradingCore,
  account: Account,
  order: Pick<EngineOrder, "symbol" | "side" | "systemOrderType">,
  price: Decimal,
  quantity: Decimal,
  fee: Decimal,
): void => {
  const { symbol } = order;
  let position = account.positions.get(symbol);
  if (position === undefined) {
    position = new Position(symbol, core.nextPositionId(), core.now);
    account.positions.set(symbol, position);
  }
  const change = position.apply(order.side, quantity, price);
  position.fees = position.fees.plus(fee);
  if (order.systemOrderType !== undefined) {
    position.liquidated = position.liquidated.plus(quantity);
  }
  account.credit(core.market(symbol).quote, change.realizedPnl.minus(fee));
  recordSettlement(core, account, "RealizePnl", change.realizedPnl, position.positionId);
  recordSettlement(core, account, "TradingFees", fee.neg(), position.positionId);
  if (change.kind === "positionClosed") {
    account.positions.delete(symbol);
    if (!account.system) account.closedPositions.push(closedRecord(core, position, price));
  }
  if (account.system) return;
  const view = positionView(account, core, position, accountRisk(account, core));
  core.emit({
    type: "positionUpdate",
    accountId: account.id,
    event: change.kind,
    position: view,
    time: core.time,
  });
};

const closedRecord = (core: TradingCore, p: Position, price: Decimal): SimPositionRecord => ({
  id: p.positionId,
  symbol: p.symbol,
  state: "Closed",
  netQuantity: "0",
  netCost: "0",
  entryPrice: str(p.entryPrice),
  markPrice: str(core.mark(p.symbol)),
  cumulativePnlRealized: str(p.pnlRealized),
  unrealizedPnl: "0",
  fundingQuantity: str(p.cumulativeFunding),
  fees: str(p.fees),
  liquidated: str(p.liquidated),
  liquidationFees: "0",
  closedVolume: str(p.closedVolume),
  imf: "0",
  closingPrice: str(price),
  openedAt: p.openedAt,
  closedAt: core.now,
});

/** The history record of an open position. */
export const openRecord = (
  core: TradingCore,
  account: Account,
  p: Position,
): SimPositionRecord => {
  const mark = core.mark(p.symbol);
  const notional = p.netQuantity.abs().mul(mark);
  return {
    ...closedRecord(core, p, mark),
    state: "Open",
    netQuantity: str(p.netQuantity),
    netCost: str(p.netCost),
    unrealizedPnl: str(p.unrealized(mark)),
    imf: str(effectiveImf(account, core.market(p.symbol), notional)),
    closingPrice: null,
    closedAt: null,
  };
};
