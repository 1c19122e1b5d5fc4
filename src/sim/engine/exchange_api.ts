/**
 * The engine API of the exchange simulator (`src/sim/engine`), which the server codes against. The
 * engine is pure: no I/O, no timers, time comes in as `now` (Unix ms) and randomness from a seeded
 * PRNG.
 *
 * Serialization convention: everything the engine returns or emits is plain data that is
 * already JSON-safe. Decimals are decimal STRINGS (`Decimal#toFixed()`, never exponent form),
 * ids (order, trade, position, update ids) are decimal strings, `clientId` is a number (uint32)
 * on orders and a string on fills (as Backpack does), times are Unix **ms** numbers except where
 * a field says µs. Field names follow the Backpack REST objects, so the server mostly passes
 * them through; it only renames for WebSocket payloads and formats naive datetimes.
 *
 * @module
 */
import type {
  SimAccountPatch,
  SimAccountSettings,
  SimBalance,
  SimCollateral,
  SimPosition,
} from "./account_types.ts";
import type { SimMarketConfig } from "./config_types.ts";
import type { SimListener } from "./event_types.ts";
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
import type { SimError } from "./sim_error.ts";

/**
 * The engine API the server codes against. Every mutating method either returns or throws a
 * {@link SimError}; events are delivered to subscribers before the method returns.
 */
export interface SimExchange {
  /** Place an order (`POST /api/v1/order`). Post-only crossing throws INVALID_ORDER. */
  executeOrder(accountId: string, req: SimOrderRequest, now: number): SimOrder;
  /** Batch (`POST /api/v1/orders`): one result per request, in order. */
  executeBatch(
    accountId: string,
    reqs: ReadonlyArray<SimOrderRequest>,
    now: number,
  ): Array<SimOrder | SimError>;
  /** Cancels an open order (`DELETE /api/v1/order`); 404 RESOURCE_NOT_FOUND when not open. */
  cancelOrder(accountId: string, sel: SimOrderSelector, now: number): SimOrder;
  /** Cancels the open orders of a market, optionally only resting or only conditional ones. */
  cancelAll(
    accountId: string,
    req: { readonly symbol: string; readonly orderType?: CancelAllOrderType },
    now: number,
  ): SimOrder[];
  /** 404 RESOURCE_NOT_FOUND when the order is not open. */
  getOpenOrder(accountId: string, sel: SimOrderSelector): SimOrder;
  /** Open orders (resting and trigger-pending) of the account, optionally of one market. */
  openOrders(accountId: string, symbol?: string): SimOrder[];
  /** The market configurations. */
  markets(): SimMarketConfig[];
  /** Order-book snapshot as `GET /api/v1/depth` returns it (bids ascending). */
  depth(symbol: string, limit?: number): SimDepth;
  /** Every level of the book, best first, with its last update id (for sync tests). */
  trueBook(symbol: string): SimTrueBook;
  /** Balances by asset (`GET /api/v1/capital`). */
  balances(accountId: string): Record<string, SimBalance>;
  /** The cross-margin collateral summary (`GET /api/v1/capital/collateral`). */
  collateral(accountId: string): SimCollateral;
  /** Open perp positions of the account, optionally of one market. */
  positions(accountId: string, symbol?: string): SimPosition[];
  /** Account settings and open order counts (`GET /api/v1/account`). */
  account(accountId: string): SimAccountSettings;
  /** Applies `PATCH /api/v1/account` settings; bad `leverageLimit` throws. */
  updateAccount(accountId: string, patch: SimAccountPatch): void;
  /** Fill history of the account, newest first unless `Asc`. */
  fills(accountId: string, filter?: SimHistoryFilter): SimFill[];
  /** Finished orders of the account, newest first unless `Asc`. */
  orderHistory(accountId: string, filter?: SimHistoryFilter): SimOrder[];
  /** Funding payments of the account, newest first unless `Asc`. */
  fundingHistory(accountId: string, filter?: SimHistoryFilter): SimFundingPayment[];
  /** Settlement ledger rows (realized PnL, funding, fees), newest first unless `Asc`. */
  settlementHistory(
    accountId: string,
    filter?: SimHistoryFilter & { readonly source?: SettlementSource },
  ): SimSettlement[];
  /** Open positions and closed position records, newest first unless `Asc`. */
  positionHistory(
    accountId: string,
    filter?: SimHistoryFilter & { readonly state?: "Open" | "Closed" },
  ): SimPositionRecord[];
  /** Latest public trades of a market, oldest first. */
  trades(symbol: string, limit?: number): SimTrade[];
  /** 24 h rolling ticker of a market. */
  ticker(symbol: string): SimTicker;
  /** Mark, index and funding of every market. */
  markPrices(): SimMarkPrice[];
  /** Open interest of one or every perp market. */
  openInterest(symbol?: string): SimOpenInterest[];
  /** Historical funding rates of a market, newest first. */
  fundingRates(symbol: string, filter?: { limit?: number; offset?: number }): SimFundingRate[];
  /** Candles from `startMs` to `endMs` for `interval` (`1m`, `1h`, ...), priced from trades. */
  klines(symbol: string, interval: string, startMs: number, endMs: number): SimKline[];
  /**
   * Adds `amount` (a signed decimal string) to the available balance of `asset` (deposits,
   * withdrawals, borrow/lend, RFQ and vault settlement of the server's state machines). A debit
   * larger than the available balance throws INSUFFICIENT_FUNDS.
   */
  transfer(accountId: string, asset: string, amount: string, now: number): void;
  /** USDC value of one unit of `asset` (spot mark, else perp mark; USDC = 1; unknown = 0). */
  assetPrice(asset: string): string;
  /** Move simulated time forward to `now`. */
  advance(now: number): void;
  /** Registers an event listener; returns the unsubscribe function. */
  subscribe(listener: SimListener): () => void;
}
