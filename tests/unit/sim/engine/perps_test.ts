import assert from "node:assert/strict";
import { Decimal } from "decimal.js";
import { limit, market, quiet, T0, throwsSim } from "./helpers.ts";

const P = "SOL_USDC_PERP";

/** bob makes at `price`, alice takes `quantity` on `side` (carol pays no fees). */
const trade = (
  ex: ReturnType<typeof quiet>["ex"],
  side: "Bid" | "Ask",
  price: string,
  quantity: string,
  taker = "carol",
) => {
  const makerSide = side === "Bid" ? "Ask" : "Bid";
  ex.executeOrder("bob", { symbol: P, side: makerSide, orderType: "Limit", price, quantity }, T0);
  return ex.executeOrder(taker, { symbol: P, side, orderType: "Market", quantity }, T0);
};

Deno.test("entry price averages; realized PnL on partial close and on flip", () => {
  const { ex } = quiet();
  trade(ex, "Bid", "100", "1");
  trade(ex, "Bid", "110", "3");
  let [pos] = ex.positions("carol");
  assert.equal(pos.netQuantity, "4");
  assert.equal(pos.entryPrice, "107.5"); // (100 + 330) / 4
  assert.equal(pos.netCost, "430");
  trade(ex, "Ask", "120", "1"); // close 1: (120 − 107.5) × 1
  [pos] = ex.positions("carol");
  assert.equal(pos.pnlRealized, "12.5");
  assert.equal(pos.netQuantity, "3");
  assert.equal(pos.entryPrice, "107.5");
  trade(ex, "Ask", "100", "5"); // close 3 at −7.5 each, open short 2 at 100
  [pos] = ex.positions("carol");
  assert.equal(pos.netQuantity, "-2");
  assert.equal(pos.entryPrice, "100");
  assert.equal(pos.pnlRealized, "-10"); // 12.5 − 22.5
  // carol pays no fees: USDC = 100000 + realized
  assert.equal(ex.balances("carol").USDC.available, "99990");
  // unrealized against mark (150): −2 × (150 − 100)
  assert.equal(pos.markPrice, "150");
  assert.equal(pos.pnlUnrealized, "-100");
  trade(ex, "Bid", "90", "2");
  assert.deepEqual(ex.positions("carol"), []);
  assert.equal(ex.balances("carol").USDC.available, "100010");
});

Deno.test("perp fees settle in USDC; break-even includes fees", () => {
  const { ex } = quiet();
  trade(ex, "Bid", "100", "2", "alice");
  const [pos] = ex.positions("alice");
  assert.equal(ex.fills("alice")[0].fee, "0.1"); // 200 × 5 bps
  assert.equal(ex.fills("bob")[0].fee, "0.04"); // 200 × 2 bps
  assert.equal(pos.breakEvenPrice, "100.05");
  assert.equal(ex.balances("alice").USDC.available, "99999.9");
  assert.equal(ex.balances("bob").USDC.available, "99999.96");
  const [short] = ex.positions("bob");
  assert.equal(short.netQuantity, "-2");
  assert.equal(short.breakEvenPrice, "99.98");
});

Deno.test("reduce-only: only reduces, expires ReduceOnlyNotReduced otherwise", () => {
  const { ex } = quiet();
  const none = market(ex, "carol", P, "Ask", { quantity: "1", reduceOnly: true });
  assert.equal(none.status, "Expired");
  assert.equal(none.expiryReason, "ReduceOnlyNotReduced");
  trade(ex, "Bid", "100", "1");
  limit(ex, "bob", P, "Bid", "100", "5");
  const ro = market(ex, "carol", P, "Ask", { quantity: "3", reduceOnly: true });
  assert.equal(ro.executedQuantity, "1");
  assert.equal(ro.status, "Expired");
  assert.equal(ro.expiryReason, "ReduceOnlyNotReduced");
  assert.deepEqual(ex.positions("carol"), []);
});

Deno.test("resting reduce-only orders shrink with the position (orderModified), then expire", () => {
  const { ex, events } = quiet();
  trade(ex, "Bid", "100", "3");
  const ro = limit(ex, "carol", P, "Ask", "200", "3", { reduceOnly: true });
  assert.equal(ro.status, "New");
  trade(ex, "Ask", "100", "2"); // position 3 → 1
  assert.equal(ex.openOrders("carol", P)[0]?.quantity, "1");
  assert.deepEqual(ex.depth(P).asks, [["200", "1"]]);
  const modified = events.filter((e) => e.type === "orderUpdate" && e.event === "orderModified");
  assert.equal(modified.length, 1);
  assert.equal(modified[0]?.type === "orderUpdate" && modified[0].order.id, ro.id);
  trade(ex, "Ask", "100", "1"); // position closed
  assert.deepEqual(ex.openOrders("carol", P), []);
  assert.deepEqual(ex.depth(P).asks, []);
  const last = ex.orderHistory("carol").find((o) => o.id === ro.id);
  assert.equal(last?.expiryReason, "ReduceOnlyNotReduced");
});

Deno.test("leverage limit caps new orders; updateAccount changes it", () => {
  const { ex } = quiet();
  ex.updateAccount("alice", { leverageLimit: "1" });
  assert.equal(ex.account("alice").leverageLimit, "1");
  // equity 115000 (100000 USDC + 100 SOL × 150); 1x → notional ≤ equity
  throwsSim(
    () => limit(ex, "alice", P, "Bid", "100", "1200"),
    "INSUFFICIENT_MARGIN",
  );
  limit(ex, "alice", P, "Bid", "100", "1100");
  assert.equal(ex.balances("alice").USDC.locked, "110000");
  assert.equal(ex.collateral("alice").netEquityAvailable, "5000");
  throwsSim(() => ex.updateAccount("alice", { leverageLimit: "abc" }), "INVALID_CLIENT_REQUEST");
});

Deno.test("funding: long pays when the rate is positive, amount = qty × mark × rate", () => {
  const { ex, events } = quiet({ volatility: 0.01 });
  trade(ex, "Bid", "150", "10"); // carol long 10, bob short 10
  let t = T0;
  while (ex.fundingHistory("carol").length < 3) {
    t += 60_000;
    ex.advance(t);
  }
  const funding = events.flatMap((e) => (e.type === "funding" ? [e] : []));
  const rates = ex.fundingRates(P);
  assert.equal(rates.length, 3);
  for (const payment of ex.fundingHistory("carol")) {
    // settled inside the advance that crossed the interval end, at that step's mark
    const mark = events.find((e) =>
      e.type === "markPrice" && e.symbol === P && e.time >= payment.intervalEndTimestamp * 1000
    );
    assert.ok(mark?.type === "markPrice");
    const rate = new Decimal(payment.fundingRate);
    const qty = new Decimal(payment.quantity);
    if (!rate.isZero()) assert.equal(qty.isNegative(), rate.isPositive());
    assert.equal(qty.toFixed(), rate.mul(mark.markPrice).mul(10).neg().toFixed());
    const bob = ex.fundingHistory("bob").find((f) =>
      f.intervalEndTimestamp === payment.intervalEndTimestamp
    )!;
    assert.equal(new Decimal(bob.quantity).plus(qty).toFixed(), "0");
  }
  // the first interval end is T0 + 10 min (T0 is 50 min past the hour)
  assert.equal(
    ex.fundingHistory("carol", { sortDirection: "Asc" })[0].intervalEndTimestamp,
    T0 + 600_000,
  );
  const carol = funding.filter((f) => f.accountId === "carol");
  assert.equal(carol.length, 3);
  const total = carol.reduce((sum, f) => sum.plus(f.quantity), new Decimal(0));
  assert.equal(ex.positions("carol")[0].cumulativeFundingPayment, total.toFixed());
  assert.equal(ex.balances("carol").USDC.available, total.plus(100000).toFixed());
});
