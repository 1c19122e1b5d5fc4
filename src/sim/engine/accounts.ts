/**
 * Account state: balances with locking for open orders, fee and leverage settings, positions,
 * open orders and the account's history.
 *
 * @module
 */
import type { Decimal } from "decimal.js";
import { d, str, ZERO } from "./num.ts";
import type { EngineOrder } from "./orders.ts";
import type { Position } from "./positions.ts";
import type { SimBalance } from "./account_types.ts";
import type { SimAccountConfig } from "./config_types.ts";
import type { SimFundingPayment, SimPositionRecord, SimSettlement } from "./history_types.ts";
import type { SimFill, SimOrder } from "./order_types.ts";

/** One asset balance. `locked` is held by open orders. */
export interface Balance {
  available: Decimal;
  locked: Decimal;
  staked: Decimal;
}

/** An account of the simulator. */
export class Account {
  readonly id: string;
  readonly balances: Map<string, Balance> = new Map();
  leverageLimit: Decimal;
  readonly makerFee: Decimal;
  readonly takerFee: Decimal;
  autoBorrowSettlements = false;
  autoLend = false;
  autoRepayBorrows = false;
  readonly positions: Map<string, Position> = new Map();
  /** Open orders (resting and trigger-pending) by id. */
  readonly openOrders: Map<string, EngineOrder> = new Map();
  /** clientId → order id, for open orders. */
  readonly clientIds: Map<number, string> = new Map();
  readonly fills: SimFill[] = [];
  readonly orderHistory: SimOrder[] = [];
  readonly funding: SimFundingPayment[] = [];
  /** Settlement ledger (realized PnL, funding, fees). */
  readonly settlements: SimSettlement[] = [];
  /** Records of closed positions. */
  readonly closedPositions: SimPositionRecord[] = [];

  /** @param system synthetic-liquidity accounts: never rejected for funds or margin. */
  constructor(config: SimAccountConfig, readonly system: boolean = false) {
    this.id = config.id;
    this.leverageLimit = d(config.leverageLimit ?? "10");
    this.makerFee = d(config.makerFeeBps ?? "2").div(10_000);
    this.takerFee = d(config.takerFeeBps ?? "5").div(10_000);
    for (const [asset, amount] of Object.entries(config.balances)) {
      this.balance(asset).available = d(amount);
    }
  }

  /** The balance of `asset` (created empty on first use). */
  balance(asset: string): Balance {
    let balance = this.balances.get(asset);
    if (balance === undefined) {
      balance = { available: ZERO, locked: ZERO, staked: ZERO };
      this.balances.set(asset, balance);
    }
    return balance;
  }

  /** Adds `amount` (may be negative) to the available balance. */
  credit(asset: string, amount: Decimal): void {
    const balance = this.balance(asset);
    balance.available = balance.available.plus(amount);
  }

  /** Moves `amount` from available to locked for `order`. */
  lockFor(order: EngineOrder, asset: string, amount: Decimal, perUnit: Decimal | null): void {
    const balance = this.balance(asset);
    balance.available = balance.available.minus(amount);
    balance.locked = balance.locked.plus(amount);
    order.lock = amount;
    order.lockAsset = asset;
    order.lockPerUnit = perUnit;
  }

  /** Releases up to `amount` of the order's lock back to available. */
  unlock(order: EngineOrder, amount: Decimal): void {
    if (order.lockAsset === null || order.lock.isZero()) return;
    const released = amount.gt(order.lock) ? order.lock : amount;
    const balance = this.balance(order.lockAsset);
    balance.locked = balance.locked.minus(released);
    balance.available = balance.available.plus(released);
    order.lock = order.lock.minus(released);
  }

  /** Total (available + locked + staked) of `asset`. */
  total(asset: string): Decimal {
    const b = this.balances.get(asset);
    return b === undefined ? ZERO : b.available.plus(b.locked).plus(b.staked);
  }

  /** `GET /api/v1/capital` view (assets with a non-zero total). */
  balanceView(): Record<string, SimBalance> {
    const out: Record<string, SimBalance> = {};
    for (const [asset, b] of [...this.balances].sort(([a], [b]) => a.localeCompare(b))) {
      if (b.available.isZero() && b.locked.isZero() && b.staked.isZero()) continue;
      out[asset] = { available: str(b.available), locked: str(b.locked), staked: str(b.staked) };
    }
    return out;
  }
}
