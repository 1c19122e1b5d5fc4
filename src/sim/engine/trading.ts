/**
 * The trading core: order submission (reserve funds/margin, match, rest or expire), trades,
 * cancellation and order lifecycle events. It owns all mutable market and account state;
 * settlement of fills is in `settlement.ts`, trigger orders and TP/SL children in `triggers.ts`,
 * liquidations in `liquidation.ts`; `exchange.ts` is the facade.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import type { Account } from "./accounts.ts";
import { Errors } from "./errors.ts";
import type { Market } from "./markets.ts";
import { crosses, match, type MatchHost, walk } from "./matching.ts";
import { d, floorTo, min, str, ZERO } from "./num.ts";
import { OrderBook } from "./order_book.ts";
import { type EngineOrder, remaining, toSimOrder } from "./orders.ts";
import { PriceProcess } from "./price_process.ts";
import { accountRisk, effectiveImf, type RiskPrices } from "./risk.ts";
import { shrinkReduceOnly } from "./reduce_only.ts";
import { settleFill } from "./settlement.ts";
import { spawnChildren } from "./triggers.ts";
import type { OrderEventKind, SimEvent, SimListener } from "./event_types.ts";
import type { SimFundingRate, SimTrade } from "./market_data_types.ts";
import type { ExpiryReason, SimFillDetail } from "./order_types.ts";

/** Mutable state of one market. */
export interface MarketState {
  readonly market: Market;
  readonly book: OrderBook;
  readonly price: PriceProcess;
  lastPrice: Decimal | null;
  readonly trades: SimTrade[];
  tradeSeq: bigint;
  /** Pending trigger orders in placement order. */
  readonly triggers: EngineOrder[];
  nextFundingTime: number;
  readonly fundingRates: SimFundingRate[];
  lastBookTicker: string;
  /** Accounts whose position here changed since the last flush (reduce-only orders to check). */
  readonly positionsChanged: Set<string>;
}

/** Public trades kept per symbol (for trades, ticker and klines). */
const TRADE_HISTORY = 20_000;

/** State and trading rules of the simulator. */
export class TradingCore implements RiskPrices {
  readonly markets: Map<string, MarketState> = new Map();
  readonly accounts: Map<string, Account> = new Map();
  readonly #listeners: Set<SimListener> = new Set();
  #orderSeq = 1_000_000_000n;
  #positionSeq = 5_000_000n;
  #settlementSeq = 0;
  now: number;

  constructor(markets: ReadonlyArray<Market>, now: number) {
    this.now = now;
    for (const market of markets) {
      this.markets.set(market.symbol, {
        market,
        book: new OrderBook(),
        price: new PriceProcess(market),
        lastPrice: null,
        trades: [],
        tradeSeq: 0n,
        triggers: [],
        nextFundingTime: (Math.floor(now / market.fundingIntervalMs) + 1) *
          market.fundingIntervalMs,
        fundingRates: [],
        lastBookTicker: "",
        positionsChanged: new Set(),
      });
    }
  }

  // ---- lookups and events -------------------------------------------------------------------

  /** The state of `symbol`, or INVALID_MARKET. */
  state(symbol: string): MarketState {
    const state = this.markets.get(symbol);
    if (state === undefined) throw Errors.invalidMarket(symbol);
    return state;
  }

  /** The account `id`, or UNAUTHORIZED. */
  account(id: string): Account {
    const account = this.accounts.get(id);
    if (account === undefined) throw Errors.unknownAccount();
    return account;
  }

  market(symbol: string): Market {
    return this.state(symbol).market;
  }

  mark(symbol: string): Decimal {
    return this.state(symbol).price.mark;
  }

  assetPrice(asset: string): Decimal {
    if (asset === "USDC") return d(1);
    let perp: Decimal | null = null;
    for (const { market, price } of this.markets.values()) {
      if (market.base !== asset || market.quote !== "USDC") continue;
      if (!market.perp) return price.mark;
      perp ??= price.mark;
    }
    return perp ?? ZERO;
  }

  subscribe(listener: SimListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(event: SimEvent): void {
    for (const listener of this.#listeners) listener(event);
  }

  get time(): number {
    return this.now * 1000;
  }

  orderEvent(
    order: EngineOrder,
    event: OrderEventKind,
    fill?: SimFillDetail,
  ): void {
    if (this.account(order.accountId).system) return;
    this.emit({
      type: "orderUpdate",
      accountId: order.accountId,
      event,
      order: toSimOrder(order),
      ...(fill === undefined ? {} : { fill }),
      ...(order.expiryReason === null || event !== "orderExpired"
        ? {}
        : { expiryReason: order.expiryReason }),
      time: this.time,
    });
  }

  /** Shrinks reduce-only orders to changed positions, emits the depth delta and book ticker. */
  flush(state: MarketState): void {
    for (const id of state.positionsChanged) shrinkReduceOnly(this, this.account(id), state);
    state.positionsChanged.clear();
    const delta = state.book.flush();
    if (delta === null) return;
    this.emit({
      type: "depth",
      symbol: state.market.symbol,
      firstUpdateId: String(delta.firstUpdateId),
      lastUpdateId: String(delta.lastUpdateId),
      bids: delta.bids,
      asks: delta.asks,
      time: this.time,
    });
    const bid = state.book.bids.best();
    const ask = state.book.asks.best();
    const key = `${bid?.key}/${bid?.total}/${ask?.key}/${ask?.total}`;
    if (key === state.lastBookTicker) return;
    state.lastBookTicker = key;
    this.emit({
      type: "bookTicker",
      symbol: state.market.symbol,
      bidPrice: bid === undefined ? null : bid.key,
      bidQuantity: bid === undefined ? null : str(bid.total),
      askPrice: ask === undefined ? null : ask.key,
      askQuantity: ask === undefined ? null : str(ask.total),
      updateId: String(delta.lastUpdateId),
      time: this.time,
    });
  }

  // ---- order lifecycle ----------------------------------------------------------------------

  /** The next settlement-ledger sequence number. */
  nextSettlementSequence(): number {
    return ++this.#settlementSeq;
  }

  /** A new position id. */
  nextPositionId(): string {
    this.#positionSeq += 1n;
    return String(this.#positionSeq);
  }

  /** A new order id. */
  nextOrderId(): string {
    this.#orderSeq += 1n;
    return String(this.#orderSeq);
  }

  /** Registers an open order (resting or trigger-pending) with its account. */
  open(order: EngineOrder): void {
    const account = this.account(order.accountId);
    account.openOrders.set(order.id, order);
    if (order.clientId !== null) account.clientIds.set(order.clientId, order.id);
  }

  /** Ends an order: releases its lock, archives it, emits `event`, spawns TP/SL children. */
  finalize(order: EngineOrder, event: OrderEventKind | null): void {
    const account = this.account(order.accountId);
    account.unlock(order, order.lock);
    account.openOrders.delete(order.id);
    if (order.clientId !== null && account.clientIds.get(order.clientId) === order.id) {
      account.clientIds.delete(order.clientId);
    }
    if (!account.system) account.orderHistory.push(toSimOrder(order));
    if (event !== null) this.orderEvent(order, event);
    if (order.executedQuantity.gt(0)) spawnChildren(this, order);
  }

  /** Expires an order that is not (or no longer) on the book. */
  expire(order: EngineOrder, reason: ExpiryReason): void {
    order.status = "Expired";
    order.expiryReason = reason;
    this.finalize(order, "orderExpired");
  }

  /** Cancels an open order (resting or trigger-pending). */
  cancel(order: EngineOrder): void {
    const state = this.state(order.symbol);
    if (order.status === "TriggerPending") {
      state.triggers.splice(state.triggers.indexOf(order), 1);
    } else {
      state.book.remove(order, remaining(order)!);
    }
    order.status = "Cancelled";
    this.finalize(order, "orderCancelled");
  }

  /**
   * Submits a live (non-trigger) order: post-only, reduce-only and FOK checks, funds/margin
   * reservation (throws INSUFFICIENT_*), matching, then rest (GTC limit) or expiry.
   */
  submit(order: EngineOrder): void {
    const state = this.state(order.symbol);
    const { market, book } = state;
    const account = this.account(order.accountId);
    const best = book.opposite(order.side).best();
    if (order.postOnly && best !== undefined && crosses(order.side, order.price, best.price)) {
      throw Errors.postOnlyTaker();
    }
    const estimate = walk(
      book,
      order.side,
      order.price,
      order.quantity,
      order.quoteQuantity,
      market.stepSize,
      order.accountId,
    );
    this.#reserve(account, order, state, estimate.quantity, estimate.quote);
    this.open(order);
    this.orderEvent(order, "orderAccepted");
    if (order.reduceOnly && this.reducible(order).lte(0)) {
      return this.expire(order, "ReduceOnlyNotReduced");
    }
    if (
      order.timeInForce === "FOK" && order.quantity !== null &&
      estimate.quantity.lt(order.quantity)
    ) {
      return this.expire(order, "FillOrKill");
    }
    const end = match(book, order, this.#host);
    if (order.status === "Filled") return;
    if (end === "selfTrade") return this.expire(order, "SelfTradePrevention");
    if (order.reduceOnly && this.reducible(order).lte(0)) {
      return this.expire(order, "ReduceOnlyNotReduced");
    }
    if (order.orderType === "Market") {
      if (order.quantity === null && order.executedQuantity.gt(0)) {
        order.status = "Filled";
        return this.finalize(order, null);
      }
      return this.expire(order, "InsufficientLiquidity");
    }
    if (order.timeInForce !== "GTC") return this.expire(order, "ImmediateOrCancel");
    book.add(order);
  }

  /** Base quantity a reduce-only order may still fill: the opposite position, else 0. */
  reducible(order: EngineOrder): Decimal {
    const n = this.account(order.accountId).positions.get(order.symbol)?.netQuantity ?? ZERO;
    const opposite = order.side === "Bid" ? n.isNegative() : n.isPositive();
    return opposite ? n.abs() : ZERO;
  }

  #reserve(
    account: Account,
    order: EngineOrder,
    state: MarketState,
    estQuantity: Decimal,
    estQuote: Decimal,
  ): void {
    const { market } = state;
    if (market.perp) {
      const quantity = order.quantity ?? estQuantity;
      if (quantity.isZero()) return;
      const price = order.price ??
        (estQuantity.gt(0) ? estQuote.div(estQuantity) : state.price.mark);
      const n = account.positions.get(market.symbol)?.netQuantity ?? ZERO;
      const reducing = (order.side === "Bid" ? n.isNegative() : n.isPositive())
        ? min(quantity, n.abs())
        : ZERO;
      const opening = quantity.minus(reducing);
      const notional = n.abs().plus(opening).mul(price);
      const need = opening.mul(price).mul(effectiveImf(account, market, notional));
      if (
        !account.system && need.gt(0) && need.gt(accountRisk(account, this).netEquityAvailable)
      ) {
        throw Errors.insufficientMargin();
      }
      account.lockFor(order, market.quote, need, need.div(quantity));
      return;
    }
    let asset = market.base;
    let need = order.quantity ?? estQuantity;
    let perUnit: Decimal | null = d(1);
    if (order.side === "Bid") {
      asset = market.quote;
      const feeRate = account.takerFee.gt(account.makerFee) ? account.takerFee : account.makerFee;
      const withFee = d(1).plus(feeRate.gt(0) ? feeRate : ZERO);
      if (order.price !== null) {
        perUnit = order.price.mul(withFee);
        need = order.quantity!.mul(perUnit);
      } else {
        perUnit = null;
        need = (order.quoteQuantity ?? estQuote).mul(withFee);
      }
    }
    if (!account.system && need.gt(account.balance(asset).available)) {
      throw Errors.insufficientFunds();
    }
    account.lockFor(order, asset, need, perUnit);
  }

  readonly #host: MatchHost = {
    capacity: (taker, price) => {
      let cap = taker.quantity === null
        ? floorTo(
          taker.quoteQuantity!.minus(taker.executedQuoteQuantity).div(price),
          this.market(taker.symbol).stepSize,
        )
        : remaining(taker)!;
      if (taker.reduceOnly) cap = min(cap, this.reducible(taker));
      return cap;
    },
    makerCapacity: (maker) =>
      maker.reduceOnly ? min(remaining(maker)!, this.reducible(maker)) : remaining(maker)!,
    trade: (taker, maker, price, quantity) => this.#trade(taker, maker, price, quantity),
    expireMaker: (maker, reason) => {
      this.state(maker.symbol).book.remove(maker, remaining(maker)!);
      this.expire(maker, reason);
    },
  };

  #trade(taker: EngineOrder, maker: EngineOrder, price: Decimal, quantity: Decimal): void {
    const state = this.state(taker.symbol);
    state.tradeSeq += 1n;
    const tradeId = String(state.tradeSeq);
    settleFill(this, state, maker, true, price, quantity, tradeId);
    state.book.reduce(maker, quantity);
    settleFill(this, state, taker, false, price, quantity, tradeId);
    state.lastPrice = price;
    const buyer = taker.side === "Bid" ? taker : maker;
    const seller = taker.side === "Bid" ? maker : taker;
    const trade: SimTrade = {
      id: tradeId,
      price: str(price),
      quantity: str(quantity),
      quoteQuantity: str(price.mul(quantity)),
      timestamp: this.now,
      isBuyerMaker: maker === buyer,
    };
    state.trades.push(trade);
    if (state.trades.length > TRADE_HISTORY) state.trades.shift();
    this.emit({
      type: "trade",
      symbol: state.market.symbol,
      id: tradeId,
      price: trade.price,
      quantity: trade.quantity,
      buyerOrderId: buyer.id,
      sellerOrderId: seller.id,
      buyerIsMaker: trade.isBuyerMaker,
      time: this.time,
    });
    if (maker.status === "Filled") this.finalize(maker, null);
    if (taker.status === "Filled") this.finalize(taker, null);
  }
}
