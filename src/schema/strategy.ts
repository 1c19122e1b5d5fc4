/**
 * Strategy models: Backpack's scheduled (TWAP-like) strategies. Live strategies carry `createdAt`
 * in Unix ms; history rows carry naive UTC, decoded to `Date`. `duration`/`interval` are ms.
 *
 * @module
 */
import * as Schema from "effect/Schema";
import type { Decimal } from "../decimal.ts";
import { IdString, NaiveUtcDate, NumberOrString } from "./common.ts";
import type { Open, Side } from "./history.ts";
import { OptionalBoolean, OptionalDecimal, OptionalNumber, OptionalString } from "./optional.ts";

/** Strategy statuses. */
export type StrategyStatus = Open<"Running" | "Completed" | "Cancelled" | "Terminated">;

/** Fields common to live strategies and history rows. */
export interface StrategyBase {
  /** Strategy id. */
  readonly id: string;
  /** Your id (uint32). */
  readonly clientStrategyId?: number | null | undefined;
  /** `Scheduled`. */
  readonly strategyType: Open<"Scheduled">;
  /** Symbol. */
  readonly symbol: string;
  /** Side. */
  readonly side: Side;
  /** Status. */
  readonly status: StrategyStatus;
  /** Time in force of the child orders. */
  readonly timeInForce: string;
  /** Self-trade prevention. */
  readonly selfTradePrevention: string;
  /** Total duration, ms. */
  readonly duration: number;
  /** Interval between child orders, ms. */
  readonly interval: number;
  /** Whether child sizes are randomized. */
  readonly randomizedIntervalQuantity?: boolean | null | undefined;
  /** Slippage tolerance. */
  readonly slippageTolerance?: Decimal | null | undefined;
  /** `TickSize` or `Percent`. */
  readonly slippageToleranceType?: string | null | undefined;
}

/** A live strategy (`POST`/`GET`/`DELETE /api/v1/strategy`, `GET`/`DELETE /api/v1/strategies`). */
export interface Strategy extends StrategyBase {
  /** Creation time, Unix ms. */
  readonly createdAt: number;
  /** Target quantity. */
  readonly quantity?: Decimal | null | undefined;
  /** Quantity executed so far. */
  readonly executedQuantity?: Decimal | null | undefined;
  /** Quote quantity executed so far. */
  readonly executedQuoteQuantity?: Decimal | null | undefined;
  /** Reduce-only. */
  readonly reduceOnly?: boolean | null | undefined;
}

const baseFields = {
  id: IdString,
  clientStrategyId: OptionalNumber,
  strategyType: Schema.String,
  symbol: Schema.String,
  side: Schema.String,
  status: Schema.String,
  timeInForce: Schema.String,
  selfTradePrevention: Schema.String,
  duration: NumberOrString,
  interval: NumberOrString,
  randomizedIntervalQuantity: OptionalBoolean,
  slippageTolerance: OptionalDecimal,
  slippageToleranceType: OptionalString,
  quantity: OptionalDecimal,
  executedQuantity: OptionalDecimal,
  executedQuoteQuantity: OptionalDecimal,
};

/** Schema of {@link Strategy}. */
export const Strategy: Schema.Decoder<Strategy> = Schema.Struct({
  ...baseFields,
  createdAt: NumberOrString,
  reduceOnly: OptionalBoolean,
});

/** A past or present strategy (`GET /wapi/v1/history/strategies`). */
export interface StrategyHistoryEntry extends StrategyBase {
  /** Creation (UTC). */
  readonly createdAt: Date;
  /** Target quantity. */
  readonly quantity?: Decimal | null | undefined;
  /** Quantity executed. */
  readonly executedQuantity?: Decimal | null | undefined;
  /** Quote quantity executed. */
  readonly executedQuoteQuantity?: Decimal | null | undefined;
  /** Why it was cancelled. */
  readonly cancelReason?: string | null | undefined;
}

/** Schema of {@link StrategyHistoryEntry}. */
export const StrategyHistoryEntry: Schema.Decoder<StrategyHistoryEntry> = Schema.Struct({
  ...baseFields,
  createdAt: NaiveUtcDate,
  cancelReason: OptionalString,
});
