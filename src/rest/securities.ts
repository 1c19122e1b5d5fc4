/**
 * Tokenized securities (public): `GET /api/v1/market-sessions` and `GET /api/v1/securities`.
 *
 * @module
 */
import type * as Effect from "effect/Effect";
import type { BackpackError } from "../errors.ts";
import {
  type MarketSession,
  MarketSessions,
  Securities,
  type Security,
} from "../schema/security.ts";
import { type BackpackHttp, publicCall } from "./http.ts";

/** Weekly trading sessions of tokenized securities. `GET /api/v1/market-sessions` (public). */
export const getMarketSessions = (): Effect.Effect<
  ReadonlyArray<MarketSession>,
  BackpackError,
  BackpackHttp
> => publicCall({ method: "GET", path: "/api/v1/market-sessions", schema: MarketSessions });

/** Tokenized securities and their sessions. `GET /api/v1/securities` (public). */
export const getSecurities = (): Effect.Effect<
  ReadonlyArray<Security>,
  BackpackError,
  BackpackHttp
> => publicCall({ method: "GET", path: "/api/v1/securities", schema: Securities });
