/**
 * Vault endpoints (signed): mint, request/cancel a redeem, pending redeems and NAV. Mint and
 * redeem answer an empty 200. (The public `getVaults`/`getVaultHistory` are market data.)
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
import { VaultNav, VaultRedeem } from "../schema/vault.ts";
import { type BackpackHttp, signedCall } from "./http.ts";
import { decimalInput, fieldsOf, guarded, requiredText, uint32 } from "./validate.ts";

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
  mintVault,
  requestVaultRedeem,
  cancelVaultRedeem,
  getPendingVaultRedeems,
  getVaultNav,
};
