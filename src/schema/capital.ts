/**
 * Capital models: `GET /api/v1/capital` (instruction `balanceQuery`).
 *
 * @module
 */
import * as Schema from "effect/Schema";
import { type Decimal, DecimalFromString } from "../decimal.ts";

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
