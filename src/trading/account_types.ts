/**
 * Account state as the trading connector tracks it: net positions, asset balances and funding
 * payments. Money is `Decimal`.
 *
 * @module
 */
import type { Decimal } from "../decimal.ts";

/** A net (one-way) position. */
export interface PositionState {
  /** Market symbol. */
  readonly symbol: string;
  /** Signed size: > 0 long, < 0 short, 0 flat. */
  readonly netQuantity: Decimal;
  /** Average entry price (0 when flat). */
  readonly entryPrice: Decimal;
  /** Break-even price (after fees and funding), as reported by the exchange. */
  readonly breakEvenPrice: Decimal;
  /** Latest mark price. */
  readonly markPrice: Decimal;
  /** `(mark − entry) × net`. */
  readonly unrealizedPnl: Decimal;
  /** Realized PnL as reported by the exchange. */
  readonly realizedPnl: Decimal;
  /** Estimated liquidation price from REST (`undefined` until known or when flat). */
  readonly liquidationPrice: Decimal | undefined;
  /** Funding paid (−) or received (+) on this symbol, summed over the payments seen. */
  readonly fundingPaid: Decimal;
  /** Last change. */
  readonly updatedAt: Date;
}

/** One asset balance. */
export interface BalanceState {
  /** Asset symbol, e.g. `USDC`. */
  readonly asset: string;
  /** Available quantity. */
  readonly available: Decimal;
  /** Locked in open orders. */
  readonly locked: Decimal;
  /** Staked. */
  readonly staked: Decimal;
}

/** One funding payment (negative: paid). */
export interface FundingPaymentState {
  /** Market symbol. */
  readonly symbol: string;
  /** Amount, quote asset (negative: paid). */
  readonly quantity: Decimal;
  /** Funding rate of the interval. */
  readonly rate: Decimal;
  /** End of the funding interval. */
  readonly intervalEnd: Date;
}
