import assert from "node:assert/strict";
import { HttpError } from "../../../../src/sim/server/responses.ts";
import { RateLimiter } from "../../../../src/sim/server/rate_limit.ts";

const rejected = (f: () => void): HttpError => {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof HttpError);
    return e;
  }
  assert.fail("expected a 429");
};

Deno.test("rate limit: general budget per caller, 429 TOO_MANY_REQUESTS with Retry-After", () => {
  const limiter = new RateLimiter({ general: 3, windowMs: 60_000 });
  for (let i = 0; i < 3; i++) limiter.take("a", "/api/v1/depth", 0);
  const e = rejected(() => limiter.take("a", "/api/v1/depth", 0));
  assert.equal(e.status, 429);
  assert.equal(e.code, "TOO_MANY_REQUESTS");
  assert.equal(e.headers["Retry-After"], "20");
  limiter.take("b", "/api/v1/depth", 0); // other caller unaffected
  limiter.take("a", "/api/v1/depth", 20_000); // refilled one token
  rejected(() => limiter.take("a", "/api/v1/depth", 20_000));
});

Deno.test("rate limit: historical endpoints have their own smaller budget", () => {
  const limiter = new RateLimiter({ general: 100, historical: 2, windowMs: 60_000 });
  limiter.take("a", "/api/v1/klines", 0);
  limiter.take("a", "/api/v1/trades/history", 0);
  assert.equal(
    rejected(() => limiter.take("a", "/api/v1/fundingRates", 0)).headers["Retry-After"],
    "30",
  );
  limiter.take("a", "/api/v1/trades", 0); // not historical
});
