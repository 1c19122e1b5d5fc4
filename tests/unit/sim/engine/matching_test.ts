import assert from "node:assert/strict";
import { limit, market, quiet, T0, throwsSim } from "./helpers.ts";

const P = "SOL_USDC_PERP";
const S = "SOL_USDC";

Deno.test("price-time priority: better price first, then earlier order at the same price", () => {
  const { ex } = quiet();
  const a1 = limit(ex, "alice", S, "Ask", "151", "1");
  const a2 = limit(ex, "alice", S, "Ask", "150.5", "1");
  const c1 = limit(ex, "carol", S, "Ask", "150.5", "1");
  const taker = limit(ex, "bob", S, "Bid", "151", "1.5");
  assert.equal(taker.status, "Filled");
  assert.equal(taker.executedQuoteQuantity, "225.75"); // 1 × 150.5 + 0.5 × 150.5
  const open = ex.openOrders("alice", S).map((o) => o.id);
  assert.deepEqual(open, [a1.id]); // a2 (earlier at 150.5) fully filled
  const carol = ex.getOpenOrder("carol", { symbol: S, orderId: c1.id });
  assert.equal(carol.status, "PartiallyFilled");
  assert.equal(carol.executedQuantity, "0.5");
  assert.deepEqual(ex.depth(S).asks, [["150.5", "0.5"], ["151", "1"]]);
  assert.equal(ex.orderHistory("alice")[0].id, a2.id);
});

Deno.test("partial fill rests the remainder; market order by quote quantity", () => {
  const { ex } = quiet();
  limit(ex, "alice", S, "Ask", "150", "1");
  limit(ex, "alice", S, "Ask", "160", "2");
  const m = market(ex, "bob", S, "Bid", { quoteQuantity: "310" });
  // 1 @ 150 = 150, then floor(160 / 160 / 0.01) = 1 @ 160
  assert.equal(m.status, "Filled");
  assert.equal(m.executedQuantity, "2");
  assert.equal(m.executedQuoteQuantity, "310");
  const bid = limit(ex, "bob", S, "Bid", "160", "3");
  assert.equal(bid.status, "PartiallyFilled");
  assert.equal(bid.executedQuantity, "1");
  assert.deepEqual(ex.depth(S).bids, [["160", "2"]]);
});

Deno.test("spot balances: locks for open orders, fees in quote (maker 2 bps, taker 5 bps)", () => {
  const { ex } = quiet();
  limit(ex, "alice", S, "Ask", "100", "10");
  assert.deepEqual(ex.balances("alice").SOL, { available: "90", locked: "10", staked: "0" });
  market(ex, "bob", S, "Bid", { quantity: "10" });
  const [bobFill] = ex.fills("bob");
  const [aliceFill] = ex.fills("alice");
  assert.equal(bobFill.fee, "0.5"); // 1000 × 5 bps
  assert.equal(bobFill.isMaker, false);
  assert.equal(aliceFill.fee, "0.2"); // 1000 × 2 bps
  assert.equal(aliceFill.isMaker, true);
  assert.equal(aliceFill.feeSymbol, "USDC");
  assert.deepEqual(ex.balances("alice").SOL, { available: "90", locked: "0", staked: "0" });
  assert.equal(ex.balances("alice").USDC.available, "100999.8");
  assert.equal(ex.balances("bob").USDC.available, "98999.5");
  assert.equal(ex.balances("bob").SOL.available, "110");
});

Deno.test("post-only that would take is rejected with INVALID_ORDER", () => {
  const { ex } = quiet();
  limit(ex, "alice", S, "Ask", "150", "1");
  throwsSim(
    () => limit(ex, "bob", S, "Bid", "150", "1", { postOnly: true }),
    "INVALID_ORDER",
    "Order would immediately match and take",
  );
  const ok = limit(ex, "bob", S, "Bid", "149.99", "1", { postOnly: true });
  assert.equal(ok.status, "New");
  assert.equal(ok.postOnly, true);
});

Deno.test("IOC expires its remainder; FOK is all or nothing", () => {
  const { ex, events } = quiet();
  limit(ex, "alice", S, "Ask", "150", "1");
  const fok = limit(ex, "bob", S, "Bid", "150", "2", { timeInForce: "FOK" });
  assert.equal(fok.status, "Expired");
  assert.equal(fok.expiryReason, "FillOrKill");
  assert.equal(fok.executedQuantity, "0");
  assert.equal(ex.balances("bob").USDC.locked, "0");
  const ioc = limit(ex, "bob", S, "Bid", "150", "2", { timeInForce: "IOC" });
  assert.equal(ioc.status, "Expired");
  assert.equal(ioc.expiryReason, "ImmediateOrCancel");
  assert.equal(ioc.executedQuantity, "1");
  assert.deepEqual(ex.depth(S).bids, []);
  const kinds = events.flatMap((e) =>
    e.type === "orderUpdate" && e.accountId === "bob" ? [e.event] : []
  );
  assert.deepEqual(kinds, [
    "orderAccepted",
    "orderExpired",
    "orderAccepted",
    "orderFill",
    "orderExpired",
  ]);
});

Deno.test("self-trade prevention: RejectTaker, RejectMaker, RejectBoth", () => {
  for (
    const [mode, takerStatus, makerOpen] of [
      ["RejectTaker", "Expired", true],
      ["RejectMaker", "Filled", false],
      ["RejectBoth", "Expired", false],
    ] as const
  ) {
    const { ex } = quiet();
    const mine = limit(ex, "alice", S, "Ask", "150", "1");
    limit(ex, "bob", S, "Ask", "150.01", "1");
    const taker = limit(ex, "alice", S, "Bid", "151", "1", {
      timeInForce: "IOC",
      selfTradePrevention: mode,
    });
    assert.equal(taker.status, takerStatus, mode);
    assert.equal(ex.openOrders("alice", S).some((o) => o.id === mine.id), makerOpen, mode);
    if (!makerOpen) {
      const gone = ex.orderHistory("alice", { orderId: mine.id })[0];
      assert.equal(gone.expiryReason, "SelfTradePrevention");
    }
    if (mode === "RejectMaker") assert.equal(ex.fills("alice")[0].price, "150.01");
    else assert.equal(ex.fills("alice").length, 0);
  }
});

Deno.test("duplicate open clientId is INVALID_ORDER; reusable after cancel; cancel by clientId", () => {
  const { ex } = quiet();
  const req = {
    symbol: S,
    side: "Bid",
    orderType: "Limit",
    price: "100",
    quantity: "1",
    clientId: 42,
  } as const;
  ex.executeOrder("alice", req, T0);
  throwsSim(
    () => ex.executeOrder("alice", req, T0),
    "INVALID_ORDER",
    "Order with client ID already exists: 42",
  );
  ex.executeOrder("bob", req, T0); // other account: fine
  const cancelled = ex.cancelOrder("alice", { symbol: S, clientId: 42 }, T0);
  assert.equal(cancelled.status, "Cancelled");
  assert.equal(cancelled.clientId, 42);
  throwsSim(() => ex.getOpenOrder("alice", { symbol: S, clientId: 42 }), "RESOURCE_NOT_FOUND");
  throwsSim(
    () => ex.cancelOrder("alice", { symbol: S }, T0),
    "INVALID_CLIENT_REQUEST",
    "Must specify either `clientId` or `orderId`",
  );
  assert.equal(ex.executeOrder("alice", req, T0).status, "New");
});

Deno.test("validation errors carry Backpack codes and messages", () => {
  const { ex } = quiet();
  const base = { symbol: P, side: "Bid", orderType: "Limit", price: "100", quantity: "1" } as const;
  throwsSim(() => ex.executeOrder("alice", { ...base, symbol: "NOPE_USDC" }, T0), "INVALID_MARKET");
  throwsSim(
    () => ex.executeOrder("alice", { ...base, price: "100.001" }, T0),
    "INVALID_CLIENT_REQUEST",
    "Price decimal too long",
  );
  throwsSim(
    () => ex.executeOrder("alice", { ...base, quantity: "1.001" }, T0),
    "INVALID_CLIENT_REQUEST",
    "Quantity decimal too long",
  );
  throwsSim(() => ex.executeOrder("alice", { ...base, quantity: "0" }, T0), "INVALID_QUANTITY");
  throwsSim(
    () => ex.executeOrder("alice", { ...base, price: "1000" }, T0),
    "INVALID_PRICE",
    "Price is too far from the last active price",
  );
  throwsSim(
    () => ex.executeOrder("alice", { symbol: P, side: "Bid", orderType: "Market" }, T0),
    "INVALID_CLIENT_REQUEST",
    "Market orders must specify a `quantity` or `quoteQuantity`",
  );
  throwsSim(
    () => ex.executeOrder("alice", { ...base, triggerPrice: "140" }, T0),
    "INVALID_CLIENT_REQUEST",
    "Must specify both `triggerPrice` and `triggerQuantity` or neither",
  );
  throwsSim(
    () => ex.executeOrder("alice", { ...base, clientId: 2 ** 32 }, T0),
    "INVALID_CLIENT_REQUEST",
  );
  throwsSim(
    () => ex.executeOrder("alice", { ...base, symbol: S, reduceOnly: true }, T0),
    "INVALID_ORDER",
  );
  throwsSim(
    () => ex.executeOrder("alice", { ...base, symbol: S, quantity: "1000" }, T0),
    "INSUFFICIENT_FUNDS",
  );
  throwsSim(
    () => ex.executeOrder("alice", { ...base, quantity: "100000" }, T0),
    "INSUFFICIENT_MARGIN",
  );
  const batch = ex.executeBatch("alice", [base, { ...base, price: "1.001" }], T0);
  assert.equal((batch[0] as { status: string }).status, "New");
  assert.equal((batch[1] as { code: string }).code, "INVALID_CLIENT_REQUEST");
});
