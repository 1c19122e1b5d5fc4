/**
 * Position endpoint (signed): open futures positions.
 *
 * Backpack futures are one-way (netting): one position per symbol whose sign is its direction.
 * There is no hedge mode, no `positionSide`, no position-mode endpoint: an order carrying a
 * hedge-mode key fails with `UnsupportedError` (feature `"hedge mode"`) before anything is sent.
 *
 * @module
 */
import type * as Effect from "effect/Effect";
import type { BackpackError } from "../errors.ts";
import type { MarketType } from "../schema/market.ts";
import { Positions } from "../schema/position.ts";
import type { Position } from "../schema/position.ts";
import { type BackpackHttp, signedCall } from "./http.ts";
import { withMarketFilter } from "./validate.ts";

/** Parameters of {@link getPositions}. */
export interface GetPositionsParams {
  /** Only this market; also makes the server compute `estLiquidationPrice`. */
  readonly symbol?: string;
  /** Only this market type, e.g. `PERP`. */
  readonly marketType?: MarketType;
}

/**
 * Open futures positions (`netQuantity` > 0 long, < 0 short). `GET /api/v1/position`,
 * instruction `positionQuery`.
 *
 * @example
 * ```ts
 * import { getPositions } from "./positions.ts";
 * const solPerp = getPositions({ symbol: "SOL_USDC_PERP" });
 * ```
 */
export const getPositions = (
  params: GetPositionsParams = {},
): Effect.Effect<ReadonlyArray<Position>, BackpackError, BackpackHttp> =>
  withMarketFilter(params, (query) =>
    signedCall({
      method: "GET",
      path: "/api/v1/position",
      instruction: "positionQuery",
      query,
      schema: Positions,
    }));

/** The position endpoints, by name (the Promise facade exposes each as a method). */
export interface PositionEndpoints {
  /** {@link getPositions} */
  readonly getPositions: typeof getPositions;
}

/** The position endpoints, by name. */
export const positionEndpoints: PositionEndpoints = { getPositions };
