/**
 * Strategy endpoints (signed): Backpack's scheduled (TWAP-like) strategies — create, query,
 * cancel, list, cancel all, history. `duration` and `interval` are milliseconds.
 *
 * @module
 */
import type * as Effect from "effect/Effect";
import * as Schema from "effect/Schema";
import type { DecimalInput } from "../decimal.ts";
import type { BackpackError } from "../errors.ts";
import type { MarketType } from "../schema/market.ts";
import { Strategy, StrategyHistoryEntry } from "../schema/strategy.ts";
import { type BackpackHttp, signedCall } from "./http.ts";
import { pagedCall } from "./paginate.ts";
import type { AutoFlags } from "./rfq.ts";
import {
  atMostOne,
  decimalInput,
  fieldsOf,
  guarded,
  type HistoryParams,
  integerIn,
  oneOf,
  optionalText,
  requiredText,
  uint16,
  uint32,
} from "./validate.ts";

/** Parameters of {@link createStrategy}. */
export interface CreateStrategyParams extends AutoFlags {
  /** Market symbol. */
  readonly symbol: string;
  /** Side. */
  readonly side: "Bid" | "Ask";
  /** `Scheduled` (the only documented type). */
  readonly strategyType: "Scheduled";
  /** Total quantity. */
  readonly quantity?: DecimalInput;
  /** Limit price of the child orders. */
  readonly price?: DecimalInput;
  /** Total duration, ms. */
  readonly duration?: number;
  /** Interval between child orders, ms. */
  readonly interval?: number;
  /** Randomize child sizes. */
  readonly randomizedIntervalQuantity?: boolean;
  /** Post-only child orders. */
  readonly postOnly?: boolean;
  /** Reduce-only child orders. */
  readonly reduceOnly?: boolean;
  /** Time in force of the child orders. */
  readonly timeInForce?: "GTC" | "IOC" | "FOK";
  /** Self-trade prevention. */
  readonly selfTradePrevention?: "RejectTaker" | "RejectMaker" | "RejectBoth";
  /** Your id (uint32). */
  readonly clientStrategyId?: number;
  /** Slippage tolerance. */
  readonly slippageTolerance?: DecimalInput;
  /** `TickSize` or `Percent`. */
  readonly slippageToleranceType?: "TickSize" | "Percent";
  /** Broker id (uint16), signed as a body field; the configured `X-Broker-Id` header is also sent. */
  readonly brokerId?: number;
}

const MS = Number.MAX_SAFE_INTEGER;

/**
 * Starts a strategy. `POST /api/v1/strategy`, instruction `strategyCreate` (sends `X-Broker-Id`
 * when configured). A 202/5xx/timeout becomes `OrderOutcomeUnknownError`: look it up by
 * `clientStrategyId` before retrying.
 */
export const createStrategy = (
  params: CreateStrategyParams,
): Effect.Effect<Strategy, BackpackError, BackpackHttp> =>
  guarded(() => [
    requiredText("symbol", params.symbol),
    params.side === undefined
      ? requiredText("side", params.side)
      : oneOf("side", params.side, ["Bid", "Ask"]),
    requiredText("strategyType", params.strategyType),
    decimalInput("quantity", params.quantity, { positive: true }),
    decimalInput("price", params.price, { positive: true }),
    decimalInput("slippageTolerance", params.slippageTolerance),
    integerIn("duration", params.duration, 1, MS),
    integerIn("interval", params.interval, 1, MS),
    uint32("clientStrategyId", params.clientStrategyId),
    uint16("brokerId", params.brokerId),
  ], () =>
    signedCall({
      method: "POST",
      path: "/api/v1/strategy",
      body: fieldsOf(params),
      instruction: "strategyCreate",
      schema: Strategy,
      brokerHeader: true,
      clientId: params.clientStrategyId,
    }));

/** Parameters of {@link getStrategy} and {@link cancelStrategy}: one of the two ids. */
export interface StrategyRef {
  /** Market symbol. */
  readonly symbol: string;
  /** Strategy id. */
  readonly strategyId?: string;
  /** Your id (uint32). */
  readonly clientStrategyId?: number;
}

const refProblems = (params: StrategyRef) => [
  requiredText("symbol", params.symbol),
  optionalText("strategyId", params.strategyId),
  uint32("clientStrategyId", params.clientStrategyId),
  atMostOne({ strategyId: params.strategyId, clientStrategyId: params.clientStrategyId }),
];

/** One running strategy. `GET /api/v1/strategy`, instruction `strategyQuery`. */
export const getStrategy = (
  params: StrategyRef,
): Effect.Effect<Strategy, BackpackError, BackpackHttp> =>
  guarded(() => refProblems(params), () =>
    signedCall({
      method: "GET",
      path: "/api/v1/strategy",
      query: fieldsOf(params),
      instruction: "strategyQuery",
      schema: Strategy,
    }));

/** Cancels a strategy. `DELETE /api/v1/strategy`, instruction `strategyCancel`. */
export const cancelStrategy = (
  params: StrategyRef,
): Effect.Effect<Strategy, BackpackError, BackpackHttp> =>
  guarded(() => refProblems(params), () =>
    signedCall({
      method: "DELETE",
      path: "/api/v1/strategy",
      body: fieldsOf(params),
      instruction: "strategyCancel",
      schema: Strategy,
      clientId: params.clientStrategyId,
    }));

/** Parameters of {@link getOpenStrategies}. */
export interface GetOpenStrategiesParams {
  /** Market symbol. */
  readonly symbol?: string;
  /** Market type. */
  readonly marketType?: MarketType;
  /** Strategy type. */
  readonly strategyType?: "Scheduled";
}

/** Your running strategies. `GET /api/v1/strategies`, instruction `strategyQueryAll`. */
export const getOpenStrategies = (
  params: GetOpenStrategiesParams = {},
): Effect.Effect<ReadonlyArray<Strategy>, BackpackError, BackpackHttp> =>
  guarded(() => [optionalText("symbol", params.symbol)], () =>
    signedCall({
      method: "GET",
      path: "/api/v1/strategies",
      query: fieldsOf(params),
      instruction: "strategyQueryAll",
      schema: Schema.Array(Strategy),
    }));

/** Parameters of {@link cancelStrategies}. */
export interface CancelStrategiesParams {
  /** Market symbol (required: there is no global cancel-all). */
  readonly symbol: string;
  /** Strategy type. */
  readonly strategyType?: "Scheduled";
}

/**
 * Cancels every strategy on a symbol. `DELETE /api/v1/strategies`, instruction
 * `strategyCancelAll`.
 */
export const cancelStrategies = (
  params: CancelStrategiesParams,
): Effect.Effect<ReadonlyArray<Strategy>, BackpackError, BackpackHttp> =>
  guarded(() => [requiredText("symbol", params.symbol)], () =>
    signedCall({
      method: "DELETE",
      path: "/api/v1/strategies",
      body: fieldsOf(params),
      instruction: "strategyCancelAll",
      schema: Schema.Array(Strategy),
    }));

/** Parameters of {@link getStrategyHistory}. */
export interface GetStrategyHistoryParams extends HistoryParams {
  /** One strategy. */
  readonly strategyId?: string;
  /** Market symbol. */
  readonly symbol?: string;
  /** One market type. */
  readonly marketType?: MarketType;
}

/**
 * Past and present strategies. `GET /wapi/v1/history/strategies`, instruction
 * `strategyHistoryQueryAll`.
 */
export const getStrategyHistory = (
  params: GetStrategyHistoryParams = {},
): Effect.Effect<ReadonlyArray<StrategyHistoryEntry>, BackpackError, BackpackHttp> =>
  pagedCall(
    {
      path: "/wapi/v1/history/strategies",
      instruction: "strategyHistoryQueryAll",
      row: StrategyHistoryEntry,
    },
    params,
    () => [optionalText("strategyId", params.strategyId), optionalText("symbol", params.symbol)],
  );

/** The strategy endpoints, by name (the Promise facade exposes each as a method). */
export interface StrategyEndpoints {
  /** {@link createStrategy} */
  readonly createStrategy: typeof createStrategy;
  /** {@link getStrategy} */
  readonly getStrategy: typeof getStrategy;
  /** {@link cancelStrategy} */
  readonly cancelStrategy: typeof cancelStrategy;
  /** {@link getOpenStrategies} */
  readonly getOpenStrategies: typeof getOpenStrategies;
  /** {@link cancelStrategies} */
  readonly cancelStrategies: typeof cancelStrategies;
  /** {@link getStrategyHistory} */
  readonly getStrategyHistory: typeof getStrategyHistory;
}

/** The strategy endpoints, by name. */
export const strategyEndpoints: StrategyEndpoints = {
  createStrategy,
  getStrategy,
  cancelStrategy,
  getOpenStrategies,
  cancelStrategies,
  getStrategyHistory,
};
