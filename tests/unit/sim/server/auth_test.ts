import { getPublicKeyAsync } from "@noble/ed25519";
import assert from "node:assert/strict";
import { encodeBase64 } from "../../../../src/auth/base64.ts";
import { signingString, type SignParams } from "../../../../src/auth/signing_string.ts";
import { FaultInjector } from "../../../../src/sim/server/faults.ts";
import { createHttpHandler, type RouteContext } from "../../../../src/sim/server/http_handler.ts";
import { RateLimiter } from "../../../../src/sim/server/rate_limit.ts";
import { ORDER_EXECUTE_EXAMPLE } from "../../auth/vectors.ts";
import { sign, signedHeaders } from "./helpers.ts";

// The public test secret of the signing vectors (REFERENCE §2.9).
const SECRET = "bSQmK8JSjtExl2iBSi0d9CxZRon4tjWTjFC7HfEhVv8=";
const API_KEY = "/NqLWUwBCIH2X2jArhTmTjYpG0X24vxledaT744Ri6o=";
const creds = { apiKey: API_KEY, apiSecret: SECRET };
const BASE = "http://sim.test";

const setup = (now = () => Date.now()) => {
  const seen: RouteContext[] = [];
  const echo = (ctx: RouteContext) => {
    seen.push(ctx);
    return { ok: true, account: ctx.account };
  };
  const handler = createHttpHandler({
    routes: [
      { method: "GET", path: "/api/v1/order", handle: echo },
      { method: "POST", path: "/api/v1/order", handle: echo },
      { method: "DELETE", path: "/api/v1/order", handle: echo },
      { method: "POST", path: "/api/v1/orders", handle: echo },
      { method: "GET", path: "/api/v1/capital", handle: echo },
      { method: "GET", path: "/api/v1/status", handle: () => ({ status: "Ok" }) },
    ],
    auth: { keys: new Map([[API_KEY, "acct-1"]]), now },
    rateLimiter: new RateLimiter(),
    faults: new FaultInjector(),
  });
  return { handler, seen };
};

const call = async (
  handler: (req: Request) => Promise<Response>,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
) => {
  const res = await handler(
    new Request(BASE + path, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
  return { status: res.status, body: await res.json() };
};

Deno.test("auth: signed GET with query params is accepted and mapped to the account", async () => {
  const { handler } = setup();
  const params = { orderId: "8284661092", symbol: "ETH_USDC" };
  const headers = await signedHeaders(creds, "orderQuery", params);
  const res = await call(
    handler,
    "GET",
    "/api/v1/order?orderId=8284661092&symbol=ETH_USDC",
    headers,
  );
  assert.deepEqual(res, { status: 200, body: { ok: true, account: "acct-1" } });
});

Deno.test("auth: signed GET without params, POST order, DELETE and batch are accepted", async () => {
  const { handler, seen } = setup();
  const order = ORDER_EXECUTE_EXAMPLE.params;
  const cancel = { orderId: "28", symbol: "BTC_USDT" };
  const batch = [
    { symbol: "SOL_USDC_PERP", side: "Bid", orderType: "Limit", price: "141", quantity: "12" },
    { symbol: "SOL_USDC_PERP", side: "Bid", orderType: "Limit", price: "140", quantity: "11" },
  ];
  const requests: Array<[string, string, string, SignParams | SignParams[]]> = [
    ["GET", "/api/v1/capital", "balanceQuery", {}],
    ["POST", "/api/v1/order", "orderExecute", order],
    ["DELETE", "/api/v1/order", "orderCancel", cancel],
    ["POST", "/api/v1/orders", "orderExecute", batch],
  ];
  for (const [method, path, instruction, params] of requests) {
    const headers = await signedHeaders(creds, instruction, params);
    const res = await call(handler, method, path, headers, method === "GET" ? undefined : params);
    assert.equal(res.status, 200, `${method} ${path}`);
  }
  assert.deepEqual(seen.at(-1)!.body, batch);
  assert.equal(seen.length, 4);
});

Deno.test("auth: the documented signing vector verifies at its own timestamp", async () => {
  const { handler } = setup(() => 1_700_000_001_000);
  const headers = {
    "X-API-Key": API_KEY,
    "X-Timestamp": "1700000000000",
    "X-Window": "5000",
    "X-Signature":
      "oZ11imcjxSdQJrhi0iCmBDrrh9UodizFPI5XxJIakwjbCwUq4OSKL3XqH+SbxWMOR18uMEcsmGL3365yu+i3CQ==",
  };
  assert.equal((await call(handler, "GET", "/api/v1/capital", headers)).status, 200);
});

Deno.test("auth: rejections carry the real codes and messages", async () => {
  const { handler, seen } = setup();
  const params = { orderId: "1", symbol: "SOL_USDC" };
  const path = "/api/v1/order?orderId=1&symbol=SOL_USDC";
  const good = await signedHeaders(creds, "orderQuery", params);
  const expect = async (headers: Record<string, string>, status: number, message: string) => {
    const res = await call(handler, "GET", path, headers);
    assert.deepEqual(res, { status, body: { code: "INVALID_CLIENT_REQUEST", message } });
  };
  // tampered signature: flip one signed param value
  await expect(
    {
      ...good,
      "X-Signature": await sign(
        SECRET,
        signingString("orderQuery", { ...params, orderId: "2" }, Number(good["X-Timestamp"]), 5000),
      ),
    },
    401,
    "Invalid signature",
  );
  // wrong instruction
  await expect(await signedHeaders(creds, "orderCancel", params), 401, "Invalid signature");
  // expired and too far in the future
  await expect(
    await signedHeaders(creds, "orderQuery", params, Date.now() - 10_000),
    400,
    "Request has expired",
  );
  await expect(
    await signedHeaders(creds, "orderQuery", params, Date.now() + 30_000),
    400,
    "Request has expired",
  );
  // window above the maximum
  await expect(
    await signedHeaders(creds, "orderQuery", params, Date.now(), 60_001),
    400,
    "Invalid X-Window header",
  );
  // unknown key (valid signature by another key)
  const otherSeed = new Uint8Array(32).fill(7);
  const other = {
    apiKey: encodeBase64(await getPublicKeyAsync(otherSeed)),
    apiSecret: encodeBase64(otherSeed),
  };
  await expect(await signedHeaders(other, "orderQuery", params), 401, "Invalid X-API-Key header");
  // malformed signature and missing headers
  await expect({ ...good, "X-Signature": "not-base64" }, 400, "Invalid X-Signature header");
  const { "X-Signature": _s, ...noSig } = good;
  await expect(noSig, 400, "Missing X-Signature header");
  const { "X-API-Key": _k, ...noKey } = good;
  await expect(noKey, 400, "Missing X-API-Key header");
  assert.equal(seen.length, 0);
});

Deno.test("http: unknown route → 404 Backpack error; OPTIONS preflight has CORS headers", async () => {
  const { handler } = setup();
  const res = await call(handler, "GET", "/api/v1/nope", {});
  assert.deepEqual(res, {
    status: 404,
    body: { code: "RESOURCE_NOT_FOUND", message: "Not Found" },
  });
  const pre = await handler(new Request(BASE + "/api/v1/order", { method: "OPTIONS" }));
  assert.equal(pre.status, 204);
  assert.equal(pre.headers.get("Access-Control-Allow-Origin"), "*");
  assert.match(pre.headers.get("Access-Control-Allow-Headers")!, /X-Signature/);
  const status = await handler(new Request(BASE + "/api/v1/status"));
  assert.equal(status.headers.get("Access-Control-Allow-Origin"), "*");
  assert.equal(status.headers.get("Content-Type"), "application/json; charset=utf-8");
});
