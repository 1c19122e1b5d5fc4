/**
 * Fee types of the trading connector: the configured override, the maker/taker rates and schedule
 * it estimates with, and the parameters of `estimateFee`. Fees are basis points, as `Decimal`.
 *
 * @module
 */
import type { Decimal, DecimalInput } from "../decimal.ts";
import type { OrderSide } from "../schema/order.ts";

/** Fee override, in basis points (maker may be negative: a rebate). */
export interface FeeOverride {
  /** Maker fee, bps. */
  readonly makerBps?: DecimalInput;
  /** Taker fee, bps. */
  readonly takerBps?: DecimalInput;
}

/** Maker and taker fees of one market type, in basis points. */
export interface FeeRates {
  /** Maker fee, bps (may be negative). */
  readonly makerBps: Decimal;
  /** Taker fee, bps. */
  readonly takerBps: Decimal;
}

/** The fees the connector estimates with. */
export interface FeeSchedule {
  /** Perpetual futures markets. */
  readonly futures: FeeRates;
  /** Spot markets. */
  readonly spot: FeeRates;
  /** `default` (2 / 5 bps until the account is read), `account`, or `override` (config). */
  readonly source: "default" | "account" | "override";
}

/** Parameters of `estimateFee`. */
export interface EstimateFeeParams {
  /** Market symbol (its type picks futures or spot fees). */
  readonly symbol: string;
  /** Side (kept for symmetry; fees do not depend on it). */
  readonly side: OrderSide;
  /** Price. */
  readonly price: DecimalInput;
  /** Base quantity. */
  readonly quantity: DecimalInput;
  /** Maker (true) or taker. */
  readonly maker: boolean;
}
