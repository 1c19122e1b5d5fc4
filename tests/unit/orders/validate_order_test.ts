import assert from "node:assert/strict";
import * as Result from "effect/Result";
import { Decimal } from "../../../src/decimal.ts";
import { InvalidInputError, UnsupportedError } from "../../../src/error_classes.ts";
import {
  checkOrderForMarket,
  type ExecuteOrderParams,
  type OrderBody,
  validateOrder,
} from "../../../src/orders/validate_order.ts";
import { renderValue } from "../../../src/auth/signing_string.ts";

const limit: ExecuteOrderParams = {
  symbol: "SOL_USDC",
  side: "Bid",
  orderType: "Limit",
  price: "100.5",
  quantity: "2",
};

const bodyOf = (params: unknown): OrderBody => {
  const result = validateOrder(params as ExecuteOrderParams);
  if (Result.isFailure(result)) throw new Error(`unexpected failure: ${result.failure.message}`);
  return result.success;
};

const failure = (params: unknown, field?: string) => {
  const result = validateOrder(params as ExecuteOrderParams, field);
  if (Result.isSuccess(result)) throw new Error(`expected a failure for ${JSON.stringify(params)}`);
  return result.failure;
};

const invalid = (params: unknown, field: string, reason: InvalidInputError["reason"]) => {
  const error = failure(params);
  assert.ok(error instanceof InvalidInputError, `${error._tag}: ${error.message}`);
  assert.equal(error.field, field, error.message);
  assert.equal(error.reason, reason, error.message);
};

const rendered = (body: OrderBody): Record<string, string> =>
  Object.fromEntries(
    Object.entries(body).filter(([, v]) => v != null).map(([k, v]) => [k, renderValue(v!)]),
  );

Deno.test("a valid limit order becomes a body with plain decimal text, absent keys dropped", () => {
  const body = bodyOf({
    ...limit,
    price: "1e-7",
    quantity: new Decimal("2.50"),
    clientId: 4_294_967_295,
    postOnly: true,
    timeInForce: undefined,
  });
  assert.deepEqual(rendered(body), {
    symbol: "SOL_USDC",
    side: "Bid",
    orderType: "Limit",
    price: "0.0000001",
    quantity: "2.5",
    clientId: "4294967295",
    postOnly: "true",
  });
  assert.equal("timeInForce" in body, false);
  assert.equal("brokerId" in body, false);
});

Deno.test("every documented parameter is accepted and passed through", () => {
  const body = bodyOf({
    symbol: "SOL_USDC_PERP",
    side: "Ask",
    orderType: "Limit",
    price: "150",
    triggerPrice: "149",
    triggerQuantity: "50%",
    triggerBy: "MarkPrice",
    timeInForce: "GTC",
    postOnly: false,
    reduceOnly: true,
    clientId: 0,
    selfTradePrevention: "RejectBoth",
    takeProfitTriggerPrice: "120",
    takeProfitLimitPrice: "119",
    takeProfitTriggerBy: "LastPrice",
    stopLossTriggerPrice: "160",
    stopLossLimitPrice: "161",
    stopLossTriggerBy: "IndexPrice",
    autoLend: true,
    autoLendRedeem: false,
    autoBorrow: false,
    autoBorrowRepay: true,
    slippageTolerance: "0.5",
    slippageToleranceType: "Percent",
    brokerId: 1400,
  });
  assert.equal(Object.keys(body).length, 25);
  assert.equal(body.triggerQuantity, "50%");
  assert.equal(body.brokerId, 1400);
  assert.equal(rendered(body).stopLossLimitPrice, "161");
});

Deno.test("market orders: quantity xor quoteQuantity, no price", () => {
  const market = { symbol: "SOL_USDC", side: "Bid", orderType: "Market" };
  assert.equal(rendered(bodyOf({ ...market, quantity: "1" })).quantity, "1");
  assert.equal(rendered(bodyOf({ ...market, quoteQuantity: "25" })).quoteQuantity, "25");
  invalid(market, "quantity", "Missing");
  invalid({ ...market, quantity: "1", quoteQuantity: "25" }, "quoteQuantity", "Malformed");
  invalid({ ...market, quantity: "1", price: "10" }, "price", "Malformed");
  invalid({ ...market, quantity: "1", postOnly: true }, "postOnly", "Malformed");
});

Deno.test("limit orders need price and quantity; quoteQuantity is market-only", () => {
  invalid({ ...limit, price: undefined }, "price", "Missing");
  invalid({ ...limit, quantity: undefined }, "quantity", "Missing");
  invalid({ ...limit, quoteQuantity: "10" }, "quoteQuantity", "Malformed");
});

Deno.test("trigger orders: triggerPrice with triggerQuantity, instead of quantity", () => {
  const trigger = { ...limit, quantity: undefined, triggerPrice: "99", triggerQuantity: "1" };
  assert.equal(rendered(bodyOf(trigger)).triggerQuantity, "1");
  assert.equal(
    bodyOf({
      symbol: "X_Y",
      side: "Ask",
      orderType: "Market",
      triggerPrice: "5",
      triggerQuantity: "100%",
    })
      .triggerQuantity,
    "100%",
  );
  invalid({ ...trigger, triggerQuantity: undefined }, "triggerQuantity", "Missing");
  invalid({ ...limit, triggerQuantity: "1" }, "triggerPrice", "Missing");
  invalid({ ...trigger, quantity: "1" }, "quantity", "Malformed");
  invalid({ ...limit, triggerBy: "MarkPrice" }, "triggerPrice", "Missing");
  invalid({ ...trigger, triggerQuantity: "0%" }, "triggerQuantity", "OutOfRange");
  invalid({ ...trigger, triggerQuantity: "101%" }, "triggerQuantity", "OutOfRange");
  invalid({ ...trigger, triggerQuantity: "half" }, "triggerQuantity", "Malformed");
});

Deno.test("postOnly is incompatible with IOC and FOK", () => {
  assert.equal(bodyOf({ ...limit, postOnly: true, timeInForce: "GTC" }).postOnly, true);
  invalid({ ...limit, postOnly: true, timeInForce: "IOC" }, "postOnly", "Malformed");
  invalid({ ...limit, postOnly: true, timeInForce: "FOK" }, "postOnly", "Malformed");
  assert.equal(bodyOf({ ...limit, postOnly: false, timeInForce: "IOC" }).timeInForce, "IOC");
});

Deno.test("take-profit / stop-loss limit price and trigger-by need their trigger price", () => {
  invalid({ ...limit, takeProfitLimitPrice: "1" }, "takeProfitTriggerPrice", "Missing");
  invalid({ ...limit, stopLossLimitPrice: "1" }, "stopLossTriggerPrice", "Missing");
  invalid({ ...limit, takeProfitTriggerBy: "MarkPrice" }, "takeProfitTriggerPrice", "Missing");
  invalid({ ...limit, stopLossTriggerBy: "MarkPrice" }, "stopLossTriggerPrice", "Missing");
  invalid({ ...limit, slippageTolerance: "1" }, "slippageToleranceType", "Missing");
  invalid({ ...limit, slippageToleranceType: "Percent" }, "slippageTolerance", "Missing");
});

Deno.test("types: decimals never numbers, flags booleans, ids in range, enums known", () => {
  invalid({ ...limit, price: 100.5 }, "price", "Malformed");
  invalid({ ...limit, quantity: "1,5" }, "quantity", "Malformed");
  invalid({ ...limit, quantity: "0" }, "quantity", "OutOfRange");
  invalid({ ...limit, price: "-1" }, "price", "OutOfRange");
  invalid({ ...limit, postOnly: "true" }, "postOnly", "Malformed");
  invalid({ ...limit, reduceOnly: 1 }, "reduceOnly", "Malformed");
  invalid({ ...limit, clientId: -1 }, "clientId", "OutOfRange");
  invalid({ ...limit, clientId: 2 ** 32 }, "clientId", "OutOfRange");
  invalid({ ...limit, clientId: 1.5 }, "clientId", "OutOfRange");
  invalid({ ...limit, clientId: "7" }, "clientId", "OutOfRange");
  invalid({ ...limit, brokerId: 65536 }, "brokerId", "OutOfRange");
  invalid({ ...limit, side: "Buy" }, "side", "Malformed");
  invalid({ ...limit, side: undefined }, "side", "Missing");
  invalid({ ...limit, orderType: "StopLimit" }, "orderType", "Malformed");
  invalid({ ...limit, timeInForce: "PO" }, "timeInForce", "Malformed");
  invalid({ ...limit, selfTradePrevention: "Allow" }, "selfTradePrevention", "Malformed");
  invalid({ ...limit, symbol: "" }, "symbol", "Missing");
  invalid({ ...limit, symbol: "SOL USDC" }, "symbol", "Malformed");
  invalid(null, "params", "Missing");
  invalid("SOL_USDC", "params", "Missing");
});

Deno.test("unknown keys are refused; hedge-mode keys fail with UnsupportedError", () => {
  invalid({ ...limit, reduceonly: true }, "reduceonly", "Malformed");
  invalid({ ...limit, stopPrice: "1" }, "stopPrice", "Malformed");
  for (const key of ["positionSide", "hedgeMode", "posSide"]) {
    const error = failure({ ...limit, [key]: key === "hedgeMode" ? true : "LONG" });
    assert.ok(error instanceof UnsupportedError);
    assert.equal(error.feature, "hedge mode");
  }
});

Deno.test("batch field prefix names the element", () => {
  const error = failure({ ...limit, price: undefined }, "orders[3]");
  assert.ok(error instanceof InvalidInputError);
  assert.equal(error.field, "orders[3].price");
});

const market = {
  filters: {
    price: {
      minPrice: new Decimal("0.01"),
      maxPrice: new Decimal("100000"),
      tickSize: new Decimal("0.01"),
    },
    quantity: { minQuantity: new Decimal("0.1"), stepSize: new Decimal("0.1") },
  },
};

Deno.test("market rules: prices on tick, quantities on step and above the minimum", () => {
  assert.equal(checkOrderForMarket(bodyOf(limit), market), undefined);
  const problem = (params: unknown, field?: string) =>
    checkOrderForMarket(bodyOf(params), market, field);
  assert.equal(problem({ ...limit, price: "100.505" })?.reason, "Precision");
  assert.equal(problem({ ...limit, quantity: "0.15" })?.reason, "Precision");
  assert.equal(problem({ ...limit, quantity: "0.05" })?.reason, "Precision");
  assert.equal(problem({ ...limit, quantity: "0.0" + "5" })?.field, "quantity");
  assert.equal(problem({ ...limit, price: "200000" })?.reason, "OutOfRange");
  const tp = problem({ ...limit, takeProfitTriggerPrice: "101.001" }, "orders[0]");
  assert.equal(tp?.field, "orders[0].takeProfitTriggerPrice");
  const trigger = { ...limit, quantity: undefined, triggerPrice: "99", triggerQuantity: "0.01" };
  const below = problem({ ...trigger, triggerQuantity: "0.1" });
  assert.equal(below, undefined);
  assert.equal(problem(trigger)?.field, "triggerQuantity");
  assert.equal(problem({ ...trigger, triggerQuantity: "33.3%" }), undefined);
  assert.equal(
    checkOrderForMarket(
      bodyOf({ ...limit, quantity: "0.1" }),
      {
        filters: {
          ...market.filters,
          quantity: { ...market.filters.quantity, minQuantity: new Decimal("1") },
        },
      },
    )?.reason,
    "BelowMinimum",
  );
});
