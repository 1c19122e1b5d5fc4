/**
 * Fee estimation: the account's maker/taker fees (futures and spot, from `getAccount`, in basis
 * points; maker may be negative) or an override from the configuration; before the account is read,
 * the defaults (maker 2 bps, taker 5 bps).
 *
 * @module
 */
import { Decimal } from "../decimal.ts";
import type { Account } from "../schema/account.ts";
import type { EstimateFeeParams, FeeOverride, FeeRates, FeeSchedule } from "./fee_types.ts";

/** Maker fee before the account is known, bps. */
export const DEFAULT_MAKER_BPS = 2;
/** Taker fee before the account is known, bps. */
export const DEFAULT_TAKER_BPS = 5;

const BPS = new Decimal(10_000);

/** The default schedule (2 / 5 bps on both market types). */
export const defaultSchedule = (): FeeSchedule => {
  const rates: FeeRates = {
    makerBps: new Decimal(DEFAULT_MAKER_BPS),
    takerBps: new Decimal(DEFAULT_TAKER_BPS),
  };
  return { futures: rates, spot: rates, source: "default" };
};

/** The account's schedule (Backpack answers fees in bps). */
export const accountSchedule = (account: Account): FeeSchedule => ({
  futures: { makerBps: account.futuresMakerFee, takerBps: account.futuresTakerFee },
  spot: { makerBps: account.spotMakerFee, takerBps: account.spotTakerFee },
  source: "account",
});

/** `schedule` with the configured override applied (to both market types). */
export const withOverride = (
  schedule: FeeSchedule,
  override: FeeOverride | undefined,
): FeeSchedule => {
  if (
    override === undefined || (override.makerBps === undefined && override.takerBps === undefined)
  ) {
    return schedule;
  }
  const apply = (rates: FeeRates): FeeRates => ({
    makerBps: override.makerBps === undefined ? rates.makerBps : new Decimal(override.makerBps),
    takerBps: override.takerBps === undefined ? rates.takerBps : new Decimal(override.takerBps),
  });
  return { futures: apply(schedule.futures), spot: apply(schedule.spot), source: "override" };
};

/** True for perpetual futures symbols (`*_PERP`). */
export const isFutures = (symbol: string): boolean => symbol.endsWith("_PERP");

/** `price × quantity × bps / 10000`, in the quote asset, with the rates of the symbol's type. */
export const estimateFee = (schedule: FeeSchedule, params: EstimateFeeParams): Decimal => {
  const rates = isFutures(params.symbol) ? schedule.futures : schedule.spot;
  const bps = params.maker ? rates.makerBps : rates.takerBps;
  return new Decimal(params.price).times(params.quantity).times(bps).div(BPS);
};
