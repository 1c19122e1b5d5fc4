/**
 * Public vault models: `GET /api/v1/vaults` and `GET /api/v1/vaults/history`.
 *
 * @module
 */
import * as Schema from "effect/Schema";
import { type Decimal, DecimalFromString } from "../decimal.ts";
import { NaiveUtcDate, NumberOrString } from "./common.ts";
import { OptionalDecimal } from "./optional.ts";

/** A vault. */
export interface Vault {
  /** Vault id (uint32). */
  readonly id: number;
  /** Vault token symbol. */
  readonly vaultToken: string;
  /** Deposit asset symbol. */
  readonly symbol: string;
  /** Whether minting is open. */
  readonly mintsEnabled: boolean;
  /** Whether redeeming is open. */
  readonly redeemsEnabled: boolean;
  /** Smallest mint, in the deposit asset. */
  readonly minMintQuantity: Decimal;
  /** Smallest redeem, in vault tokens. */
  readonly minRedeemTokens: Decimal;
  /** Delay before a redeem settles, in ms. */
  readonly redeemDelayMs: number;
  /** Vault token increment. */
  readonly tokenStepSize: Decimal;
  /** What can still be minted, when capped. */
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

/** Schema of the `GET /api/v1/vaults` answer. */
export const Vaults: Schema.Decoder<ReadonlyArray<Vault>> = Schema.Array(Vault);

/** One point of a vault's history. */
export interface VaultHistoryPoint {
  /** Vault id. */
  readonly vaultId: number;
  /** Sample time. */
  readonly timestamp: Date;
  /** Net asset value per token. */
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

/** Schema of the `GET /api/v1/vaults/history` answer. */
export const VaultHistory: Schema.Decoder<ReadonlyArray<VaultHistoryPoint>> = Schema.Array(
  VaultHistoryPoint,
);
