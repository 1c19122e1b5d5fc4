/** Position arithmetic (Decimal), fee estimates, balance diffs and funding dedupe. */
import assert from "node:assert/strict";
import { Decimal } from "../../../src/decimal.ts";
import type { Account } from "../../../src/schema/account.ts";
import { balanceChanges, FundingLedger } from "../../../src/trading/account_ledger.ts";
import {
  accountSchedule,
  defaultSchedule,
  estimateFee,
  withOverride,
} from "../../../src/trading/fees.ts";
import { applyFill, applyMark, flat, PositionBook } from "../../../src/trading/positions.ts";

const T = new Date(0);
const d = (x: string) => new Decimal(x);
const fill = (side: "Bid" | "Ask", quantity: string, price: string) => ({
  side,
  quantity: d(quantity),
  price: d(price),
});

Deno.test("positions: adding averages the entry, reducing realizes, crossing re-enters", () => {
  let p = flat("SOL_USDC_PERP", T);
  p = applyFill(p, fill("Bid", "1", "100.1"), T);
  p = applyFill(p, fill("Bid", "2", "100.4"), T);
  assert.equal(p.netQuantity.toString(), "3");
  assert.equal(p.entryPrice.toString(), "100.3");
  p = applyFill(p, fill("Ask", "1", "100.7"), T);
  assert.equal(p.netQuantity.toString(), "2");
  assert.equal(p.entryPrice.toString(), "100.3");
  assert.equal(p.realizedPnl.toString(), "0.4");
  p = applyFill(p, fill("Ask", "3", "99.3"), T);
  assert.equal(p.netQuantity.toString(), "-1");
  assert.equal(p.entryPrice.toString(), "99.3");
  assert.equal(p.realizedPnl.toString(), "-1.6");
  p = applyMark(p, d("99.1"), T);
  assert.equal(p.unrealizedPnl.toString(), "0.2");
  p = applyFill(p, fill("Bid", "1", "99"), T);
  assert.equal(p.netQuantity.toString(), "0");
  assert.equal(p.entryPrice.toString(), "0");
  assert.equal(p.realizedPnl.toString(), "-1.3");
  assert.equal(p.unrealizedPnl.toString(), "0");
});

Deno.test("positions: the book reports only real changes (a mark move alone is silent)", () => {
  const book = new PositionBook();
  assert.equal(book.set(flat("SOL_USDC_PERP", T)), undefined);
  const long = applyFill(book.get("SOL_USDC_PERP", T), fill("Bid", "1", "100"), T);
  assert.equal(book.set(long), long);
  assert.equal(book.set(applyMark(long, d("101"), T)), undefined);
  assert.equal(book.get("SOL_USDC_PERP", T).unrealizedPnl.toString(), "1");
  assert.equal(book.open().length, 1);
});

Deno.test("fees: 2/5 bps until the account is known, then its futures/spot fees, overrides win", () => {
  const trade = { symbol: "SOL_USDC_PERP", side: "Bid", price: "100", quantity: "10" } as const;
  const schedule = defaultSchedule();
  assert.equal(schedule.source, "default");
  assert.equal(estimateFee(schedule, { ...trade, maker: true }).toString(), "0.2");
  assert.equal(estimateFee(schedule, { ...trade, maker: false }).toString(), "0.5");
  const account = {
    futuresMakerFee: d("-1"),
    futuresTakerFee: d("4"),
    spotMakerFee: d("8"),
    spotTakerFee: d("10"),
  } as Account;
  const real = accountSchedule(account);
  assert.equal(real.source, "account");
  assert.equal(estimateFee(real, { ...trade, maker: true }).toString(), "-0.1");
  assert.equal(estimateFee(real, { ...trade, maker: false }).toString(), "0.4");
  assert.equal(
    estimateFee(real, { ...trade, symbol: "SOL_USDC", maker: true }).toString(),
    "0.8",
  );
  const override = withOverride(real, { takerBps: "3" });
  assert.equal(override.source, "override");
  assert.equal(estimateFee(override, { ...trade, maker: false }).toString(), "0.3");
  assert.equal(estimateFee(override, { ...trade, maker: true }).toString(), "-0.1");
  assert.equal(withOverride(real, undefined), real);
});

Deno.test("balances: only changed assets are reported; funding counts each interval once", () => {
  const zero = d("0");
  const first = balanceChanges({}, { USDC: { available: d("10"), locked: zero, staked: zero } });
  assert.equal(first.length, 1);
  assert.equal(first[0]?.previous, undefined);
  const state = { USDC: first[0]!.balance };
  assert.deepEqual(
    balanceChanges(state, { USDC: { available: d("10"), locked: zero, staked: zero } }),
    [],
  );
  const moved = balanceChanges(state, {
    USDC: { available: d("9"), locked: d("1"), staked: zero },
  });
  assert.equal(moved[0]?.balance.locked.toString(), "1");
  assert.equal(balanceChanges(state, {})[0]?.balance.available.toString(), "0");
  const ledger = new FundingLedger();
  const payment = (quantity: string, ms: number) => ({
    userId: 1,
    symbol: "SOL_USDC_PERP",
    quantity: d(quantity),
    intervalEndTimestamp: new Date(ms),
    fundingRate: d("0.0001"),
  });
  assert.ok(ledger.add(payment("-0.5", 1000)));
  assert.equal(ledger.add(payment("-0.5", 1000)), undefined);
  assert.ok(ledger.add(payment("0.2", 2000)));
  assert.equal(ledger.total("SOL_USDC_PERP").toString(), "-0.3");
  assert.equal(ledger.total().toString(), "-0.3");
  assert.equal(ledger.list().length, 2);
});
