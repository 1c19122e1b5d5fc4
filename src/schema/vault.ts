/**
 * Vault models (signed endpoints): pending redeems and NAV.
 *
 * @module
 */
import * as Schema from "effect/Schema";
import { type Decimal, DecimalFromString } from "../decimal.ts";
import { IdString, NumberOrString } from "./common.ts";
import { OptionalDecimal, OptionalNumber, OptionalString } from "./optional.ts";

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
