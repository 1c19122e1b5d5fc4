/**
 * Public vault data: `GET /api/v1/vaults` and `GET /api/v1/vaults/history`.
 *
 * @module
 */
import type * as Effect from "effect/Effect";
import type { BackpackError } from "../errors.ts";
import { type Vault, VaultHistory, type VaultHistoryPoint, Vaults } from "../schema/vault_info.ts";
import { HISTORY_INTERVALS, type HistoryInterval } from "./borrow_lend_markets.ts";
import { type BackpackHttp, publicCall } from "./http.ts";
import { guarded, oneOf, requiredText, uint32 } from "./validate.ts";

/** Parameters of {@link getVaultHistory}. */
export interface GetVaultHistoryParams {
  /** Window. */
  readonly interval: HistoryInterval;
  /** Only this vault (uint32). */
  readonly vaultId?: number;
}

/** Every vault with its mint/redeem rules. `GET /api/v1/vaults` (public). */
export const getVaults = (): Effect.Effect<ReadonlyArray<Vault>, BackpackError, BackpackHttp> =>
  publicCall({ method: "GET", path: "/api/v1/vaults", schema: Vaults });

/** NAV and equity of vaults over a window. `GET /api/v1/vaults/history` (public). */
export const getVaultHistory = (
  params: GetVaultHistoryParams,
): Effect.Effect<ReadonlyArray<VaultHistoryPoint>, BackpackError, BackpackHttp> =>
  guarded(
    () => [
      requiredText("interval", params.interval),
      oneOf("interval", params.interval, HISTORY_INTERVALS),
      uint32("vaultId", params.vaultId),
    ],
    () =>
      publicCall({
        method: "GET",
        path: "/api/v1/vaults/history",
        query: { interval: params.interval, vaultId: params.vaultId },
        schema: VaultHistory,
      }),
  );
