/** The order lifecycle state machine: out-of-order and duplicate news, unknown outcomes. */
import assert from "node:assert/strict";
import { Decimal } from "../../../src/decimal.ts";
import { ApiError, OrderOutcomeUnknownError } from "../../../src/error_classes.ts";
import { type OrderObservation, OrderTracker } from "../../../src/trading/order_tracker.ts";
import type { ConnectorEvent } from "../../../src/trading/event_types.ts";
import type { PlaceOrderParams } from "../../../src/trading/order_types.ts";

const T = new Date(1_700_000_000_000);
const params: PlaceOrderParams = {
  symbol: "SOL_USDC_PERP",
  side: "Bid",
  orderType: "Limit",
  price: "100",
  quantity: "2",
};
const obs = (status: string, executed: string, extra: Partial<OrderObservation> = {}) =>
  ({
    orderId: "111",
    clientId: 7,
    symbol: "SOL_USDC_PERP",
    status,
    executedQuantity: new Decimal(executed),
    executedQuoteQuantity: new Decimal(executed).times(100),
    side: "Bid",
    orderType: "Limit",
    price: new Decimal(100),
    quantity: new Decimal(2),
    ...extra,
  }) satisfies OrderObservation;
const types = (events: ReadonlyArray<ConnectorEvent>) => events.map((e) => e.type);
const unknownError = new OrderOutcomeUnknownError({
  endpoint: "POST /api/v1/order",
  status: 202,
  clientId: 7,
});

Deno.test("tracker: REST reply then stream updates walk PendingNew → Open → PartiallyFilled → Filled", () => {
  const tracker = new OrderTracker();
  assert.equal(tracker.register(params, 7, T).state, "PendingNew");
  assert.deepEqual(types(tracker.observe(obs("New", "0"), T)), ["orderCreated"]);
  assert.equal(tracker.byClientId(7)?.state, "Open");
  assert.equal(tracker.byOrderId("111")?.clientId, 7);
  assert.deepEqual(types(tracker.observe(obs("PartiallyFilled", "0.5"), T)), [
    "orderPartiallyFilled",
  ]);
  assert.deepEqual(types(tracker.observe(obs("PartiallyFilled", "1.5"), T)), [
    "orderPartiallyFilled",
  ]);
  assert.deepEqual(types(tracker.observe(obs("Filled", "2"), T)), ["orderFilled"]);
  const order = tracker.byClientId(7)!;
  assert.equal(order.state, "Filled");
  assert.equal(order.executedQuantity.toString(), "2");
});

Deno.test("tracker: a fill update before the REST reply; the late New reply changes nothing", () => {
  const tracker = new OrderTracker();
  tracker.register(params, 7, T);
  assert.deepEqual(types(tracker.observe(obs("Filled", "2"), T)), ["orderCreated", "orderFilled"]);
  assert.deepEqual(tracker.observe(obs("New", "0"), T), []);
  assert.deepEqual(tracker.observe(obs("PartiallyFilled", "1"), T), []);
  const order = tracker.byClientId(7)!;
  assert.equal(order.state, "Filled");
  assert.equal(order.executedQuantity.toString(), "2");
});

Deno.test("tracker: duplicate updates emit nothing; a final state is never left", () => {
  const tracker = new OrderTracker();
  tracker.register(params, 7, T);
  tracker.observe(obs("New", "0"), T);
  assert.deepEqual(tracker.observe(obs("New", "0"), T), []);
  assert.deepEqual(types(tracker.observe(obs("Cancelled", "0"), T)), ["orderCancelled"]);
  assert.deepEqual(tracker.observe(obs("Cancelled", "0"), T), []);
  assert.deepEqual(tracker.observe(obs("Filled", "2"), T), []);
  assert.equal(tracker.byClientId(7)?.state, "Cancelled");
});

Deno.test("tracker: post-only expiry and a rejected placement", () => {
  const tracker = new OrderTracker();
  tracker.register({ ...params, postOnly: true }, 7, T);
  assert.deepEqual(
    types(tracker.observe(obs("Expired", "0", { expiryReason: "PostOnlyTaker" }), T)),
    ["orderCreated", "orderExpired"],
  );
  assert.equal(tracker.byClientId(7)?.expiryReason, "PostOnlyTaker");
  tracker.register(params, 8, T);
  const error = new ApiError({
    endpoint: "POST /api/v1/order",
    status: 400,
    code: "INVALID_ORDER",
    detail: "no",
  });
  const events = tracker.failed(8, error, T);
  assert.deepEqual(types(events), ["orderFailed"]);
  assert.equal(events[0]?.type === "orderFailed" && events[0].error, error);
  assert.equal(tracker.byClientId(8)?.state, "Failed");
  assert.deepEqual(tracker.failed(8, error, T), []);
});

Deno.test("tracker: unknown outcome resolved as open, as filled, or not found → Failed", () => {
  const tracker = new OrderTracker();
  for (const id of [7, 8, 9]) tracker.register(params, id, T);
  for (const id of [7, 8, 9]) {
    const error = new OrderOutcomeUnknownError({ ...unknownError, clientId: id });
    assert.deepEqual(types(tracker.unknown(id, error, T)), ["orderOutcomeUnknown"]);
    assert.equal(tracker.byClientId(id)?.state, "Unknown");
  }
  const open = tracker.observe(obs("New", "0", { clientId: 7, orderId: "1" }), T);
  assert.deepEqual(types(open), ["orderCreated", "orderReconciled"]);
  assert.equal(open[1]?.type === "orderReconciled" && open[1].resolution, "open");
  assert.equal(tracker.byClientId(7)?.error, undefined);
  const filled = tracker.observe(obs("Filled", "2", { clientId: 8, orderId: "2" }), T);
  assert.deepEqual(types(filled), ["orderCreated", "orderReconciled", "orderFilled"]);
  assert.equal(filled[1]?.type === "orderReconciled" && filled[1].resolution, "filled");
  const missing = tracker.notFound(9, T);
  assert.deepEqual(types(missing), ["orderReconciled", "orderFailed"]);
  assert.equal(missing[0]?.type === "orderReconciled" && missing[0].resolution, "notFound");
  assert.equal(tracker.byClientId(9)?.state, "Failed");
  assert.ok(tracker.byClientId(9)?.error instanceof OrderOutcomeUnknownError);
  assert.deepEqual(tracker.notFound(7, T), []);
});

Deno.test("tracker: an order presumed Failed (found nowhere) that lands later is revised", () => {
  const tracker = new OrderTracker();
  tracker.register(params, 7, T);
  tracker.unknown(7, unknownError, T);
  assert.deepEqual(types(tracker.notFound(7, T)), ["orderReconciled", "orderFailed"]);
  const landed = tracker.observe(obs("PartiallyFilled", "1"), T);
  assert.deepEqual(types(landed), ["orderCreated", "orderReconciled", "orderPartiallyFilled"]);
  assert.equal(landed[1]?.type === "orderReconciled" && landed[1].resolution, "open");
  assert.equal(tracker.byClientId(7)?.state, "PartiallyFilled");
  assert.equal(tracker.byClientId(7)?.error, undefined);
  assert.deepEqual(types(tracker.observe(obs("Filled", "2"), T)), ["orderFilled"]);
});

Deno.test("tracker: a rejected placement stays Failed whatever arrives later", () => {
  const tracker = new OrderTracker();
  tracker.register(params, 7, T);
  const rejected = new ApiError({
    endpoint: "POST /api/v1/order",
    status: 400,
    code: "INVALID_ORDER",
    detail: "no",
  });
  tracker.failed(7, rejected, T);
  assert.deepEqual(tracker.observe(obs("New", "0"), T), []);
  assert.equal(tracker.byClientId(7)?.state, "Failed");
  assert.equal(tracker.byClientId(7)?.error, rejected);
  assert.equal(tracker.byOrderId("111"), undefined, "the order id is not this order's");
});

Deno.test("tracker: a stream update resolving an unknown order before the lookup wins", () => {
  const tracker = new OrderTracker();
  tracker.register(params, 7, T);
  tracker.observe(obs("New", "0"), T);
  assert.deepEqual(tracker.unknown(7, unknownError, T), []);
  assert.equal(tracker.byClientId(7)?.state, "Open");
});

Deno.test("tracker: orders placed elsewhere are tracked by order id", () => {
  const tracker = new OrderTracker();
  const events = tracker.observe(obs("New", "0", { clientId: undefined, orderId: "55" }), T);
  assert.deepEqual(types(events), ["orderCreated"]);
  assert.equal(tracker.byOrderId("55")?.state, "Open");
  assert.equal(tracker.all().length, 1);
});
