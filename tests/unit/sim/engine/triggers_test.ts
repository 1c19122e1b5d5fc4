import assert from "node:assert/strict";
import { Decimal } from "decimal.js";
import { limit, market, quiet, T0 } from "./helpers.ts";

const P = "SOL_USDC_PERP";

Deno.test("a MarkPrice trigger stays pending until the mark crosses, then becomes a live order", () => {
  const { ex, events } = quiet({ volatility: 0.01 });
  limit(ex, "bob", P, "Ask", "300", "5");
  const trigger = market(ex, "alice", P, "Bid", {
    triggerPrice: "151",
    triggerQuantity: "1",
    triggerBy: "MarkPrice",
  });
  assert.equal(trigger.status, "TriggerPending");
  assert.equal(trigger.quantity, "1");
  assert.equal(
    ex.getOpenOrder("alice", { symbol: P, orderId: trigger.id }).status,
    "TriggerPending",
  );
  let t = T0;
  for (let i = 0; i < 500; i++) {
    t += 1000;
    ex.advance(t);
    const mark = new Decimal(ex.markPrices().find((m) => m.symbol === P)!.markPrice);
    const open = ex.openOrders("alice", P).length === 1;
    assert.equal(open, mark.lt(151), `step ${i}: mark ${mark}`);
    if (!open) break;
  }
  const [done] = ex.orderHistory("alice", { orderId: trigger.id });
  assert.equal(done.status, "Filled");
  assert.equal(done.triggeredAt, t);
  assert.equal(done.executedQuoteQuantity, "300");
  const kinds = events.flatMap((e) =>
    e.type === "orderUpdate" && e.accountId === "alice" ? [e.event] : []
  );
  assert.deepEqual(kinds, ["triggerPlaced", "orderAccepted", "orderFill"]);
});

Deno.test("a LastPrice trigger fires on a trade; percentage quantity uses the position", () => {
  const { ex } = quiet();
  limit(ex, "bob", P, "Ask", "150", "4");
  market(ex, "alice", P, "Bid", { quantity: "4" });
  limit(ex, "bob", P, "Bid", "140", "10");
  const stop = market(ex, "alice", P, "Ask", {
    triggerPrice: "145",
    triggerQuantity: "50%",
    reduceOnly: true,
  });
  assert.equal(stop.quantity, "0");
  assert.equal(stop.triggerQuantity, "50%");
  // carol trades at 145 → last price 145 ≤ trigger
  limit(ex, "carol", P, "Ask", "145", "1");
  market(ex, "bob", P, "Bid", { quantity: "1" });
  const [fired] = ex.orderHistory("alice", { orderId: stop.id });
  assert.equal(fired.quantity, "2");
  assert.equal(fired.status, "Filled");
  assert.equal(ex.positions("alice")[0].netQuantity, "2");
});

Deno.test("attached TP/SL create linked reduce-only children; one firing cancels the other", () => {
  const { ex, events } = quiet();
  limit(ex, "bob", P, "Ask", "150", "2");
  const parent = market(ex, "alice", P, "Bid", {
    quantity: "2",
    takeProfitTriggerPrice: "160",
    stopLossTriggerPrice: "140",
    stopLossLimitPrice: "139",
  });
  assert.equal(parent.status, "Filled");
  assert.equal(parent.takeProfitTriggerPrice, "160");
  const children = ex.openOrders("alice", P);
  assert.equal(children.length, 2);
  for (const child of children) {
    assert.equal(child.relatedOrderId, parent.id);
    assert.equal(child.status, "TriggerPending");
    assert.equal(child.side, "Ask");
    assert.equal(child.reduceOnly, true);
    assert.equal(child.triggerQuantity, "2");
  }
  const tp = children.find((c) => c.triggerPrice === "160")!;
  const sl = children.find((c) => c.triggerPrice === "140")!;
  assert.equal(tp.orderType, "Market");
  assert.equal(sl.orderType, "Limit");
  assert.equal(sl.price, "139");
  // a trade at 160 fires the TP (market sell into bob's bid) and cancels the SL
  limit(ex, "bob", P, "Bid", "160", "3");
  limit(ex, "carol", P, "Ask", "160", "1");
  assert.deepEqual(ex.openOrders("alice", P), []);
  assert.deepEqual(ex.positions("alice"), []);
  assert.equal(ex.orderHistory("alice", { orderId: tp.id })[0].status, "Filled");
  assert.equal(ex.orderHistory("alice", { orderId: sl.id })[0].status, "Cancelled");
  const placed = events.filter((e) => e.type === "orderUpdate" && e.event === "triggerPlaced");
  assert.equal(placed.length, 2);
});

Deno.test("cancelAll by order type separates resting and conditional orders", () => {
  const { ex } = quiet();
  limit(ex, "alice", P, "Bid", "100", "1");
  market(ex, "alice", P, "Bid", { triggerPrice: "170", triggerQuantity: "1" });
  const conditional = ex.cancelAll("alice", { symbol: P, orderType: "ConditionalOrder" }, T0);
  assert.deepEqual(conditional.map((o) => o.status), ["Cancelled"]);
  assert.equal(conditional[0].triggerPrice, "170");
  assert.equal(ex.account("alice").limitOrders, 1);
  assert.equal(ex.cancelAll("alice", { symbol: P }, T0).length, 1);
  assert.deepEqual(ex.openOrders("alice"), []);
});
