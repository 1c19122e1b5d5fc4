/** Liquidation: an account below maintenance margin is closed through the book, then the backstop. */
import assert from "node:assert/strict";
import { limit, market, quiet, T0 } from "./helpers.ts";

Deno.test("liquidation closes an underwater long via the book and the backstop", () => {
  const { ex, events } = quiet();
  const PERP = "SOL_USDC_PERP";
  limit(ex, "carol", PERP, "Ask", "150", "10");
  market(ex, "alice", PERP, "Bid", { quantity: "10" });
  limit(ex, "carol", PERP, "Bid", "140", "4");
  limit(ex, "alice", PERP, "Ask", "170", "1");
  assert.equal(ex.positions("alice")[0]!.netQuantity, "10");
  // withdraw all free collateral: equity is now ~0 against a maintenance requirement of ~20 USDC
  ex.transfer("alice", "USDC", `-${ex.balances("alice").USDC!.available}`, T0);
  ex.transfer("alice", "SOL", "-100", T0);
  events.length = 0;
  ex.advance(T0 + 1000);

  assert.deepEqual(ex.positions("alice"), []);
  assert.deepEqual(ex.openOrders("alice"), [], "open orders are cancelled first");
  const fills = ex.fills("alice", { sortDirection: "Asc" }).filter((f) => f.side === "Ask");
  assert.deepEqual(
    fills.map((f) => [f.systemOrderType, f.quantity, f.price, f.fee]),
    [
      ["LiquidatePositionOnBook", "4", "140", "0"],
      ["LiquidatePositionOnBackstop", "6", fills[1]!.price, "0"],
    ],
  );
  const liquidation = events.find((e) => e.type === "liquidation");
  assert.ok(liquidation !== undefined && liquidation.type === "liquidation");
  assert.equal(liquidation.side, "Ask");
  assert.equal(liquidation.quantity, "10");
  assert.ok(events.some((e) => e.type === "positionUpdate" && e.event === "positionClosed"));
  assert.ok(
    events.some((e) =>
      e.type === "orderUpdate" && e.accountId === "alice" && e.event === "orderCancelled"
    ),
  );
  const [record] = ex.positionHistory("alice", { state: "Closed" });
  assert.equal(record!.liquidated, "10");
  assert.equal(record!.closedVolume, "10");
  const sources = ex.settlementHistory("alice").map((s) => s.source);
  assert.ok(sources.includes("RealizePnl") && sources.includes("TradingFees"));
  assert.equal(ex.positions("carol")[0]!.netQuantity, "-6", "carol keeps the unliquidated part");
});

Deno.test("a healthy account is not liquidated", () => {
  const { ex, events } = quiet();
  const PERP = "SOL_USDC_PERP";
  limit(ex, "carol", PERP, "Ask", "150", "1");
  market(ex, "alice", PERP, "Bid", { quantity: "1" });
  ex.advance(T0 + 1000);
  assert.equal(ex.positions("alice")[0]!.netQuantity, "1");
  assert.ok(!events.some((e) => e.type === "liquidation"));
});
