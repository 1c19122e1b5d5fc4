/**
 * Capital endpoints (signed).
 *
 * @module
 */
import type * as Effect from "effect/Effect";
import type { BackpackError } from "../errors.ts";
import { Balances } from "../schema/capital.ts";
import { type BackpackHttp, signedCall } from "./http.ts";

/**
 * Spot balances per asset (`available`, `locked`, `staked`). `GET /api/v1/capital`, instruction
 * `balanceQuery` (signed).
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect";
 * import { getBalances } from "./capital.ts";
 * const usdc = Effect.map(getBalances(), (b) => b.USDC?.available.toFixed());
 * ```
 */
export const getBalances = (): Effect.Effect<Balances, BackpackError, BackpackHttp> =>
  signedCall({
    method: "GET",
    path: "/api/v1/capital",
    instruction: "balanceQuery",
    schema: Balances,
  });

/** The capital endpoints, by name (the Promise facade exposes each as a method). */
export interface CapitalEndpoints {
  /** {@link getBalances} */
  readonly getBalances: typeof getBalances;
}

/** The capital endpoints, by name. */
export const capitalEndpoints: CapitalEndpoints = { getBalances };
