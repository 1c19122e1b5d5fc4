/**
 * Vault models: vaults, pending redeems, NAV and NAV history.
 *
 * @module
 */
import * as Schema from "effect/Schema";
import { type Decimal, DecimalFromString } from "../decimal.ts";
import { IdString, NaiveUtcDate, NumberOrString } from "./common.ts";
import { OptionalDecimal, OptionalNumber, OptionalString } from "./optional.ts";

/** A vault (`GET /api/v1/vaults`). */
export interface Vault {
  /** Vault id (uint32). */
  readonly id: number;
  /** Vault token symbol. */
  readonly vaultToken: string;
  /** Asset deposited to mint. */
  readonly symbol: string;
  /** Whether minting is open. */
  readonly mintsEnabled: boolean;
  /** Whether redeeming is open. */
  readonly redeemsEnabled: boolean;
  /** Smallest mint quantity. */
  readonly minMintQuantity: Decimal;
  /** Smallest redeem, in vault tokens. */
  readonly minRedeemTokens: Decimal;
  /** Delay before a redeem settles, ms. */
  readonly redeemDelayMs: number;
  /** Vault token step size. */
  readonly tokenStepSize: Decimal;
  /** Remaining mint capacity. */
  readonly remainingMintQuantity?: Decimal | null | undefined;
}

/** Schema of {@link Vault}. */
export const Vault: Schema.Decoder<Vault> = Schema.Struct({
  id: NumberOrString,
  vaultToken: Schema.String,
  symbol: Schema.String,
  mintsEnabled: Schema.Boolean,
  redeemsEnabled: Schema.Boolean,
  minMintQuantity: DecimalFromString,
  minRedeemTokens: DecimalFromString,
  redeemDelayMs: NumberOrString,
  tokenStepSize: DecimalFromString,
  remainingMintQuantity: OptionalDecimal,
});

/** A redeem request (`GET /api/v1/vault/redeems/pending`). */
export interface VaultRedeem {
  /** Redeem id. */
  readonly id: string;
  /** Vault id. */
  readonly vaultId: number;
  /** Status. */
  readonly status: string;
  /** Vault tokens redeemed. */
  readonly vaultTokenQuantity: Decimal;
  /** Vault token symbol. */
  readonly vaultToken?: string | null | undefined;
  /** Asset paid out. */
  readonly symbol?: string | null | undefined;
  /** Quantity paid out. */
  readonly quantity?: Decimal | null | undefined;
  /** NAV applied. */
  readonly nav?: Decimal | null | undefined;
  /** Why it failed or was cancelled. */
  readonly reason?: string | null | undefined;
  /** Request time, Unix ms. */
  readonly timestamp: number;
}

/** Schema of {@link VaultRedeem}. */
export const VaultRedeem: Schema.Decoder<VaultRedeem> = Schema.Struct({
  id: IdString,
  vaultId: NumberOrString,
  status: Schema.String,
  vaultTokenQuantity: DecimalFromString,
  vaultToken: OptionalString,
  symbol: OptionalString,
  quantity: OptionalDecimal,
  nav: OptionalDecimal,
  reason: OptionalString,
  timestamp: NumberOrString,
});

/** A vault's net asset value (`GET /api/v1/vault/nav`). */
export interface VaultNav {
  /** NAV per token. */
  readonly nav: Decimal;
  /** Time-weighted NAV. */
  readonly twapNav: Decimal;
  /** NAV used for mints. */
  readonly mintNav: Decimal;
  /** NAV used for redeems. */
  readonly redeemNav: Decimal;
  /** Vault equity. */
  readonly vaultEquity: Decimal;
  /** Net equity. */
  readonly netEquity: Decimal;
  /** Tokens in circulation. */
  readonly tokenCirculatingSupply: Decimal;
  /** Last crank time, Unix ms. */
  readonly lastCrankTimestamp?: number | null | undefined;
}

/** Schema of {@link VaultNav}. */
export const VaultNav: Schema.Decoder<VaultNav> = Schema.Struct({
  nav: DecimalFromString,
  twapNav: DecimalFromString,
  mintNav: DecimalFromString,
  redeemNav: DecimalFromString,
  vaultEquity: DecimalFromString,
  netEquity: DecimalFromString,
  tokenCirculatingSupply: DecimalFromString,
  lastCrankTimestamp: OptionalNumber,
});

/** One point of a vault's history (`GET /api/v1/vaults/history`). */
export interface VaultHistoryPoint {
  /** Vault id. */
  readonly vaultId: number;
  /** Time of the point. */
  readonly timestamp: Date;
  /** NAV per token. */
  readonly nav?: Decimal | null | undefined;
  /** Vault equity. */
  readonly vaultEquity?: Decimal | null | undefined;
  /** Tokens in circulation. */
  readonly tokenCirculatingSupply?: Decimal | null | undefined;
}

/** Schema of {@link VaultHistoryPoint}. */
export const VaultHistoryPoint: Schema.Decoder<VaultHistoryPoint> = Schema.Struct({
  vaultId: NumberOrString,
  timestamp: NaiveUtcDate,
  nav: OptionalDecimal,
  vaultEquity: OptionalDecimal,
  tokenCirculatingSupply: OptionalDecimal,
});
