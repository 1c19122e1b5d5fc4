import assert from "node:assert/strict";
import * as Effect from "effect/Effect";
import { Decimal } from "../../../src/decimal.ts";
import { buildUrl, encodeBody, excerpt, parseRetryAfter } from "../../../src/rest/wire.ts";
import { type BackpackConfigOptions, DEFAULT_CONFIG, makeConfig } from "../../../src/config.ts";
import { InvalidInputError } from "../../../src/error_classes.ts";

Deno.test("parseRetryAfter reads delay-seconds and HTTP-dates", () => {
  assert.equal(parseRetryAfter(null, 0), undefined);
  assert.equal(parseRetryAfter("2", 0), 2000);
  assert.equal(parseRetryAfter(" 0.5 ", 0), 500);
  const now = Date.parse("Wed, 21 Oct 2015 07:28:00 GMT");
  assert.equal(parseRetryAfter("Wed, 21 Oct 2015 07:28:03 GMT", now), 3000);
  assert.equal(parseRetryAfter("Wed, 21 Oct 2015 07:27:00 GMT", now), 0, "past dates → 0");
  assert.equal(parseRetryAfter("soon", now), undefined);
});

Deno.test("buildUrl and encodeBody render like the signing string", () => {
  assert.equal(buildUrl("https://h", "/api/v1/capital"), "https://h/api/v1/capital");
  assert.equal(
    buildUrl("https://h", "/p", { b: true, a: new Decimal("1e-8"), c: undefined, d: "x y" }),
    "https://h/p?a=0.00000001&b=true&d=x%20y",
  );
  assert.equal(
    encodeBody([{ price: new Decimal("2.50"), id: 10n, postOnly: true, n: null }]),
    '[{"price":"2.5","id":"10","postOnly":true}]',
  );
  assert.equal(excerpt("x".repeat(600)).length, 513);
});

Deno.test("config: defaults, trailing slash trimmed, no broker id unless set, ranges checked", async () => {
  const config = await Effect.runPromise(makeConfig({ baseUrl: "http://127.0.0.1:8080/" }));
  assert.equal(config.baseUrl, "http://127.0.0.1:8080");
  assert.equal(config.window, DEFAULT_CONFIG.window);
  assert.equal(config.timeoutMs, 10000);
  assert.equal("brokerId" in config, false);
  assert.equal(config.clockSync, "onExpired");
  assert.equal((await Effect.runPromise(makeConfig({ clockSync: "off" }))).clockSync, "off");
  assert.equal((await Effect.runPromise(makeConfig({ brokerId: 1400 }))).brokerId, 1400);
  const invalid: ReadonlyArray<BackpackConfigOptions> = [
    { window: 0 },
    { window: 60001 },
    { timeoutMs: -1 },
    { brokerId: 70000 },
    { clockSync: "always" as BackpackConfigOptions["clockSync"] },
  ];
  for (const bad of invalid) {
    const error = await Effect.runPromise(Effect.flip(makeConfig(bad)));
    assert.ok(error instanceof InvalidInputError, JSON.stringify(bad));
  }
});
