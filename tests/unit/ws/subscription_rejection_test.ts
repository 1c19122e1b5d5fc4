/**
 * A private subscription the server rejects fails with a typed `AuthError` instead of staying
 * silent: a simulator whose clock is 30 s ahead rejects the subscription's timestamp.
 */
import assert from "node:assert/strict";
import { createStreams } from "../../../src/client/create_streams.ts";
import { AuthError } from "../../../src/error_classes.ts";
import { startSimulator } from "../../../src/sim/mod.ts";
import {
  type ErrorFrameEvent,
  isAuthRejection,
  subscriptionAuthError,
} from "../../../src/ws/subscription_rejection.ts";

const frame = (code: number, message: string): ErrorFrameEvent => ({
  type: "error",
  id: null,
  code,
  message,
});

Deno.test("isAuthRejection: authentication wording or code 4001, not an unknown stream", () => {
  assert.equal(isAuthRejection(frame(4006, "Invalid stream")), false);
  assert.equal(isAuthRejection(frame(4000, "Invalid message")), false);
  assert.equal(isAuthRejection(frame(4001, "Missing signature")), true);
  assert.equal(isAuthRejection(frame(4005, "Request has expired")), true);
  assert.equal(isAuthRejection(frame(4002, "Invalid signature")), true);
  const expired = subscriptionAuthError(frame(4001, "Request has expired"), "account.orderUpdate");
  assert.equal(expired.reason, "RequestExpired");
  assert.equal(expired.endpoint, "ws account.orderUpdate");
  assert.match(expired.detail, /clock/);
  assert.equal(
    subscriptionAuthError(frame(4001, "Invalid signature"), "account.orderUpdate").reason,
    "InvalidSignature",
  );
});

Deno.test("a private subscription rejected for clock skew fails with AuthError RequestExpired; public streams go on", async () => {
  const sim = await startSimulator({ port: 0, tickMs: 20, clockOffsetMs: 30_000 });
  const streams = createStreams({ wsUrl: sim.wsUrl, apiSecret: sim.accounts[0]!.apiSecret });
  try {
    const trades = streams.trades({ symbol: "SOL_USDC_PERP" })[Symbol.asyncIterator]();
    const orders = streams.orderUpdates()[Symbol.asyncIterator]();
    await assert.rejects(orders.next(), (error: unknown) => {
      assert.ok(error instanceof AuthError, String(error));
      assert.equal(error.reason, "RequestExpired");
      assert.equal(error.endpoint, "ws account.orderUpdate");
      return true;
    });
    // The shared connection and its public subscriptions are not affected.
    const trade = await trades.next();
    assert.equal(trade.done, false);
    await trades.return?.();
  } finally {
    await streams.close();
    await sim.close();
  }
});
