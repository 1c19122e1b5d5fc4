/**
 * System endpoints (public): status, ping, server time, exchange wallets, and the server-clock sync
 * built on the server time.
 *
 * @module
 */
import type * as Effect from "effect/Effect";
import { type ServerClock, syncFrom } from "../auth/server_clock.ts";
import type { BackpackError } from "../errors.ts";
import { type Wallet, Wallets } from "../schema/asset.ts";
import { Pong, SystemStatus } from "../schema/status.ts";
import { type BackpackHttp, publicCall, SERVER_TIME_CALL } from "./http.ts";

/**
 * Exchange status. `GET /api/v1/status` (public).
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect";
 * import { getStatus } from "./system.ts";
 * const program = Effect.map(getStatus(), (s) => s.status === "Ok");
 * ```
 */
export const getStatus = (): Effect.Effect<SystemStatus, BackpackError, BackpackHttp> =>
  publicCall({ method: "GET", path: "/api/v1/status", schema: SystemStatus });

/**
 * Server time in Unix milliseconds. `GET /api/v1/time` (public; the body is `text/plain`).
 */
export const getTime = (): Effect.Effect<number, BackpackError, BackpackHttp> =>
  publicCall(SERVER_TIME_CALL);

/** Liveness check: resolves to `"pong"`. `GET /api/v1/ping` (public; the body is `text/plain`). */
export const ping = (): Effect.Effect<string, BackpackError, BackpackHttp> =>
  publicCall({ method: "GET", path: "/api/v1/ping", schema: Pong, responseType: "text" });

/** The exchange's deposit wallets, per blockchain. `GET /api/v1/wallets` (public). */
export const getWallets = (): Effect.Effect<ReadonlyArray<Wallet>, BackpackError, BackpackHttp> =>
  publicCall({ method: "GET", path: "/api/v1/wallets", schema: Wallets });

/**
 * Reads the server time and feeds the sample (with the local send/receive times) to
 * {@link ServerClock}, so later `X-Timestamp`s are corrected for clock skew. Returns the new offset
 * (server − local) in ms. Signed calls also resync by themselves when the exchange answers
 * "Request has expired" (config `clockSync`, default `"onExpired"`); calling this up front saves
 * that one rejected request.
 */
export const syncClock = (): Effect.Effect<number, BackpackError, BackpackHttp | ServerClock> =>
  syncFrom(getTime());

/** The system endpoints, by name (the Promise facade exposes each as a method). */
export interface SystemEndpoints {
  /** {@link getStatus} */
  readonly getStatus: typeof getStatus;
  /** {@link getTime} */
  readonly getTime: typeof getTime;
  /** {@link syncClock} */
  readonly syncClock: typeof syncClock;
  /** {@link ping} */
  readonly ping: typeof ping;
  /** {@link getWallets} */
  readonly getWallets: typeof getWallets;
}

/** The system endpoints, by name. */
export const systemEndpoints: SystemEndpoints = {
  getStatus,
  getTime,
  syncClock,
  ping,
  getWallets,
};
