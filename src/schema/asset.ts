/**
 * Asset models: `GET /api/v1/assets`, `GET /api/v1/collateral` and `GET /api/v1/wallets`.
 *
 * @module
 */
import * as Schema from "effect/Schema";
import { type Decimal, DecimalFromString } from "../decimal.ts";
import { type MarginFunction, MarginFunction as MarginFunctionSchema } from "./market.ts";
import { OptionalDecimal, OptionalNumber, OptionalString } from "./optional.ts";

/** One blockchain an asset can be deposited and withdrawn on. */
export interface Token {
  /** Blockchain (PascalCase enum name: `Solana`, `Ethereum`, ...). */
  readonly blockchain: string;
  /** Display name on this chain. */
  readonly displayName?: string | null | undefined;
  /** Token contract / mint address (absent for native coins). */
  readonly contractAddress?: string | null | undefined;
  /** Whether deposits are open. */
  readonly depositEnabled: boolean;
  /** Smallest deposit. */
  readonly minimumDeposit: Decimal;
  /** Whether withdrawals are open. */
  readonly withdrawEnabled: boolean;
  /** Smallest withdrawal. */
  readonly minimumWithdrawal: Decimal;
  /** Largest withdrawal, when bounded. */
  readonly maximumWithdrawal?: Decimal | null | undefined;
  /** Withdrawal fee, in the asset. */
  readonly withdrawalFee: Decimal;
  /** Decimals of the token on chain. */
  readonly nativeDecimals?: number | null | undefined;
}

/** An asset and the chains it lives on. */
export interface Asset {
  /** Asset symbol, e.g. `USDC`. */
  readonly symbol: string;
  /** Display name. */
  readonly displayName: string;
  /** CoinGecko id, when known. */
  readonly coingeckoId?: string | null | undefined;
  /** Chains. */
  readonly tokens: ReadonlyArray<Token>;
}

const TokenSchema = Schema.Struct({
  blockchain: Schema.String,
  displayName: OptionalString,
  contractAddress: OptionalString,
  depositEnabled: Schema.Boolean,
  minimumDeposit: DecimalFromString,
  withdrawEnabled: Schema.Boolean,
  minimumWithdrawal: DecimalFromString,
  maximumWithdrawal: OptionalDecimal,
  withdrawalFee: DecimalFromString,
  nativeDecimals: OptionalNumber,
});

/** Schema of {@link Asset}. */
export const Asset: Schema.Decoder<Asset> = Schema.Struct({
  symbol: Schema.String,
  displayName: Schema.String,
  coingeckoId: OptionalString,
  tokens: Schema.Array(TokenSchema),
});

/** Schema of the `GET /api/v1/assets` answer. */
export const Assets: Schema.Decoder<ReadonlyArray<Asset>> = Schema.Array(Asset);

/** How much of an asset's value counts as collateral. */
export interface HaircutFunction {
  /** Collateral weight (fraction of the value that counts). */
  readonly weight: Decimal;
  /** Curve kind: `type` is `identity` or `inverseSqrt` (others kept); other keys kept as sent. */
  readonly kind: { readonly type: string; readonly [key: string]: unknown };
}

/** Collateral parameters of an asset. */
export interface CollateralParameters {
  /** Asset symbol. */
  readonly symbol: string;
  /** Initial margin function. */
  readonly imfFunction: MarginFunction;
  /** Maintenance margin function. */
  readonly mmfFunction: MarginFunction;
  /** Haircut applied to the asset's value. */
  readonly haircutFunction: HaircutFunction;
}

/** Schema of {@link CollateralParameters}. */
export const CollateralParameters: Schema.Decoder<CollateralParameters> = Schema.Struct({
  symbol: Schema.String,
  imfFunction: MarginFunctionSchema,
  mmfFunction: MarginFunctionSchema,
  haircutFunction: Schema.Struct({
    weight: DecimalFromString,
    kind: Schema.StructWithRest(Schema.Struct({ type: Schema.String }), [
      Schema.Record(Schema.String, Schema.Unknown),
    ]),
  }),
});

/** Schema of the `GET /api/v1/collateral` answer. */
export const CollateralParametersList: Schema.Decoder<ReadonlyArray<CollateralParameters>> = Schema
  .Array(CollateralParameters);

/** An exchange deposit wallet. */
export interface Wallet {
  /** Blockchain. */
  readonly blockchain: string;
  /** Address. */
  readonly address: string;
}

/** Schema of {@link Wallet}. */
export const Wallet: Schema.Decoder<Wallet> = Schema.Struct({
  blockchain: Schema.String,
  address: Schema.String,
});

/** Schema of the `GET /api/v1/wallets` answer. */
export const Wallets: Schema.Decoder<ReadonlyArray<Wallet>> = Schema.Array(Wallet);
