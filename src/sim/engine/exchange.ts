/**
 * The simulator's exchange: the {@link SimExchange} facade over the trading core (orders,
 * market data in `market_data.ts`, account views, ledgers) and the seeded `advance` step
 * (`market_step.ts` per market, then liquidations).
 *
 * @module
 */
import { Account } from "./accounts.ts";
import { accountSettings, updateAccountSettings } from "./account_settings.ts";
import { Errors } from "./errors.ts";
import { page } from "./history.ts";
import { liquidateUnderwater } from "./liquidation.ts";
import {
  depthOf,
  klinesOf,
  markPricesOf,
  openInterestOf,
  tickerOf,
  trueBookOf,
} from "./market_data.ts";
import { type Liquidity, requote, stepMarket } from "./market_step.ts";
import { parseMarket } from "./markets.ts";
import { d, str } from "./num.ts";
import { type EngineOrder, newOrder, toSimOrder } from "./orders.ts";
import { Random } from "./random.ts";
import { collateralView, positionViews } from "./risk.ts";
import { MARKET_MAKER_ID, TAKER_FLOW_ID } from "./synthetic_liquidity.ts";
import { openRecord } from "./settlement.ts";
import { TradingCore } from "./trading.ts";
import { checkTriggers, placeTrigger } from "./triggers.ts";
import type {
  SimAccountPatch,
  SimAccountSettings,
  SimBalance,
  SimCollateral,
  SimPosition,
} from "./account_types.ts";
import type { SimExchangeOptions, SimMarketConfig } from "./config_types.ts";
import type { SimListener } from "./event_types.ts";
import type { SimExchange } from "./exchange_api.ts";
import type {
  SettlementSource,
  SimFundingPayment,
  SimHistoryFilter,
  SimPositionRecord,
  SimSettlement,
} from "./history_types.ts";
import type {
  SimDepth,
  SimFundingRate,
  SimKline,
  SimMarkPrice,
  SimOpenInterest,
  SimTicker,
  SimTrade,
  SimTrueBook,
} from "./market_data_types.ts";
import type {
  CancelAllOrderType,
  SimFill,
  SimOrder,
  SimOrderRequest,
  SimOrderSelector,
} from "./order_types.ts";
import { SimError } from "./sim_error.ts";
import { validateOrder } from "./validation.ts";

const SYSTEM_BALANCE = "1000000000000";

/** The local Backpack-compatible exchange. Deterministic for a seed and a sequence of calls. */
export class Exchange implements SimExchange {
  readonly #core: TradingCore;
  readonly #random: Random;
  readonly #configs: SimMarketConfig[];
  readonly #liquidity: Liquidity;

  constructor(opts: SimExchangeOptions) {
    this.#configs = [...opts.markets];
    this.#core = new TradingCore(opts.markets.map(parseMarket), opts.now);
    this.#random = new Random(opts.seed);
    const synthetic = opts.syntheticLiquidity ?? true;
    const levels = opts.syntheticLevels ?? 10;
    this.#liquidity = { synthetic, levels };
    for (const config of opts.accounts) {
      this.#core.accounts.set(config.id, new Account(config));
    }
    if (synthetic) {
      const assets = new Set(opts.markets.flatMap((m) => [m.baseSymbol, m.quoteSymbol]));
      const balances = Object.fromEntries([...assets].map((a) => [a, SYSTEM_BALANCE]));
      for (const id of [MARKET_MAKER_ID, TAKER_FLOW_ID]) {
        const config = { id, balances, makerFeeBps: "0", takerFeeBps: "0", leverageLimit: "100" };
        this.#core.accounts.set(id, new Account(config, true));
      }
      for (const state of this.#core.markets.values()) requote(this.#core, state, levels);
    }
  }

  // ---- orders -------------------------------------------------------------------------------

  executeOrder(accountId: string, req: SimOrderRequest, now: number): SimOrder {
    const core = this.#core;
    this.#clock(now);
    const account = core.account(accountId);
    const state = core.state(req.symbol);
    const valid = validateOrder(state.market, req, state.price.mark);
    if (valid.clientId !== null && account.clientIds.has(valid.clientId)) {
      throw Errors.clientIdExists(valid.clientId);
    }
    const order = newOrder({
      ...valid,
      id: core.nextOrderId(),
      accountId,
      relatedOrderId: null,
      createdAt: core.now,
    });
    try {
      if (order.triggerPrice !== null) placeTrigger(core, order);
      else core.submit(order);
      checkTriggers(core, state);
    } finally {
      core.flush(state);
    }
    return toSimOrder(order);
  }

  executeBatch(
    accountId: string,
    reqs: ReadonlyArray<SimOrderRequest>,
    now: number,
  ): Array<SimOrder | SimError> {
    return reqs.map((req) => {
      try {
        return this.executeOrder(accountId, req, now);
      } catch (error) {
        if (error instanceof SimError) return error;
        throw error;
      }
    });
  }

  #find(accountId: string, sel: SimOrderSelector): EngineOrder {
    const account = this.#core.account(accountId);
    this.#core.state(sel.symbol);
    if (sel.orderId === undefined && sel.clientId === undefined) throw Errors.needId();
    const id = sel.orderId ?? account.clientIds.get(sel.clientId!);
    const order = id === undefined ? undefined : account.openOrders.get(id);
    if (
      order === undefined || order.symbol !== sel.symbol ||
      (sel.clientId !== undefined && order.clientId !== sel.clientId)
    ) {
      throw Errors.notFound();
    }
    return order;
  }

  cancelOrder(accountId: string, sel: SimOrderSelector, now: number): SimOrder {
    this.#clock(now);
    const order = this.#find(accountId, sel);
    this.#core.cancel(order);
    this.#core.flush(this.#core.state(order.symbol));
    return toSimOrder(order);
  }

  cancelAll(
    accountId: string,
    req: { readonly symbol: string; readonly orderType?: CancelAllOrderType },
    now: number,
  ): SimOrder[] {
    this.#clock(now);
    const state = this.#core.state(req.symbol);
    const orders = this.#open(accountId, req.symbol).filter((order) =>
      req.orderType === undefined ||
      (req.orderType === "ConditionalOrder") === (order.status === "TriggerPending")
    );
    for (const order of orders) this.#core.cancel(order);
    this.#core.flush(state);
    return orders.map(toSimOrder);
  }

  getOpenOrder(accountId: string, sel: SimOrderSelector): SimOrder {
    return toSimOrder(this.#find(accountId, sel));
  }

  #open(accountId: string, symbol?: string): EngineOrder[] {
    return [...this.#core.account(accountId).openOrders.values()].filter((order) =>
      symbol === undefined || order.symbol === symbol
    );
  }

  openOrders(accountId: string, symbol?: string): SimOrder[] {
    return this.#open(accountId, symbol).map(toSimOrder);
  }

  // ---- market data --------------------------------------------------------------------------

  markets(): SimMarketConfig[] {
    return [...this.#configs];
  }

  depth(symbol: string, limit = 1000): SimDepth {
    return depthOf(this.#core, symbol, limit);
  }

  trueBook(symbol: string): SimTrueBook {
    return trueBookOf(this.#core, symbol);
  }

  trades(symbol: string, limit = 100): SimTrade[] {
    return this.#core.state(symbol).trades.slice(-limit);
  }

  ticker(symbol: string): SimTicker {
    return tickerOf(this.#core, symbol);
  }

  markPrices(): SimMarkPrice[] {
    return markPricesOf(this.#core);
  }

  openInterest(symbol?: string): SimOpenInterest[] {
    return openInterestOf(this.#core, symbol);
  }

  fundingRates(symbol: string, filter: { limit?: number; offset?: number } = {}): SimFundingRate[] {
    return page(this.#core.state(symbol).fundingRates, filter, (r) => r.intervalEndTimestamp);
  }

  klines(symbol: string, interval: string, startMs: number, endMs: number): SimKline[] {
    return klinesOf(this.#core, symbol, interval, startMs, endMs);
  }

  // ---- account ------------------------------------------------------------------------------

  balances(accountId: string): Record<string, SimBalance> {
    return this.#core.account(accountId).balanceView();
  }

  collateral(accountId: string): SimCollateral {
    return collateralView(this.#core.account(accountId), this.#core);
  }

  positions(accountId: string, symbol?: string): SimPosition[] {
    return positionViews(this.#core.account(accountId), this.#core, symbol);
  }

  account(accountId: string): SimAccountSettings {
    return accountSettings(this.#core.account(accountId));
  }

  updateAccount(accountId: string, patch: SimAccountPatch): void {
    updateAccountSettings(this.#core.account(accountId), patch);
  }

  fills(accountId: string, filter: SimHistoryFilter = {}): SimFill[] {
    return page(this.#core.account(accountId).fills, filter, (f) => f.timestamp, (f) => f.orderId);
  }

  orderHistory(accountId: string, filter: SimHistoryFilter = {}): SimOrder[] {
    return page(
      this.#core.account(accountId).orderHistory,
      filter,
      (o) => o.createdAt,
      (o) => o.id,
    );
  }

  fundingHistory(accountId: string, filter: SimHistoryFilter = {}): SimFundingPayment[] {
    return page(
      this.#core.account(accountId).funding,
      filter,
      (f) => f.intervalEndTimestamp,
    );
  }

  transfer(accountId: string, asset: string, amount: string, now: number): void {
    this.#clock(now);
    const account = this.#core.account(accountId);
    const delta = d(amount);
    if (delta.isNegative() && account.balance(asset).available.plus(delta).isNegative()) {
      throw Errors.insufficientFunds();
    }
    account.credit(asset, delta);
  }

  assetPrice(asset: string): string {
    return str(this.#core.assetPrice(asset));
  }

  settlementHistory(
    accountId: string,
    filter: SimHistoryFilter & { readonly source?: SettlementSource } = {},
  ): SimSettlement[] {
    const rows = this.#core.account(accountId).settlements.filter((row) =>
      filter.source === undefined || row.source === filter.source
    );
    return page<SimSettlement & { readonly symbol?: undefined }>(rows, filter, (r) => r.timestamp);
  }

  positionHistory(
    accountId: string,
    filter: SimHistoryFilter & { readonly state?: "Open" | "Closed" } = {},
  ): SimPositionRecord[] {
    const account = this.#core.account(accountId);
    const open = [...account.positions.values()].map((p) => openRecord(this.#core, account, p));
    const rows = [...account.closedPositions, ...open]
      .filter((row) => filter.state === undefined || row.state === filter.state)
      .sort((a, b) => a.openedAt - b.openedAt);
    return page(rows, filter, (row) => row.openedAt);
  }

  subscribe(listener: SimListener): () => void {
    return this.#core.subscribe(listener);
  }

  // ---- time ---------------------------------------------------------------------------------

  #clock(now: number): void {
    if (now > this.#core.now) this.#core.now = now;
  }

  advance(now: number): void {
    this.#clock(now);
    for (const state of this.#core.markets.values()) {
      stepMarket(this.#core, state, this.#random, this.#liquidity);
    }
    liquidateUnderwater(this.#core);
  }
}
