/**
 * Vault endpoints: list vaults and their NAV history (public); mint, request/cancel a redeem,
 * pending redeems and NAV (signed). Mint and redeem answer an empty 200.
 *
 * Backpack's vault mint/redeem *history* routes (`/wapi/v1/history/vault/*`) appear only in the
 * official Rust client, not in the API spec, so the SDK does not expose them.
 *
 * @module
 */
import * as Effect from "effect/Effect";
import * as Schema from "effect/Schema";
import type { DecimalInput } from "../decimal.ts";
import type { BackpackError } from "../errors.ts";
import { Vault, VaultHistoryPoint, VaultNav, VaultRedeem } from "../schema/vault.ts";
import { type BackpackHttp, publicCall, signedCall } from "./http.ts";
import { decimalInput, fieldsOf, guarded, oneOf, requiredText, uint32 } from "./validate.ts";

/** Every vault. `GET /api/v1/vaults` (public). */
export const getVaults = (): Effect.Effect<ReadonlyArray<Vault>, BackpackError, BackpackHttp> =>
  publicCall({ method: "GET", path: "/api/v1/vaults", schema: Schema.Array(Vault) });

/** History resolutions of {@link getVaultHistory}. */
export type VaultHistoryInterval = "1d" | "1w" | "1month" | "1year";

/** Parameters of {@link getVaultHistory}. */
export interface GetVaultHistoryParams {
  /** Time span: `1d`, `1w`, `1month`, `1year`. */
  readonly interval: VaultHistoryInterval;
  /** One vault (uint32); all vaults when omitted. */
  readonly vaultId?: number;
}

/** NAV/equity history of the vaults. `GET /api/v1/vaults/history` (public). */
export const getVaultHistory = (
  params: GetVaultHistoryParams,
): Effect.Effect<ReadonlyArray<VaultHistoryPoint>, BackpackError, BackpackHttp> =>
  guarded(() => [
    requiredText("interval", params.interval),
    oneOf("interval", params.interval, ["1d", "1w", "1month", "1year"]),
    uint32("vaultId", params.vaultId),
  ], () =>
    publicCall({
      method: "GET",
      path: "/api/v1/vaults/history",
      query: fieldsOf(params),
      schema: Schema.Array(VaultHistoryPoint),
    }));

/** Parameters of {@link mintVault}. */
export interface MintVaultParams {
  /** Vault id (uint32). */
  readonly vaultId: number;
  /** Asset deposited, e.g. `USDC`. */
  readonly symbol: string;
  /** Quantity deposited. */
  readonly quantity: DecimalInput;
  /** Borrow to cover a shortfall. */
  readonly autoBorrow?: boolean;
  /** Redeem lent funds to cover a shortfall. */
  readonly autoLendRedeem?: boolean;
}

const requiredVault = (value: unknown) =>
  value === undefined ? requiredText("vaultId", value) : uint32("vaultId", value);

/** Deposits into a vault for vault tokens. `POST /api/v1/vault/mint`, instruction `vaultMint`. */
export const mintVault = (
  params: MintVaultParams,
): Effect.Effect<void, BackpackError, BackpackHttp> =>
  guarded(() => [
    requiredVault(params.vaultId),
    requiredText("symbol", params.symbol),
    decimalInput("quantity", params.quantity, { required: true, positive: true }),
  ], () =>
    Effect.asVoid(signedCall({
      method: "POST",
      path: "/api/v1/vault/mint",
      body: fieldsOf(params),
      instruction: "vaultMint",
      schema: Schema.Unknown,
    })));

/** Parameters of {@link requestVaultRedeem}. */
export interface RequestVaultRedeemParams {
  /** Vault id (uint32). */
  readonly vaultId: number;
  /** Vault tokens to redeem; all when omitted. */
  readonly vaultTokenQuantity?: DecimalInput;
}

/**
 * Requests a redeem (settles after the vault's `redeemDelayMs`). `POST /api/v1/vault/redeem`,
 * instruction `vaultRedeemRequest`.
 */
export const requestVaultRedeem = (
  params: RequestVaultRedeemParams,
): Effect.Effect<void, BackpackError, BackpackHttp> =>
  guarded(() => [
    requiredVault(params.vaultId),
    decimalInput("vaultTokenQuantity", params.vaultTokenQuantity, { positive: true }),
  ], () =>
    Effect.asVoid(signedCall({
      method: "POST",
      path: "/api/v1/vault/redeem",
      body: fieldsOf(params),
      instruction: "vaultRedeemRequest",
      schema: Schema.Unknown,
    })));

/** Parameters of {@link cancelVaultRedeem} and {@link getPendingVaultRedeems}. */
export interface VaultRef {
  /** Vault id (uint32). */
  readonly vaultId: number;
}

/** Cancels a pending redeem. `DELETE /api/v1/vault/redeem`, instruction `vaultRedeemCancel`. */
export const cancelVaultRedeem = (
  params: VaultRef,
): Effect.Effect<void, BackpackError, BackpackHttp> =>
  guarded(() => [requiredVault(params.vaultId)], () =>
    Effect.asVoid(signedCall({
      method: "DELETE",
      path: "/api/v1/vault/redeem",
      body: { vaultId: params.vaultId },
      instruction: "vaultRedeemCancel",
      schema: Schema.Unknown,
    })));

/**
 * Your pending redeems of a vault. `GET /api/v1/vault/redeems/pending`, instruction
 * `vaultPendingRedeemsQuery`.
 */
export const getPendingVaultRedeems = (
  params: VaultRef,
): Effect.Effect<ReadonlyArray<VaultRedeem>, BackpackError, BackpackHttp> =>
  guarded(() => [requiredVault(params.vaultId)], () =>
    signedCall({
      method: "GET",
      path: "/api/v1/vault/redeems/pending",
      query: { vaultId: params.vaultId },
      instruction: "vaultPendingRedeemsQuery",
      schema: Schema.Array(VaultRedeem),
    }));

/** The vault's net asset value. `GET /api/v1/vault/nav`, instruction `vaultNavQuery`. */
export const getVaultNav = (): Effect.Effect<VaultNav, BackpackError, BackpackHttp> =>
  signedCall({
    method: "GET",
    path: "/api/v1/vault/nav",
    instruction: "vaultNavQuery",
    schema: VaultNav,
  });

/** The vault endpoints, by name (the Promise facade exposes each as a method). */
export interface VaultEndpoints {
  /** {@link getVaults} */
  readonly getVaults: typeof getVaults;
  /** {@link getVaultHistory} */
  readonly getVaultHistory: typeof getVaultHistory;
  /** {@link mintVault} */
  readonly mintVault: typeof mintVault;
  /** {@link requestVaultRedeem} */
  readonly requestVaultRedeem: typeof requestVaultRedeem;
  /** {@link cancelVaultRedeem} */
  readonly cancelVaultRedeem: typeof cancelVaultRedeem;
  /** {@link getPendingVaultRedeems} */
  readonly getPendingVaultRedeems: typeof getPendingVaultRedeems;
  /** {@link getVaultNav} */
  readonly getVaultNav: typeof getVaultNav;
}

/** The vault endpoints, by name. */
export const vaultEndpoints: VaultEndpoints = {
  getVaults,
  getVaultHistory,
  mintVault,
  requestVaultRedeem,
  cancelVaultRedeem,
  getPendingVaultRedeems,
  getVaultNav,
};
