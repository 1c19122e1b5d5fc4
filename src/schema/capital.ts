/**
 * Capital models: balances, collateral (margin account), deposits, deposit addresses, withdrawals.
 * Enum-like fields (`status`, `source`, `blockchain`) keep values this SDK does not know yet.
 *
 * @module
 */
import * as Schema from "effect/Schema";
import { type Decimal, DecimalFromString } from "../decimal.ts";
import { IdString, NaiveUtcDate } from "./common.ts";
import { OptionalDate, OptionalDecimal, OptionalNumber, OptionalString } from "./optional.ts";

/** One asset's spot balance. Total = `available + locked + staked`. */
export interface Balance {
  /** Free to trade or withdraw. */
  readonly available: Decimal;
  /** Held by open orders. */
  readonly locked: Decimal;
  /** Staked. */
  readonly staked: Decimal;
}

/** Balances keyed by asset symbol (`"USDC"`, `"SOL"`...). Lent balances are not included. */
export type Balances = Readonly<Record<string, Balance>>;

/** Schema of {@link Balance}. */
export const Balance: Schema.Decoder<Balance> = Schema.Struct({
  available: DecimalFromString,
  locked: DecimalFromString,
  staked: DecimalFromString,
});

/** Schema of {@link Balances}. */
export const Balances: Schema.Decoder<Balances> = Schema.Record(Schema.String, Balance);

/** One asset's contribution to the margin account (`GET /api/v1/capital/collateral`). */
export interface CollateralAsset {
  /** Asset symbol. */
  readonly symbol: string;
  /** Mark price of the asset in USDC. */
  readonly assetMarkPrice: Decimal;
  /** Total quantity held (available + locked + lent). */
  readonly totalQuantity: Decimal;
  /** `totalQuantity × assetMarkPrice`. */
  readonly balanceNotional: Decimal;
  /** Haircut weight applied to the notional. */
  readonly collateralWeight: Decimal;
  /** Value counted as collateral. */
  readonly collateralValue: Decimal;
  /** Quantity held by open orders. */
  readonly openOrderQuantity: Decimal;
  /** Quantity lent out. */
  readonly lendQuantity: Decimal;
  /** Quantity free to use. */
  readonly availableQuantity: Decimal;
}

/** The unified-margin account summary: equity, free margin, margin fractions and collateral. */
export interface Collateral {
  /** Value of all assets. */
  readonly assetsValue: Decimal;
  /** Value of all liabilities. */
  readonly liabilitiesValue: Decimal;
  /** Borrowed value owed. */
  readonly borrowLiability: Decimal;
  /** Net equity. */
  readonly netEquity: Decimal;
  /** Net equity free for new positions and withdrawals (free margin). */
  readonly netEquityAvailable: Decimal;
  /** Net equity held by orders and positions. */
  readonly netEquityLocked: Decimal;
  /** Net futures exposure. */
  readonly netExposureFutures: Decimal;
  /** Unrealized PnL. */
  readonly pnlUnrealized: Decimal;
  /** Equity not yet settled. */
  readonly unsettledEquity: Decimal;
  /** Account initial margin fraction. */
  readonly imf: Decimal;
  /** Account maintenance margin fraction. */
  readonly mmf: Decimal;
  /** Account health; `null`/absent without exposure. */
  readonly marginFraction?: Decimal | null | undefined;
  /** Per-asset collateral. */
  readonly collateral: ReadonlyArray<CollateralAsset>;
}

/** Schema of {@link Collateral}. */
export const Collateral: Schema.Decoder<Collateral> = Schema.Struct({
  assetsValue: DecimalFromString,
  liabilitiesValue: DecimalFromString,
  borrowLiability: DecimalFromString,
  netEquity: DecimalFromString,
  netEquityAvailable: DecimalFromString,
  netEquityLocked: DecimalFromString,
  netExposureFutures: DecimalFromString,
  pnlUnrealized: DecimalFromString,
  unsettledEquity: DecimalFromString,
  imf: DecimalFromString,
  mmf: DecimalFromString,
  marginFraction: OptionalDecimal,
  collateral: Schema.Array(Schema.Struct({
    symbol: Schema.String,
    assetMarkPrice: DecimalFromString,
    totalQuantity: DecimalFromString,
    balanceNotional: DecimalFromString,
    collateralWeight: DecimalFromString,
    collateralValue: DecimalFromString,
    openOrderQuantity: DecimalFromString,
    lendQuantity: DecimalFromString,
    availableQuantity: DecimalFromString,
  })),
});

/** Deposit statuses Backpack documents; others decode as plain strings. */
export type DepositStatus =
  | "cancelled"
  | "confirmed"
  | "declined"
  | "expired"
  | "initiated"
  | "ownershipVerificationRequired"
  | "pending"
  | "refunded"
  | "senderVerificationCompleted"
  | "senderVerificationRequired"
  | (string & Record<never, never>);

/** A deposit (`GET /wapi/v1/capital/deposits`). */
export interface Deposit {
  /** Deposit id (digits). */
  readonly id: string;
  /** Receiving address. */
  readonly toAddress?: string | null | undefined;
  /** Sending address. */
  readonly fromAddress?: string | null | undefined;
  /** Origin, lower camelCase (`solana`, `ethereum`, `administrator`, `internal`...). */
  readonly source: string;
  /** Status. */
  readonly status: DepositStatus;
  /** On-chain transaction hash. */
  readonly transactionHash?: string | null | undefined;
  /** Asset symbol. */
  readonly symbol: string;
  /** Amount deposited. */
  readonly quantity: Decimal;
  /** When it was created (UTC). */
  readonly createdAt: Date;
  /** Fiat amount (fiat deposits). */
  readonly fiatAmount?: number | null | undefined;
  /** Fiat currency (fiat deposits). */
  readonly fiatCurrency?: string | null | undefined;
  /** Institution BIC (fiat deposits). */
  readonly institutionBic?: string | null | undefined;
  /** Platform memo. */
  readonly platformMemo?: string | null | undefined;
}

/** Schema of {@link Deposit}. */
export const Deposit: Schema.Decoder<Deposit> = Schema.Struct({
  id: IdString,
  toAddress: OptionalString,
  fromAddress: OptionalString,
  source: Schema.String,
  status: Schema.String,
  transactionHash: OptionalString,
  symbol: Schema.String,
  quantity: DecimalFromString,
  createdAt: NaiveUtcDate,
  fiatAmount: OptionalNumber,
  fiatCurrency: OptionalString,
  institutionBic: OptionalString,
  platformMemo: OptionalString,
});

/** A deposit address (`GET /wapi/v1/capital/deposit/address`). */
export interface DepositAddress {
  /** The address to send funds to on the requested blockchain. */
  readonly address: string;
}

/** Schema of {@link DepositAddress}. */
export const DepositAddress: Schema.Decoder<DepositAddress> = Schema.Struct({
  address: Schema.String,
});

/** Withdrawal statuses Backpack documents; others decode as plain strings. */
export type WithdrawalStatus =
  | "confirmed"
  | "ownershipVerificationRequired"
  | "pending"
  | "recipientInformationProvided"
  | "recipientInformationRequired"
  | (string & Record<never, never>);

/** A withdrawal (`GET`/`POST /wapi/v1/capital/withdrawals`). */
export interface Withdrawal {
  /** Withdrawal id (digits). */
  readonly id: string;
  /** Blockchain (PascalCase, e.g. `Solana`). */
  readonly blockchain: string;
  /** Your client id, when given. */
  readonly clientId?: string | null | undefined;
  /** Provider identifier. */
  readonly identifier?: string | null | undefined;
  /** Amount withdrawn. */
  readonly quantity: Decimal;
  /** Fee charged. */
  readonly fee: Decimal;
  /** Fiat fee (fiat withdrawals). */
  readonly fiatFee?: Decimal | null | undefined;
  /** Fiat state (fiat withdrawals). */
  readonly fiatState?: string | null | undefined;
  /** Fiat symbol (fiat withdrawals). */
  readonly fiatSymbol?: string | null | undefined;
  /** Provider id. */
  readonly providerId?: string | null | undefined;
  /** Asset symbol. */
  readonly symbol: string;
  /** Status. */
  readonly status: WithdrawalStatus;
  /** Subaccount id. */
  readonly subaccountId?: number | null | undefined;
  /** Destination address. */
  readonly toAddress: string;
  /** On-chain transaction hash. */
  readonly transactionHash?: string | null | undefined;
  /** When it was created (UTC). */
  readonly createdAt: Date;
  /** Whether it went to another Backpack account. */
  readonly isInternal: boolean;
  /** Bank name (fiat). */
  readonly bankName?: string | null | undefined;
  /** Bank identifier (fiat). */
  readonly bankIdentifier?: string | null | undefined;
  /** Account identifier (fiat). */
  readonly accountIdentifier?: string | null | undefined;
  /** When a delayed withdrawal will be processed (UTC). */
  readonly triggerAt?: Date | null | undefined;
}

/** Schema of {@link Withdrawal}. */
export const Withdrawal: Schema.Decoder<Withdrawal> = Schema.Struct({
  id: IdString,
  blockchain: Schema.String,
  clientId: OptionalString,
  identifier: OptionalString,
  quantity: DecimalFromString,
  fee: DecimalFromString,
  fiatFee: OptionalDecimal,
  fiatState: OptionalString,
  fiatSymbol: OptionalString,
  providerId: OptionalString,
  symbol: Schema.String,
  status: Schema.String,
  subaccountId: OptionalNumber,
  toAddress: Schema.String,
  transactionHash: OptionalString,
  createdAt: NaiveUtcDate,
  isInternal: Schema.Boolean,
  bankName: OptionalString,
  bankIdentifier: OptionalString,
  accountIdentifier: OptionalString,
  triggerAt: OptionalDate,
});
