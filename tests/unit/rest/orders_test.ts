import assert from "node:assert/strict";
import type { SignParams } from "../../../src/auth/signing_string.ts";
import {
  InvalidInputError,
  NotFoundError,
  OrderOutcomeUnknownError,
  UnsupportedError,
} from "../../../src/error_classes.ts";
import type { ExecuteOrderParams } from "../../../src/orders/validate_order.ts";
import { cancelOpenOrders, cancelOrder } from "../../../src/rest/order_cancel.ts";
import { executeOrder, executeOrders } from "../../../src/rest/order_execute.ts";
import { getOpenOrders, getOrder } from "../../../src/rest/order_query.ts";
import { fixtureJson } from "../schema/fixtures.ts";
import { assertSigned, outcome, pathAndQuery } from "../orders/support.ts";
import { fakeFetch, json, type Seen } from "./support.ts";

const DUPLICATE = await fixtureJson("rest-error-client-id-exists.ccxt.json");
const MARKETS = await fixtureJson("rest-markets.ccxt.json");
const FILLED = await fixtureJson("rest-order-market-filled.ccxt.json");
const OPEN = await fixtureJson("rest-open-orders.ccxt.json") as ReadonlyArray<unknown>;

/** A fake exchange: markets from the fixture, everything else answered by `respond`. */
const exchange = (respond: (request: Seen) => Response = () => json(OPEN[0])) =>
  fakeFetch((request) =>
    new URL(request.url).pathname === "/api/v1/markets" ? json(MARKETS) : respond(request)
  );

const orderRequests = (seen: ReadonlyArray<Seen>): ReadonlyArray<Seen> =>
  seen.filter((r) => new URL(r.url).pathname !== "/api/v1/markets");

const limit: ExecuteOrderParams = {
  symbol: "SOL_USDC",
  side: "Bid",
  orderType: "Limit",
  price: "100.5",
  quantity: "2",
  clientId: 77,
};

Deno.test("executeOrder: JSON strings for decimals, signed orderExecute, decoded Limit order", async () => {
  const { seen, fetch } = exchange();
  const result = await outcome(executeOrder({ ...limit, postOnly: true }), { fetch });
  assert.ok(result.ok);
  assert.equal(result.value.orderType, "Limit");
  assert.equal(result.value.id, "4228978330");
  const [post] = orderRequests(seen);
  assert.equal(post.method, "POST");
  assert.equal(pathAndQuery(post), "/api/v1/order");
  assert.equal(
    post.body,
    '{"symbol":"SOL_USDC","side":"Bid","orderType":"Limit","price":"100.5","quantity":"2","clientId":77,"postOnly":true}',
  );
  await assertSigned(post, "orderExecute", { ...limit, postOnly: true });
  assert.equal(post.headers.get("X-Broker-Id"), null);
});

Deno.test("executeOrder: the cache resolves other symbol forms; the wire gets the market's symbol", async () => {
  const { seen, fetch } = exchange(() => json(FILLED));
  const result = await outcome(
    executeOrder({ symbol: "SOL-USDC-PERP", side: "Ask", orderType: "Market", quantity: "1" }),
    { fetch },
  );
  assert.ok(result.ok && result.value.orderType === "Market");
  assert.equal(JSON.parse(orderRequests(seen)[0].body ?? "").symbol, "SOL_USDC_PERP");
});

Deno.test("brokerId: header only when configured, body field only when given", async () => {
  const plain = exchange();
  await outcome(executeOrder(limit), { fetch: plain.fetch });
  const [noBroker] = orderRequests(plain.seen);
  assert.equal(noBroker.headers.get("X-Broker-Id"), null);
  assert.equal(noBroker.body?.includes("brokerId"), false);

  const configured = exchange();
  await outcome(executeOrder(limit), { fetch: configured.fetch, brokerId: 1400 });
  assert.equal(orderRequests(configured.seen)[0].headers.get("X-Broker-Id"), "1400");

  const inBody = exchange();
  await outcome(executeOrder({ ...limit, brokerId: 7 }), { fetch: inBody.fetch });
  const [withField] = orderRequests(inBody.seen);
  assert.equal(JSON.parse(withField.body ?? "").brokerId, 7);
  assert.equal(withField.headers.get("X-Broker-Id"), null);
  await assertSigned(withField, "orderExecute", { ...limit, brokerId: 7 });

  const batch = exchange(() => json([{ operation: "Ok", ...(OPEN[0] as object) }]));
  await outcome(executeOrders([limit]), { fetch: batch.fetch, brokerId: 9 });
  assert.equal(orderRequests(batch.seen)[0].headers.get("X-Broker-Id"), "9");
  const cancel = exchange();
  await outcome(cancelOrder({ symbol: "SOL_USDC", orderId: "1" }), {
    fetch: cancel.fetch,
    brokerId: 9,
  });
  assert.equal(cancel.seen[0].headers.get("X-Broker-Id"), null);
});

Deno.test("every validation failure is typed and sends nothing at all", async () => {
  const cases: ReadonlyArray<[unknown, string, string]> = [
    [{ ...limit, price: undefined }, "InvalidInputError", "price"],
    [{ ...limit, quantity: 2 }, "InvalidInputError", "quantity"],
    [
      { ...limit, orderType: "Market", price: undefined, quantity: undefined },
      "InvalidInputError",
      "quantity",
    ],
    [
      { ...limit, orderType: "Market", price: undefined, quoteQuantity: "5" },
      "InvalidInputError",
      "quoteQuantity",
    ],
    [{ ...limit, triggerPrice: "99" }, "InvalidInputError", "triggerQuantity"],
    [{ ...limit, postOnly: true, timeInForce: "IOC" }, "InvalidInputError", "postOnly"],
    [{ ...limit, clientId: 2 ** 32 }, "InvalidInputError", "clientId"],
    [{ ...limit, stopLossLimitPrice: "90" }, "InvalidInputError", "stopLossTriggerPrice"],
    [{ ...limit, reduceOnly: "true" }, "InvalidInputError", "reduceOnly"],
    [{ ...limit, positionSide: "LONG" }, "UnsupportedError", "hedge mode"],
  ];
  const { seen, fetch } = exchange();
  for (const [params, tag, field] of cases) {
    const result = await outcome(executeOrder(params as ExecuteOrderParams), { fetch });
    assert.ok(!result.ok, JSON.stringify(params));
    assert.equal(result.error._tag, tag);
    if (result.error instanceof InvalidInputError) {
      assert.equal(result.error.field, field);
    }
    if (result.error instanceof UnsupportedError) assert.equal(result.error.feature, field);
  }
  assert.equal(seen.length, 0, "not even the market list was fetched");
});

Deno.test("market rules: unknown symbol, off-tick price, off-step or too small quantity → no order sent", async () => {
  const cases: ReadonlyArray<[ExecuteOrderParams, string, InvalidInputError["reason"]]> = [
    [{ ...limit, symbol: "DOGE_USDC" }, "symbol", "UnknownSymbol"],
    [{ ...limit, price: "100.505" }, "price", "Precision"],
    [{ ...limit, quantity: "0.015" }, "quantity", "Precision"],
    [{ ...limit, symbol: "SOL_USDC_PERP", price: "2000" }, "price", "OutOfRange"],
    [{ ...limit, takeProfitTriggerPrice: "120.001" }, "takeProfitTriggerPrice", "Precision"],
  ];
  const { seen, fetch } = exchange();
  for (const [params, field, reason] of cases) {
    const result = await outcome(executeOrder(params), { fetch });
    assert.ok(!result.ok && result.error instanceof InvalidInputError, JSON.stringify(params));
    assert.equal(result.error.field, field);
    assert.equal(result.error.reason, reason);
  }
  assert.deepEqual(orderRequests(seen), []);
});

Deno.test("HTTP 202 → OrderOutcomeUnknownError carrying the clientId", async () => {
  const { fetch } = exchange(() => json({}, 202));
  const single = await outcome(executeOrder(limit), { fetch });
  assert.ok(!single.ok && single.error instanceof OrderOutcomeUnknownError);
  assert.equal(single.error.clientId, 77);
  assert.equal(single.error.status, 202);
  const cancel = await outcome(cancelOrder({ symbol: "SOL_USDC", clientId: 5 }), { fetch });
  assert.ok(!cancel.ok && cancel.error instanceof OrderOutcomeUnknownError);
  assert.equal(cancel.error.clientId, 5);
  const cancelAll = await outcome(cancelOpenOrders({ symbol: "SOL_USDC" }), { fetch });
  assert.ok(!cancelAll.ok && cancelAll.error instanceof OrderOutcomeUnknownError);
  const batch = await outcome(executeOrders([limit]), { fetch });
  assert.ok(!batch.ok && batch.error instanceof OrderOutcomeUnknownError);
  assert.equal(batch.error.clientId, 77);
});

Deno.test("executeOrders: one signed segment per element, aligned Ok/Err results", async () => {
  const batchBody = await fixtureJson("rest-order-batch.request.docs.json") as ReadonlyArray<
    ExecuteOrderParams
  >;
  const { seen, fetch } = exchange(() =>
    json([
      { operation: "Ok", ...(OPEN[0] as object) },
      { operation: "Err", code: "INSUFFICIENT_FUNDS", message: "Insufficient funds" },
    ])
  );
  const result = await outcome(executeOrders(batchBody), { fetch });
  assert.ok(result.ok);
  assert.deepEqual(result.value.map((r) => r.ok), [true, false]);
  const rejected = result.value[1];
  assert.deepEqual(rejected.ok ? undefined : rejected.error, {
    code: "INSUFFICIENT_FUNDS",
    message: "Insufficient funds",
  });
  const [post] = orderRequests(seen);
  assert.equal(pathAndQuery(post), "/api/v1/orders");
  assert.deepEqual(JSON.parse(post.body ?? ""), batchBody);
  await assertSigned(post, "orderExecute", batchBody as unknown as ReadonlyArray<SignParams>);
});

Deno.test("executeOrders: every element is validated first; empty batch refused", async () => {
  const { seen, fetch } = exchange();
  const bad = await outcome(executeOrders([limit, { ...limit, price: "1.001" }]), { fetch });
  assert.ok(!bad.ok && bad.error instanceof InvalidInputError);
  assert.equal(bad.error.field, "orders[1].price");
  const shape = await outcome(executeOrders([limit, { ...limit, side: "Buy" as never }]), {
    fetch,
  });
  assert.ok(!shape.ok && shape.error instanceof InvalidInputError);
  assert.equal(shape.error.field, "orders[1].side");
  const empty = await outcome(executeOrders([]), { fetch });
  assert.ok(!empty.ok && empty.error instanceof InvalidInputError);
  assert.equal(empty.error.field, "orders");
  assert.deepEqual(orderRequests(seen), []);
});

Deno.test("getOrder / cancelOrder: exactly one of orderId and clientId", async () => {
  const { seen, fetch } = exchange();
  for (
    const params of [{ symbol: "SOL_USDC" }, { symbol: "SOL_USDC", orderId: "1", clientId: 2 }]
  ) {
    for (const effect of [getOrder(params), cancelOrder(params)]) {
      const result = await outcome(effect, { fetch });
      assert.ok(!result.ok && result.error instanceof InvalidInputError);
    }
  }
  const noSymbol = await outcome(getOrder({ orderId: "1" } as never), { fetch });
  assert.ok(!noSymbol.ok && noSymbol.error instanceof InvalidInputError);
  assert.equal(noSymbol.error.field, "symbol");
  const badCancelAll = await outcome(
    cancelOpenOrders({ symbol: "SOL_USDC", orderType: "All" as never }),
    { fetch },
  );
  assert.ok(!badCancelAll.ok && badCancelAll.error instanceof InvalidInputError);
  assert.equal(seen.length, 0);
});

Deno.test("getOrder, getOpenOrders, cancelOrder, cancelOpenOrders: wire shapes and instructions", async () => {
  const { seen, fetch } = exchange((request) =>
    request.method === "GET" && new URL(request.url).pathname === "/api/v1/order"
      ? json(OPEN[0])
      : request.method === "DELETE" && new URL(request.url).pathname === "/api/v1/order"
      ? json({ ...(OPEN[0] as object), status: "Cancelled" })
      : json(OPEN)
  );
  const byClientId = await outcome(getOrder({ symbol: "ETH_USDC", clientId: 123456789 }), {
    fetch,
  });
  assert.ok(byClientId.ok && byClientId.value.clientId === 123456789);
  const open = await outcome(getOpenOrders({ marketType: "SPOT" }), { fetch });
  assert.ok(open.ok && open.value.length === 1);
  const cancelled = await outcome(cancelOrder({ symbol: "ETH_USDC", orderId: "4228978330" }), {
    fetch,
  });
  assert.ok(cancelled.ok && cancelled.value.status === "Cancelled");
  const all = await outcome(
    cancelOpenOrders({ symbol: "ETH_USDC", orderType: "RestingLimitOrder" }),
    {
      fetch,
    },
  );
  assert.ok(all.ok && all.value[0].orderType === "Limit");
  assert.deepEqual(seen.map((r) => `${r.method} ${pathAndQuery(r)} ${r.body ?? ""}`), [
    "GET /api/v1/order?clientId=123456789&symbol=ETH_USDC ",
    "GET /api/v1/orders?marketType=SPOT ",
    'DELETE /api/v1/order {"symbol":"ETH_USDC","orderId":"4228978330"}',
    'DELETE /api/v1/orders {"symbol":"ETH_USDC","orderType":"RestingLimitOrder"}',
  ]);
  await assertSigned(seen[0], "orderQuery", { symbol: "ETH_USDC", clientId: 123456789 });
  await assertSigned(seen[1], "orderQueryAll", { marketType: "SPOT" });
  await assertSigned(seen[2], "orderCancel", { symbol: "ETH_USDC", orderId: "4228978330" });
  await assertSigned(seen[3], "orderCancelAll", {
    symbol: "ETH_USDC",
    orderType: "RestingLimitOrder",
  });
});

Deno.test("error bodies map to classes: not found, duplicate clientId", async () => {
  const notFound = exchange(() => json({ code: "RESOURCE_NOT_FOUND", message: "Not Found" }, 404));
  const missing = await outcome(getOrder({ symbol: "SOL_USDC", orderId: "1" }), {
    fetch: notFound.fetch,
  });
  assert.ok(!missing.ok && missing.error instanceof NotFoundError);
  const dup = exchange(() => json(DUPLICATE, 400));
  const duplicate = await outcome(executeOrder(limit), { fetch: dup.fetch });
  assert.ok(!duplicate.ok && duplicate.error._tag === "ApiError");
  assert.equal(duplicate.error.code, "INVALID_ORDER");
});
