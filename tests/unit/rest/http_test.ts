import assert from "node:assert/strict";
import * as Effect from "effect/Effect";
import * as Schema from "effect/Schema";
import { Decimal } from "../../../src/decimal.ts";
import {
  ApiError,
  DecodeError,
  HttpStatusError,
  InvalidInputError,
  OrderOutcomeUnknownError,
  TransportError,
  UnavailableError,
} from "../../../src/error_classes.ts";
import { type CallSpec, publicCall, signedCall } from "../../../src/rest/http.ts";
import { type BackpackOptions, layerBackpack } from "../../../src/rest/layer.ts";
import { getBalances } from "../../../src/rest/capital.ts";
import { getDepth, getMarket, getMarkets } from "../../../src/rest/markets.ts";
import { getStatus, getTime, syncClock } from "../../../src/rest/system.ts";
import type { BackpackServices } from "../../../src/rest/layer.ts";
import { fixtureJson, fixtureText } from "../schema/fixtures.ts";
import {
  failureOf,
  fakeFetch,
  json,
  type Seen,
  TEST_API_KEY,
  TEST_SECRET,
  text,
  verifies,
} from "./support.ts";

const BASE = "https://api.backpack.exchange";

const runWith = <A, E>(
  effect: Effect.Effect<A, E, BackpackServices>,
  options: BackpackOptions,
): Effect.Effect<A, E | InvalidInputError> =>
  Effect.provide(effect, layerBackpack({ rateLimit: false, ...options }));

const Anything: Schema.Decoder<unknown> = Schema.Unknown;

const postOrder: CallSpec<unknown> & { instruction: string } = {
  method: "POST",
  path: "/api/v1/order",
  instruction: "orderExecute",
  body: { symbol: "SOL_USDC", side: "Bid", price: new Decimal("1e-7"), quantity: "2", clientId: 7 },
  clientId: 7,
  brokerHeader: true,
  schema: Anything,
};

Deno.test("public GET: URL, method, headers; depth fixture decoded best-first", async () => {
  const body = await fixtureJson("rest-depth.ccxt.json");
  const { seen, fetch } = fakeFetch(() => json(body));
  const depth = await Effect.runPromise(
    runWith(getDepth({ symbol: "SOL_USDC", limit: 5 }), { fetch }),
  );
  assert.equal(seen.length, 1);
  assert.equal(seen[0].method, "GET");
  assert.equal(seen[0].url, `${BASE}/api/v1/depth?limit=5&symbol=SOL_USDC`);
  assert.equal(seen[0].headers.get("X-API-Key"), null);
  assert.equal(seen[0].headers.get("X-Signature"), null);
  assert.equal(seen[0].headers.get("X-Broker-Id"), null);
  assert.equal(seen[0].headers.get("Content-Type"), null);
  assert.equal(depth.bids[0][0].toFixed(), "12.9");
  assert.equal(depth.lastUpdateId, "1504999670");
});

Deno.test("getStatus, getMarkets, getMarket and text/plain getTime decode their fixtures", async () => {
  const markets = await fixtureJson("rest-markets.ccxt.json");
  const perp = await fixtureJson("rest-market-perp.bpx-rust-test.json");
  const time = await fixtureText("rest-time.ccxt.txt");
  const { seen, fetch } = fakeFetch((req) => {
    const path = new URL(req.url).pathname;
    if (path === "/api/v1/markets") return json(markets);
    if (path === "/api/v1/market") return json(perp);
    if (path === "/api/v1/time") return text(time);
    return json({ status: "Ok", message: null });
  });
  const result = await Effect.runPromise(runWith(
    Effect.all([
      getStatus(),
      getMarkets({ marketType: "PERP" }),
      getMarket({ symbol: "SOL_USDC_PERP" }),
      getTime(),
    ]),
    { fetch, baseUrl: "http://127.0.0.1:9/" },
  ));
  assert.equal(result[0].status, "Ok");
  assert.equal(result[1].length, 2);
  assert.equal(result[2].symbol, "SOL_USDC_PERP");
  assert.equal(result[3], 1753131712992);
  assert.deepEqual(seen.map((s) => s.url), [
    "http://127.0.0.1:9/api/v1/status",
    "http://127.0.0.1:9/api/v1/markets?marketType=PERP",
    "http://127.0.0.1:9/api/v1/market?symbol=SOL_USDC_PERP",
    "http://127.0.0.1:9/api/v1/time",
  ]);
});

Deno.test("signed GET carries the four headers and a signature that verifies", async () => {
  const body = await fixtureJson("rest-capital-balances.ccxt.json");
  const { seen, fetch } = fakeFetch(() => json(body));
  const balances = await Effect.runPromise(
    runWith(getBalances(), { fetch, apiSecret: TEST_SECRET, window: 6000 }),
  );
  assert.ok(balances.USDC.available.eq(120));
  const h = seen[0].headers;
  assert.equal(seen[0].url, `${BASE}/api/v1/capital`);
  assert.equal(h.get("X-API-Key"), TEST_API_KEY);
  assert.equal(h.get("X-Window"), "6000");
  assert.match(h.get("X-Timestamp")!, /^\d{13}$/);
  assert.equal(h.get("X-Broker-Id"), null);
  const message = `instruction=balanceQuery&timestamp=${h.get("X-Timestamp")}&window=6000`;
  assert.ok(await verifies(h.get("X-Signature")!, message, TEST_API_KEY));
  assert.equal(
    await verifies(h.get("X-Signature")!, message.replace("6000", "5000"), TEST_API_KEY),
    false,
  );
});

Deno.test("signed POST: JSON body with decimals as strings, signed over the body fields", async () => {
  const { seen, fetch } = fakeFetch(() => json({ id: "1" }));
  await Effect.runPromise(runWith(signedCall(postOrder), { fetch, apiSecret: TEST_SECRET }));
  const [req] = seen;
  assert.equal(req.method, "POST");
  assert.equal(req.headers.get("Content-Type"), "application/json; charset=utf-8");
  assert.deepEqual(JSON.parse(req.body!), {
    symbol: "SOL_USDC",
    side: "Bid",
    price: "0.0000001",
    quantity: "2",
    clientId: 7,
  });
  const message = "instruction=orderExecute&clientId=7&price=0.0000001&quantity=2&side=Bid" +
    `&symbol=SOL_USDC&timestamp=${req.headers.get("X-Timestamp")}&window=5000`;
  assert.ok(await verifies(req.headers.get("X-Signature")!, message, TEST_API_KEY));
  assert.equal(req.headers.get("X-Broker-Id"), null, "no broker id unless configured");
});

Deno.test("X-Broker-Id is sent only when configured, and only on calls that ask for it", async () => {
  const { seen, fetch } = fakeFetch(() => json({}));
  await Effect.runPromise(runWith(
    Effect.all([signedCall(postOrder), signedCall({ ...postOrder, brokerHeader: false })]),
    { fetch, apiSecret: TEST_SECRET, brokerId: 1234 },
  ));
  assert.equal(seen[0].headers.get("X-Broker-Id"), "1234");
  assert.equal(seen[1].headers.get("X-Broker-Id"), null);
});

Deno.test("query rendering: sorted, booleans lower-case, nulls dropped, percent-encoded", async () => {
  const { seen, fetch } = fakeFetch(() => json([]));
  await Effect.runPromise(runWith(
    publicCall({
      method: "GET",
      path: "/wapi/v1/history/fills",
      query: {
        symbol: "SOL_USDC",
        from: null,
        reduceOnly: false,
        qty: new Decimal("0.5"),
        q: "50%",
      },
      schema: Anything,
    }),
    { fetch },
  ));
  assert.equal(
    seen[0].url,
    `${BASE}/wapi/v1/history/fills?q=50%25&qty=0.5&reduceOnly=false&symbol=SOL_USDC`,
  );
});

Deno.test("a signed call without credentials fails with InvalidInputError before sending", async () => {
  const { seen, fetch } = fakeFetch(() => json({}));
  const error = await failureOf(runWith(getBalances(), { fetch }));
  assert.ok(error instanceof InvalidInputError);
  assert.equal(error.reason, "Missing");
  assert.equal(seen.length, 0);
});

Deno.test("bad input fails before sending", async () => {
  const { seen, fetch } = fakeFetch(() => json({}));
  const limit = await failureOf(
    runWith(getDepth({ symbol: "SOL_USDC", limit: 7 as 5 }), { fetch }),
  );
  const symbol = await failureOf(runWith(getMarket({ symbol: "" }), { fetch }));
  const secret = await failureOf(runWith(getStatus(), { fetch, apiSecret: "not base64!" }));
  const keyOnly = await failureOf(runWith(getStatus(), { fetch, apiKey: TEST_API_KEY }));
  for (const error of [limit, symbol, secret, keyOnly]) {
    assert.ok(error instanceof InvalidInputError, String(error));
  }
  assert.equal(seen.length, 0);
});

for (
  const [file, code] of [
    ["rest-error-client-id-exists.ccxt.json", "INVALID_ORDER"],
    ["rest-error-invalid-order.ccxt.json", "INVALID_ORDER"],
    ["rest-error-market-qty.ccxt.json", "INVALID_CLIENT_REQUEST"],
    ["rest-error-need-id.ccxt.json", "INVALID_CLIENT_REQUEST"],
    ["rest-error-price-band.ccxt.json", "INVALID_PRICE"],
    ["rest-error-trigger-qty.ccxt.json", "INVALID_CLIENT_REQUEST"],
  ] as const
) {
  Deno.test(`error body ${file} → ApiError ${code}`, async () => {
    const body = await fixtureText(file);
    const { fetch } = fakeFetch(() => json(body, 400));
    const error = await failureOf(
      runWith(signedCall(postOrder), { fetch, apiSecret: TEST_SECRET }),
    );
    assert.ok(error instanceof ApiError, String(error));
    assert.equal(error._tag, "ApiError");
    assert.equal(error.code, code);
    assert.equal(error.status, 400);
    assert.equal(error.endpoint, "POST /api/v1/order");
    assert.equal(error.detail, (JSON.parse(body) as { message: string }).message);
    assert.ok(!JSON.stringify(error).includes(TEST_API_KEY), "no key in the error");
  });
}

Deno.test("a plain-text 400 becomes HttpStatusError with the text", async () => {
  const body = 'failed to parse parameter `interval`: Invalid value "7m"';
  const { fetch } = fakeFetch(() => text(body, 400));
  const error = await failureOf(runWith(getStatus(), { fetch }));
  assert.ok(error instanceof HttpStatusError);
  assert.equal(error.status, 400);
  assert.equal(error.body, body);
});

Deno.test("202 and 5xx on a mutating call → OrderOutcomeUnknownError with the clientId", async () => {
  for (const status of [202, 500, 503]) {
    const { seen, fetch } = fakeFetch(() => json({}, status));
    const error = await failureOf(
      runWith(signedCall(postOrder), { fetch, apiSecret: TEST_SECRET }),
    );
    assert.ok(error instanceof OrderOutcomeUnknownError, `${status}: ${error}`);
    assert.equal(error.status, status);
    assert.equal(error.clientId, 7);
    assert.equal(seen.length, 1, "never retried");
  }
});

Deno.test("5xx on a GET is UnavailableError; 202 on a GET is decoded as success", async () => {
  const down = fakeFetch(() => json({ code: "SERVER_ERROR", message: "boom" }, 502));
  const error = await failureOf(runWith(getStatus(), { fetch: down.fetch }));
  assert.ok(error instanceof UnavailableError);
  const accepted = fakeFetch(() => json({ status: "Ok" }, 202));
  const status = await Effect.runPromise(runWith(getStatus(), { fetch: accepted.fetch }));
  assert.equal(status.status, "Ok");
});

Deno.test("network failure → TransportError on a read", async () => {
  const { fetch } = fakeFetch(() => Promise.reject(new TypeError("connection reset")));
  const error = await failureOf(runWith(getStatus(), { fetch }));
  assert.ok(error instanceof TransportError);
  assert.match(error.reason, /connection reset/);
});

Deno.test("network failure on a mutating call → OrderOutcomeUnknownError (it may have landed)", async () => {
  const { seen, fetch } = fakeFetch(() => Promise.reject(new TypeError("connection reset")));
  const error = await failureOf(runWith(signedCall(postOrder), { fetch, apiSecret: TEST_SECRET }));
  assert.ok(error instanceof OrderOutcomeUnknownError, String(error));
  assert.equal(error.status, 0);
  assert.equal(error.clientId, 7);
  assert.match(error.message, /unknown \(no answer\); reconcile/);
  assert.equal(seen.length, 1, "never retried");
});

Deno.test("undecodable bodies → DecodeError with endpoint, issue and a truncated body", async () => {
  const notJson = fakeFetch(() => text("<html>" + "x".repeat(2000), 200));
  const a = await failureOf(runWith(getStatus(), { fetch: notJson.fetch }));
  assert.ok(a instanceof DecodeError);
  assert.equal(a.endpoint, "GET /api/v1/status");
  assert.ok(a.body.length <= 513);
  const wrong = fakeFetch(() => json({ asks: "nope" }));
  const b = await failureOf(runWith(getDepth({ symbol: "SOL_USDC" }), { fetch: wrong.fetch }));
  assert.ok(b instanceof DecodeError);
  assert.match(b.issue, /asks|Expected/);
});

Deno.test("syncClock observes /api/v1/time and shifts X-Timestamp by the offset", async () => {
  const serverAhead = 3_600_000;
  const { seen, fetch } = fakeFetch((req: Seen) =>
    req.url.endsWith("/api/v1/time") ? text(String(Date.now() + serverAhead)) : json({})
  );
  const offset = await Effect.runPromise(runWith(
    Effect.gen(function* () {
      const offset = yield* syncClock();
      yield* getBalances();
      return offset;
    }),
    { fetch, apiSecret: TEST_SECRET },
  ));
  assert.ok(Math.abs(offset - serverAhead) < 5_000, `offset ${offset}`);
  const ts = Number(seen[1].headers.get("X-Timestamp"));
  assert.ok(Math.abs(ts - (Date.now() + serverAhead)) < 5_000);
});
