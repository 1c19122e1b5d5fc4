/** Order endpoints against the local simulator: real signing, routing, matching and error bodies. */
import assert from "node:assert/strict";
import {
  ApiError,
  InsufficientFundsError,
  NotFoundError,
  OrderOutcomeUnknownError,
  UnsupportedError,
} from "../../../src/error_classes.ts";
import { createClient } from "../../../src/client/create_client.ts";
import { makeClientIdGenerator } from "../../../src/orders/client_id.ts";
import type { ExecuteOrderParams } from "../../../src/orders/validate_order.ts";
import { cancelOpenOrders, cancelOrder } from "../../../src/rest/order_cancel.ts";
import { executeOrder, executeOrders } from "../../../src/rest/order_execute.ts";
import { getOpenOrders, getOrder } from "../../../src/rest/order_query.ts";
import type { Order } from "../../../src/schema/order.ts";
import { type Simulator, startSimulator } from "../../../src/sim/mod.ts";
import { outcome } from "../orders/support.ts";
import type { BackpackOptions } from "../../../src/rest/layer.ts";

const withSim = async (
  run: (options: BackpackOptions, sim: Simulator) => Promise<void>,
): Promise<void> => {
  const sim = await startSimulator({ port: 0, tickMs: 0 });
  try {
    await run({ baseUrl: sim.restUrl, apiSecret: sim.accounts[0].apiSecret }, sim);
  } finally {
    await sim.close();
  }
};

const placed = async (params: ExecuteOrderParams, options: BackpackOptions): Promise<Order> => {
  const result = await outcome(executeOrder(params), options);
  if (!result.ok) throw new Error(`order refused: ${result.error.message}`);
  return result.value;
};

const ids = makeClientIdGenerator();
const bid = (price: string, extra: Partial<ExecuteOrderParams> = {}): ExecuteOrderParams => ({
  symbol: "SOL_USDC_PERP",
  side: "Bid",
  orderType: "Limit",
  price,
  quantity: "0.5",
  clientId: ids.next(),
  ...extra,
});

Deno.test("sim: limit, post-only, IOC, FOK, market and quote-market orders", async () => {
  await withSim(async (options) => {
    const resting = await placed(bid("140", { postOnly: true }), options);
    assert.equal(resting.orderType, "Limit");
    assert.equal(resting.status, "New");
    assert.ok(resting.orderType === "Limit" && resting.postOnly);
    const ioc = await placed(bid("140", { timeInForce: "IOC" }), options);
    assert.equal(ioc.status, "Expired");
    const fok = await placed(bid("140", { timeInForce: "FOK" }), options);
    assert.equal(fok.status, "Expired");
    const market = await placed(
      { symbol: "SOL_USDC", side: "Bid", orderType: "Market", quantity: "1" },
      options,
    );
    assert.equal(market.status, "Filled");
    assert.equal(market.executedQuantity.toFixed(), "1");
    const byQuote = await placed(
      { symbol: "SOL_USDC", side: "Ask", orderType: "Market", quoteQuantity: "50" },
      options,
    );
    assert.equal(byQuote.status, "Filled");
    assert.ok(byQuote.executedQuoteQuantity.gt(0));
    const takerPostOnly = await outcome(executeOrder(bid("200", { postOnly: true })), options);
    assert.ok(!takerPostOnly.ok && takerPostOnly.error instanceof ApiError);
    assert.equal(takerPostOnly.error.code, "INVALID_ORDER");
  });
});

Deno.test("sim: reduce-only, trigger and TP/SL orders", async () => {
  await withSim(async (options) => {
    await placed(
      { symbol: "SOL_USDC_PERP", side: "Bid", orderType: "Market", quantity: "2" },
      options,
    );
    const reduce = await placed(
      {
        symbol: "SOL_USDC_PERP",
        side: "Ask",
        orderType: "Limit",
        price: "170",
        quantity: "1",
        reduceOnly: true,
      },
      options,
    );
    assert.equal(reduce.reduceOnly, true);
    const trigger = await placed(
      {
        symbol: "SOL_USDC_PERP",
        side: "Ask",
        orderType: "Market",
        triggerPrice: "120",
        triggerQuantity: "50%",
        triggerBy: "LastPrice",
        reduceOnly: true,
      },
      options,
    );
    assert.equal(trigger.status, "TriggerPending");
    assert.equal(trigger.triggerPrice?.toFixed(), "120");
    assert.equal(trigger.triggerQuantity, "50%");
    const bracket = await placed(
      bid("140", {
        takeProfitTriggerPrice: "180",
        stopLossTriggerPrice: "120",
        stopLossLimitPrice: "119.5",
      }),
      options,
    );
    assert.equal(bracket.takeProfitTriggerPrice?.toFixed(), "180");
    assert.equal(bracket.stopLossLimitPrice?.toFixed(), "119.5");
    const conditional = await outcome(
      cancelOpenOrders({ symbol: "SOL_USDC_PERP", orderType: "ConditionalOrder" }),
      options,
    );
    assert.ok(conditional.ok);
    assert.ok(conditional.value.some((o) => o.id === trigger.id));
    assert.ok(conditional.value.every((o) => o.id !== reduce.id));
  });
});

Deno.test("sim: query by orderId and clientId, open orders, cancel, cancel-all, then NotFound", async () => {
  await withSim(async (options) => {
    const a = await placed(bid("140"), options);
    const b = await placed(bid("139"), options);
    const byId = await outcome(getOrder({ symbol: "SOL_USDC_PERP", orderId: a.id }), options);
    assert.ok(byId.ok && byId.value.id === a.id);
    const byClientId = await outcome(
      getOrder({ symbol: "SOL_USDC_PERP", clientId: b.clientId ?? -1 }),
      options,
    );
    assert.ok(byClientId.ok && byClientId.value.id === b.id);
    const open = await outcome(getOpenOrders({ symbol: "SOL_USDC_PERP" }), options);
    assert.ok(open.ok);
    assert.deepEqual(open.value.map((o) => o.id).sort(), [a.id, b.id].sort());
    const cancelled = await outcome(
      cancelOrder({ symbol: "SOL_USDC_PERP", clientId: a.clientId ?? -1 }),
      options,
    );
    assert.ok(cancelled.ok && cancelled.value.status === "Cancelled");
    const gone = await outcome(getOrder({ symbol: "SOL_USDC_PERP", orderId: a.id }), options);
    assert.ok(!gone.ok && gone.error instanceof NotFoundError);
    const all = await outcome(cancelOpenOrders({ symbol: "SOL_USDC_PERP" }), options);
    assert.ok(all.ok);
    assert.deepEqual(all.value.map((o) => o.id), [b.id]);
    const none = await outcome(getOpenOrders(), options);
    assert.ok(none.ok && none.value.length === 0);
    const again = await outcome(cancelOrder({ symbol: "SOL_USDC_PERP", orderId: b.id }), options);
    assert.ok(!again.ok && again.error instanceof NotFoundError);
  });
});

Deno.test("sim: batch with an accepted and a rejected element (duplicate clientId)", async () => {
  await withSim(async (options) => {
    const clientId = ids.next();
    const result = await outcome(
      executeOrders([bid("140", { clientId }), bid("139", { clientId })]),
      options,
    );
    assert.ok(result.ok, result.ok ? "" : result.error.message);
    const [first, second] = result.value;
    assert.ok(first.ok && first.order.clientId === clientId);
    assert.ok(!second.ok);
    assert.equal(second.error.code, "INVALID_ORDER");
  });
});

Deno.test("sim: error bodies map to classes (duplicate clientId, insufficient funds)", async () => {
  await withSim(async (options) => {
    const order = bid("140");
    await placed(order, options);
    const duplicate = await outcome(executeOrder(order), options);
    assert.ok(!duplicate.ok && duplicate.error instanceof ApiError);
    assert.equal(duplicate.error.code, "INVALID_ORDER");
    assert.match(duplicate.error.detail, /client ID already exists/);
    const tooBig = await outcome(
      executeOrder({
        symbol: "SOL_USDC",
        side: "Bid",
        orderType: "Limit",
        price: "140",
        quantity: "10000",
      }),
      options,
    );
    assert.ok(!tooBig.ok && tooBig.error instanceof InsufficientFundsError);
  });
});

Deno.test("sim: an order answered 202 fails with OrderOutcomeUnknownError, yet was placed", async () => {
  await withSim(async (options, sim) => {
    const order = bid("140");
    sim.setFaults({ restAccepted: 1 });
    const result = await outcome(executeOrder(order), options);
    assert.ok(!result.ok && result.error instanceof OrderOutcomeUnknownError);
    assert.equal(result.error.clientId, order.clientId);
    assert.equal(result.error.status, 202);
    sim.setFaults({});
    const reconciled = await outcome(
      getOrder({ symbol: "SOL_USDC_PERP", clientId: order.clientId ?? -1 }),
      options,
    );
    assert.ok(reconciled.ok && reconciled.value.status === "New");
    assert.equal(sim.faultCounts().restAccepted, 1);
  });
});

Deno.test("sim via the Promise facade: place, list, cancel; a hedge request rejects with UnsupportedError", async () => {
  await withSim(async (options) => {
    const client = createClient({ ...options, rateLimit: false });
    try {
      const order = await client.executeOrder(bid("140"));
      assert.equal(order.status, "New");
      assert.deepEqual((await client.getOpenOrders({})).map((o) => o.id), [order.id]);
      const account = await client.getAccount();
      assert.equal(account.limitOrders, 1);
      await assert.rejects(
        client.executeOrder({ ...bid("140"), hedgeMode: true } as unknown as ExecuteOrderParams),
        (error: unknown) => error instanceof UnsupportedError && error.feature === "hedge mode",
      );
      const cancelled = await client.cancelOpenOrders({ symbol: "SOL_USDC_PERP" });
      assert.deepEqual(cancelled.map((o) => o.id), [order.id]);
      assert.deepEqual(await client.getPositions(), []);
    } finally {
      await client.close();
    }
  });
});
