import assert from "node:assert/strict";
import * as Schema from "effect/Schema";
import {
  BatchOrderElements,
  Order,
  Orders,
  toBatchOrderResult,
} from "../../../src/schema/order.ts";
import { Positions } from "../../../src/schema/position.ts";
import { Account, MaxOrderQuantity } from "../../../src/schema/account.ts";
import { ACCOUNT_WIRE } from "../rest/support.ts";
import { fixtureJson } from "../schema/fixtures.ts";

const decode = <A>(schema: Schema.Decoder<A>, input: unknown): A =>
  Schema.decodeUnknownSync(schema)(input);

interface CcxtCase {
  readonly description: string;
  readonly httpResponse: unknown;
}

const ccxt = async (method: string): Promise<ReadonlyArray<CcxtCase>> => {
  const all = await fixtureJson("ccxt-static-responses.json") as {
    methods: Record<string, ReadonlyArray<CcxtCase>>;
  };
  return all.methods[method];
};

Deno.test("market order fixture: Market variant, ms createdAt → Date, decimals, nulls", async () => {
  const order = decode(Order, await fixtureJson("rest-order-market-filled.ccxt.json"));
  assert.equal(order.orderType, "Market");
  if (order.orderType !== "Market") return;
  assert.equal(order.id, "4227701917");
  assert.equal(order.clientId, null);
  assert.equal(order.createdAt.getTime(), 1753624283415);
  assert.equal(order.executedQuoteQuantity.toFixed(), "3.81428");
  assert.equal(order.quoteQuantity?.toFixed(), "3.82");
  assert.equal(order.status, "Filled");
  assert.equal(order.triggerPrice, null);
  assert.equal(order.triggeredAt, null);
  assert.equal(order.reduceOnly, null);
  assert.equal(order.slippageTolerance, null);
});

Deno.test("open orders fixture: Limit variant with price, quantity, postOnly, numeric clientId", async () => {
  const [order] = decode(Orders, await fixtureJson("rest-open-orders.ccxt.json"));
  assert.equal(order.orderType, "Limit");
  if (order.orderType !== "Limit") return;
  assert.equal(order.clientId, 123456789);
  assert.equal(order.price.toFixed(), "3000");
  assert.equal(order.quantity.toFixed(), "0.001");
  assert.equal(order.postOnly, true);
});

Deno.test("every ccxt order response decodes (ids/createdAt/clientId as strings too)", async () => {
  const cases = [
    ...await ccxt("createOrder"),
    ...await ccxt("cancelOrder"),
    ...await ccxt("fetchOpenOrder"),
  ];
  assert.ok(cases.length >= 9);
  for (const c of cases) {
    const order = decode(Order, c.httpResponse);
    assert.ok(order.createdAt.getTime() > 1.7e12, c.description);
  }
  const withClientId = decode(Order, (await ccxt("createOrder"))[0].httpResponse);
  assert.equal(withClientId.clientId, 55555);
  const trigger = decode(Order, (await ccxt("createOrder"))[1].httpResponse);
  assert.equal(trigger.status, "TriggerPending");
  assert.equal(trigger.triggerPrice?.toFixed(), "4100");
  assert.equal(trigger.triggerQuantity, "0.001");
  assert.deepEqual(decode(Orders, (await ccxt("cancelAllOrders"))[0].httpResponse), []);
  assert.equal(decode(Orders, (await ccxt("fetchOpenOrders"))[0].httpResponse).length, 1);
});

Deno.test("unknown status/enum values are kept; a bad decimal is rejected", async () => {
  const raw = await fixtureJson("rest-order-market-filled.ccxt.json") as Record<string, unknown>;
  const order = decode(Order, { ...raw, status: "SomethingNew", triggerBy: "FuturePrice" });
  assert.equal(order.status, "SomethingNew");
  assert.equal(order.triggerBy, "FuturePrice");
  assert.throws(() => decode(Order, { ...raw, executedQuantity: "abc" }));
  assert.throws(() => decode(Order, { ...raw, orderType: "Stop" }));
  assert.equal(
    decode(Order, { ...raw, slippageTolerance: "5", slippageToleranceType: "Percent" })
      .slippageTolerance?.toFixed(),
    "5",
  );
});

Deno.test("batch answer: tagged Ok/Err and untagged elements, in order", async () => {
  const order = await fixtureJson("rest-order-market-filled.ccxt.json") as Record<string, unknown>;
  const elements = decode(BatchOrderElements, [
    { operation: "Ok", ...order },
    { operation: "Err", code: "INVALID_ORDER", message: "Invalid order" },
    order,
    { code: "INSUFFICIENT_FUNDS", message: "Insufficient funds" },
  ]);
  const results = elements.map(toBatchOrderResult);
  assert.deepEqual(results.map((r) => r.ok), [true, false, true, false]);
  const [ok, err, , err2] = results;
  assert.ok(ok.ok && ok.order.id === "4227701917");
  assert.deepEqual(err.ok ? undefined : err.error, {
    code: "INVALID_ORDER",
    message: "Invalid order",
  });
  assert.deepEqual(err2.ok ? undefined : err2.error.code, "INSUFFICIENT_FUNDS");
});

Deno.test("positions fixtures: signed decimals, margin functions, numeric or string userId", async () => {
  const [position] = decode(Positions, await fixtureJson("rest-positions.ccxt.json"));
  assert.equal(position.netQuantity.toFixed(), "0.0036");
  assert.equal(position.entryPrice.toFixed(), "3826.8888888888888888888888889");
  assert.equal(position.cumulativeFundingPayment.toFixed(), "-0.009218");
  assert.equal(position.pnlUnrealized.isNegative(), true);
  assert.equal(position.imfFunction.factor.toFixed(), "0.0000935");
  assert.equal(position.mmf.toFixed(), "0.0125");
  assert.equal(position.userId, 1813870);
  assert.equal(position.positionId, "4238420454");
  const [other] = decode(Positions, (await ccxt("fetchPositions"))[0].httpResponse);
  assert.equal(other.userId, 1813870);
  assert.equal(other.pnlRealized.toFixed(), "-0.054434");
  const short = decode(Positions, [{
    ...(await fixtureJson("rest-positions.ccxt.json") as Array<Record<string, unknown>>)[0],
    netQuantity: "-2.5",
    cumulativeInterest: undefined,
  }]);
  assert.equal(short[0].netQuantity.isNegative(), true);
});

Deno.test("account and limits decode (fees in bps, negative maker fee)", () => {
  // `triggerOrders` as a string: counts come either way.
  const account = decode(Account, { ...ACCOUNT_WIRE, triggerOrders: "1" });
  assert.equal(account.leverageLimit.toFixed(), "10");
  assert.equal(account.futuresMakerFee.isNegative(), true);
  assert.equal(account.triggerOrders, 1);
  const max = decode(MaxOrderQuantity, {
    symbol: "SOL_USDC",
    side: "Bid",
    maxOrderQuantity: "12.5",
  });
  assert.equal(max.maxOrderQuantity.toFixed(), "12.5");
});
