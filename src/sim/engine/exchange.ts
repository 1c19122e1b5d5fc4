/**
 * The simulator's exchange: the {@link SimExchange} facade over the trading core, plus the
 * seeded `advance` step (price process, synthetic liquidity, triggers, funding).
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import { Account } from "./accounts.ts";
import { Errors } from "./errors.ts";
import { settleFunding } from "./funding.ts";
import { intervalMs, klines, page, ticker } from "./history.ts";
import { parseMarket } from "./markets.ts";
import { d, str, ZERO } from "./num.ts";
import { type EngineOrder, newOrder, remaining, toSimOrder } from "./orders.ts";
import { Random } from "./random.ts";
import { collateralView, positionViews } from "./risk.ts";
import { MARKET_MAKER_ID, quotesAround, TAKER_FLOW_ID, takerFlow } from "./synthetic_liquidity.ts";
import { liquidateUnderwater } from "./liquidation.ts";
import { openRecord } from "./settlement.ts";
import { type MarketState, TradingCore } from "./trading.ts";
import { checkTriggers, placeTrigger } from "./triggers.ts";
import {
  type CancelAllOrderType,
  type SettlementSource,
  type Side,
  type SimAccountPatch,
  type SimAccountSettings,
  type SimBalance,
  type SimCollateral,
  type SimDepth,
  SimError,
  type SimExchange,
  type SimExchangeOptions,
  type SimFill,
  type SimFundingPayment,
  type SimFundingRate,
  type SimHistoryFilter,
  type SimKline,
  type SimListener,
  type SimMarketConfig,
  type SimMarkPrice,
  type SimOpenInterest,
  type SimOrder,
  type SimOrderRequest,
  type SimOrderSelector,
  type SimPosition,
  type SimPositionRecord,
  type SimSettlement,
  type SimTicker,
  type SimTrade,
  type SimTrueBook,
} from "./types.ts";
import { validateOrder } from "./validation.ts";

const SYSTEM_BALANCE = "1000000000000";

/** The local Backpack-compatible exchange. Deterministic for a seed and a sequence of calls. */
export class Exchange implements SimExchange {
  readonly #core: TradingCore;
  readonly #random: Random;
  readonly #configs: SimMarketConfig[];
  readonly #synthetic: boolean;
  readonly #levels: number;

  constructor(opts: SimExchangeOptions) {
    this.#configs = [...opts.markets];
    this.#core = new TradingCore(opts.markets.map(parseMarket), opts.now);
    this.#random = new Random(opts.seed);
    this.#synthetic = opts.syntheticLiquidity ?? true;
    this.#levels = opts.syntheticLevels ?? 10;
    for (const config of opts.accounts) {
      this.#core.accounts.set(config.id, new Account(config));
    }
    if (this.#synthetic) {
      const assets = new Set(opts.markets.flatMap((m) => [m.baseSymbol, m.quoteSymbol]));
      const balances = Object.fromEntries([...assets].map((a) => [a, SYSTEM_BALANCE]));
      for (const id of [MARKET_MAKER_ID, TAKER_FLOW_ID]) {
        const config = { id, balances, makerFeeBps: "0", takerFeeBps: "0", leverageLimit: "100" };
        this.#core.accounts.set(id, new Account(config, true));
      }
      for (const state of this.#core.markets.values()) this.#requote(state);
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
    const { book } = this.#core.state(symbol);
    return {
      bids: book.top("Bid", limit).reverse(),
      asks: book.top("Ask", limit),
      lastUpdateId: String(book.lastUpdateId),
      timestamp: this.#core.time,
    };
  }

  trueBook(symbol: string): SimTrueBook {
    const { book } = this.#core.state(symbol);
    return {
      bids: book.top("Bid", Infinity),
      asks: book.top("Ask", Infinity),
      lastUpdateId: String(book.lastUpdateId),
    };
  }

  trades(symbol: string, limit = 100): SimTrade[] {
    return this.#core.state(symbol).trades.slice(-limit);
  }

  ticker(symbol: string): SimTicker {
    const state = this.#core.state(symbol);
    return ticker(symbol, state.trades, this.#core.now, state.lastPrice ?? state.price.mark);
  }

  markPrices(): SimMarkPrice[] {
    return [...this.#core.markets.values()].map(({ market, price, nextFundingTime }) => ({
      symbol: market.symbol,
      markPrice: str(price.mark),
      indexPrice: str(price.index),
      fundingRate: market.perp ? str(price.fundingRate) : null,
      nextFundingTimestamp: market.perp ? nextFundingTime : null,
    }));
  }

  openInterest(symbol?: string): SimOpenInterest[] {
    const states = symbol === undefined
      ? [...this.#core.markets.values()].filter((s) => s.market.perp)
      : [this.#core.state(symbol)];
    return states.map(({ market }) => {
      let open = ZERO;
      for (const account of this.#core.accounts.values()) {
        const n = account.positions.get(market.symbol)?.netQuantity;
        if (n !== undefined && n.isPositive()) open = open.plus(n);
      }
      return { symbol: market.symbol, openInterest: str(open), timestamp: this.#core.now };
    });
  }

  fundingRates(symbol: string, filter: { limit?: number; offset?: number } = {}): SimFundingRate[] {
    return page(this.#core.state(symbol).fundingRates, filter, (r) => r.intervalEndTimestamp);
  }

  klines(symbol: string, interval: string, startMs: number, endMs: number): SimKline[] {
    const length = intervalMs(interval);
    if (length === undefined) throw Errors.invalidRequest(`Invalid \`interval\`: ${interval}`);
    return klines(this.#core.state(symbol).trades, length, startMs, endMs);
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
    const account = this.#core.account(accountId);
    const maker = str(account.makerFee.mul(10_000));
    const taker = str(account.takerFee.mul(10_000));
    let limitOrders = 0;
    let triggerOrders = 0;
    for (const order of account.openOrders.values()) {
      if (order.status === "TriggerPending") triggerOrders++;
      else limitOrders++;
    }
    return {
      autoBorrowSettlements: account.autoBorrowSettlements,
      autoLend: account.autoLend,
      autoRealizePnl: true,
      autoRepayBorrows: account.autoRepayBorrows,
      borrowLimit: "0",
      positionLimit: "0",
      leverageLimit: str(account.leverageLimit),
      futuresMakerFee: maker,
      futuresTakerFee: taker,
      spotMakerFee: maker,
      spotTakerFee: taker,
      limitOrders,
      triggerOrders,
      liquidating: false,
    };
  }

  updateAccount(accountId: string, patch: SimAccountPatch): void {
    const account = this.#core.account(accountId);
    if (patch.leverageLimit !== undefined) {
      const text = patch.leverageLimit;
      if (!/^\d+(\.\d+)?$/.test(text) || d(text).lt(1) || d(text).gt(100)) {
        throw Errors.invalidRequest(`Invalid \`leverageLimit\`: ${text}`);
      }
      account.leverageLimit = d(text);
    }
    account.autoBorrowSettlements = patch.autoBorrowSettlements ?? account.autoBorrowSettlements;
    account.autoLend = patch.autoLend ?? account.autoLend;
    account.autoRepayBorrows = patch.autoRepayBorrows ?? account.autoRepayBorrows;
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
    const core = this.#core;
    this.#clock(now);
    for (const state of core.markets.values()) {
      const { market, price } = state;
      price.step(this.#random);
      while (market.perp && state.nextFundingTime <= core.now) {
        settleFunding(core, state, state.nextFundingTime);
        state.nextFundingTime += market.fundingIntervalMs;
      }
      if (this.#synthetic) {
        this.#requote(state);
        const flow = takerFlow(market, price.mark, this.#random);
        if (flow !== null) {
          core.submit(this.#systemOrder(state, TAKER_FLOW_ID, flow.side, flow.quantity, null));
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
      core.emit({ type: "ticker", ticker: this.ticker(market.symbol), time: core.time });
      if (market.perp) {
        const [oi] = this.openInterest(market.symbol);
        core.emit({
          type: "openInterest",
          symbol: market.symbol,
          openInterest: oi.openInterest,
          time: core.time,
        });
      }
    }
    liquidateUnderwater(core);
  }

  /** Moves the market maker's quotes to the current mark (only changed levels are touched). */
  #requote(state: MarketState): void {
    const core = this.#core;
    const maker = core.account(MARKET_MAKER_ID);
    const wanted = new Map(
      quotesAround(state.market, state.price.mark, this.#levels).map((q) => [
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
        this.#systemOrder(state, MARKET_MAKER_ID, quote.side, quote.quantity, quote.price),
      );
    }
    core.flush(state);
  }

  /** A GTC limit (market maker) or IOC market (taker flow) order of a synthetic account. */
  #systemOrder(
    state: MarketState,
    accountId: string,
    side: Side,
    quantity: Decimal,
    price: Decimal | null,
  ): EngineOrder {
    return newOrder({
      id: this.#core.nextOrderId(),
      accountId,
      symbol: state.market.symbol,
      side,
      orderType: price === null ? "Market" : "Limit",
      price,
      quantity,
      quoteQuantity: null,
      timeInForce: price === null ? "IOC" : "GTC",
      selfTradePrevention: "RejectMaker",
      postOnly: false,
      reduceOnly: false,
      clientId: null,
      triggerPrice: null,
      triggerQuantity: null,
      triggerBy: null,
      relatedOrderId: null,
      takeProfit: null,
      stopLoss: null,
      createdAt: this.#core.now,
    });
  }
}
