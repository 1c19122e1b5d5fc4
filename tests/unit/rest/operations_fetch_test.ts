/**
 * REST behaviours the simulator cannot show, over a fake fetch: a 204 ticker, an interest-history
 * row (the simulator accrues no interest), and the broker id on every order-placing call.
 */
import assert from "node:assert/strict";
import { createClient } from "../../../src/client/create_client.ts";
import type { ExecuteOrderParams } from "../../../src/orders/validate_order.ts";
import type { CreateStrategyParams } from "../../../src/rest/strategies.ts";
import { fixtureJson } from "../schema/fixtures.ts";
import { fakeFetch, json, type Seen, TEST_SECRET } from "./support.ts";

const brokerless = (request: Seen): boolean =>
  request.headers.get("X-Broker-Id") === null && !(request.body ?? "").includes("brokerId");

Deno.test("getTicker resolves undefined when the exchange answers 204 (no ticker)", async () => {
  const { fetch, seen } = fakeFetch(() => new Response(null, { status: 204 }));
  const client = createClient({ fetch });
  try {
    assert.equal(await client.getTicker({ symbol: "OLD_USDC" }), undefined);
    assert.equal(new URL(seen[0]!.url).pathname, "/api/v1/ticker");
  } finally {
    await client.close();
  }
});

Deno.test("getInterestHistory decodes a spec-shaped row (the simulator accrues no interest)", async () => {
  const row = {
    paymentType: "Lend",
    interestRate: "0.0412",
    interval: 3600000,
    marketSymbol: "USDC",
    positionId: "1138",
    quantity: "0.0013",
    symbol: "USDC",
    timestamp: "2025-06-01T12:00:00",
  };
  const { fetch, seen } = fakeFetch(() => json([row]));
  const client = createClient({ fetch, apiSecret: TEST_SECRET, rateLimit: false });
  try {
    const [payment] = await client.getInterestHistory({ symbol: "USDC" });
    assert.ok(payment !== undefined);
    assert.equal(payment.interestRate.toFixed(), "0.0412");
    assert.equal(payment.quantity.toFixed(), "0.0013");
    assert.equal(payment.timestamp.toISOString(), "2025-06-01T12:00:00.000Z");
    assert.equal(new URL(seen[0]!.url).pathname, "/wapi/v1/history/interest");
  } finally {
    await client.close();
  }
});

const ORDER: ExecuteOrderParams = {
  symbol: "SOL_USDC",
  side: "Bid",
  orderType: "Limit",
  price: "100",
  quantity: "1",
};
const STRATEGY: CreateStrategyParams = {
  symbol: "SOL_USDC",
  side: "Bid",
  strategyType: "Scheduled",
  quantity: "1",
};
const MARKETS = await fixtureJson("rest-markets.ccxt.json");

/** The POST requests of executeOrder, executeOrders and createStrategy over a fake exchange. */
const placements = async (
  brokerId: number | undefined,
  bodyBrokerId: number | undefined,
): Promise<ReadonlyArray<Seen>> => {
  const { fetch, seen } = fakeFetch((request) =>
    new URL(request.url).pathname === "/api/v1/markets" ? json(MARKETS) : json({})
  );
  const client = createClient({
    fetch,
    apiSecret: TEST_SECRET,
    rateLimit: false,
    ...(brokerId === undefined ? {} : { brokerId }),
  });
  const extra = bodyBrokerId === undefined ? {} : { brokerId: bodyBrokerId };
  try {
    // The answers do not matter here (the fake exchange answers `{}`), only the requests.
    await Promise.allSettled([
      client.executeOrder({ ...ORDER, ...extra }),
      client.executeOrders([{ ...ORDER, ...extra }]),
      client.createStrategy({ ...STRATEGY, ...extra }),
    ]);
  } finally {
    await client.close();
  }
  const posts = seen.filter((s) => s.method === "POST");
  assert.deepEqual(
    posts.map((s) => new URL(s.url).pathname).sort(),
    ["/api/v1/order", "/api/v1/orders", "/api/v1/strategy"],
  );
  return posts;
};

Deno.test("order-placing calls carry X-Broker-Id only when configured, brokerId only when given", async () => {
  assert.ok((await placements(undefined, undefined)).every(brokerless));
  const configured = await placements(1400, undefined);
  assert.ok(configured.every((s) => s.headers.get("X-Broker-Id") === "1400"));
  assert.ok(configured.every((s) => !(s.body ?? "").includes("brokerId")));
  const inBody = await placements(undefined, 7);
  assert.ok(inBody.every((s) => s.headers.get("X-Broker-Id") === null));
  assert.ok(inBody.every((s) => (s.body ?? "").includes('"brokerId":7')));
});
