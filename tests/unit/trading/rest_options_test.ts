/** The connector passes its REST settings to the REST stack, and nothing it was not given. */
import assert from "node:assert/strict";
import { restOptions } from "../../../src/trading/service.ts";

Deno.test("restOptions: window, timeoutMs, brokerId and clockSync pass through; restUrl is baseUrl", () => {
  const options = restOptions({
    apiSecret: "secret",
    markets: ["SOL_USDC_PERP"],
    restUrl: "http://127.0.0.1:1",
    window: 1500,
    timeoutMs: 2000,
    brokerId: 7,
    clockSync: "off",
  });
  assert.deepEqual(options, {
    apiSecret: "secret",
    baseUrl: "http://127.0.0.1:1",
    window: 1500,
    timeoutMs: 2000,
    brokerId: 7,
    clockSync: "off",
  });
});

Deno.test("restOptions: no broker id (or any other setting) unless the user sets it", () => {
  assert.deepEqual(restOptions({ apiSecret: "secret", markets: ["SOL_USDC_PERP"] }), {
    apiSecret: "secret",
  });
});
