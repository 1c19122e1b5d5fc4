import assert from "node:assert/strict";
import { FaultInjector, seededRandom } from "../../../../src/sim/server/faults.ts";
import { createHttpHandler } from "../../../../src/sim/server/http_handler.ts";
import { RateLimiter } from "../../../../src/sim/server/rate_limit.ts";

Deno.test("faults: seeded RNG is deterministic", () => {
  const a = seededRandom(9);
  const b = seededRandom(9);
  const xs = Array.from({ length: 5 }, a);
  assert.deepEqual(xs, Array.from({ length: 5 }, b));
  assert.ok(xs.every((x) => x >= 0 && x < 1));
});

const handlerWith = (faults: ConstructorParameters<typeof FaultInjector>[0]) => {
  const injector = new FaultInjector(faults, 5);
  const handler = createHttpHandler({
    routes: [
      { method: "GET", path: "/api/v1/status", handle: () => ({ status: "Ok", message: null }) },
    ],
    auth: { keys: new Map(), now: Date.now },
    rateLimiter: new RateLimiter(),
    faults: injector,
  });
  return { handler, injector };
};

Deno.test("faults: REST 5xx and 429 are answered without processing, and counted", async () => {
  const { handler, injector } = handlerWith({ restServerError: 1 });
  const res = await handler(new Request("http://sim/api/v1/status"));
  assert.equal(res.status, 503);
  assert.deepEqual(await res.json(), { code: "SERVER_ERROR", message: "Service unavailable" });
  injector.set({ restTooManyRequests: 1 });
  const limited = await handler(new Request("http://sim/api/v1/status"));
  assert.equal(limited.status, 429);
  assert.equal(limited.headers.get("Retry-After"), "1");
  await limited.body?.cancel();
  injector.set({});
  const ok = await handler(new Request("http://sim/api/v1/status"));
  assert.equal(ok.status, 200);
  await ok.body?.cancel();
  assert.deepEqual(
    [injector.counts().restServerError, injector.counts().restTooManyRequests],
    [1, 1],
  );
});

Deno.test("faults: 202 applies only to order mutations", () => {
  const injector = new FaultInjector({ restAccepted: 1 }, 1);
  assert.equal(injector.drawRest(false), "none");
  assert.equal(injector.drawRest(true), "accepted");
  assert.equal(injector.counts().restAccepted, 1);
});
