/**
 * A private subscription the server rejects fails with a typed `AuthError` instead of staying
 * silent: a simulator whose clock is 30 s ahead rejects the subscription's timestamp.
 */
import assert from "node:assert/strict";
import { createClient } from "../../../src/client/create_client.ts";
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

/** A simulator whose clock is 30 s ahead: the SDK's subscription timestamps are expired. */
const skewedSim = () => startSimulator({ port: 0, tickMs: 20, clockOffsetMs: 30_000 });

/** Asserts that the first `next()` of the iterator rejects with AuthError RequestExpired. */
const rejectsExpired = async (
  iterator: AsyncIterator<unknown>,
  detail: RegExp,
): Promise<void> => {
  await assert.rejects(iterator.next(), (error: unknown) => {
    assert.ok(error instanceof AuthError, String(error));
    assert.equal(error.reason, "RequestExpired");
    assert.equal(error.endpoint, "ws account.orderUpdate");
    assert.match(error.detail, detail);
    return true;
  });
};

Deno.test("an expired private subscription takes the server's time from baseUrl and is subscribed again", async () => {
  const sim = await skewedSim();
  const secret = sim.accounts[0]!.apiSecret;
  const streams = createStreams({ baseUrl: sim.restUrl, wsUrl: sim.wsUrl, apiSecret: secret });
  const client = createClient({ baseUrl: sim.restUrl, apiSecret: secret });
  try {
    const orders = streams.orderUpdates({ symbol: "SOL_USDC" })[Symbol.asyncIterator]();
    const first = orders.next();
    // Place orders until one is reported on the stream (the subscription recovers first).
    const bestBid = sim.exchange.trueBook("SOL_USDC").bids[0]![0];
    let update: IteratorResult<unknown> | undefined;
    const reported = first.then((result) => (update = result));
    for (let i = 0; i < 50 && update === undefined; i++) {
      await client.executeOrder({
        symbol: "SOL_USDC",
        side: "Bid",
        orderType: "Limit",
        price: bestBid,
        quantity: "0.01",
      });
      await Promise.race([reported, new Promise((resolve) => setTimeout(resolve, 100))]);
    }
    assert.equal(update?.done, false, "no order update arrived");
    await orders.return?.();
  } finally {
    await client.close();
    await streams.close();
    await sim.close();
  }
});

Deno.test("two private subscriptions rejected as expired share one resync and both recover", async () => {
  const sim = await skewedSim();
  let timeReads = 0;
  const timeServer = Deno.serve(
    { port: 0, hostname: "127.0.0.1", onListen: () => {} },
    // Slow: the second SUBSCRIBE is sent (and rejected) while the resync is still running.
    async () => {
      timeReads++;
      await new Promise((resolve) => setTimeout(resolve, 200));
      return fetch(`${sim.restUrl}/api/v1/time`);
    },
  );
  const account = sim.accounts[0]!;
  const streams = createStreams({
    baseUrl: `http://127.0.0.1:${timeServer.addr.port}`,
    wsUrl: sim.wsUrl,
    apiSecret: account.apiSecret,
  });
  // An open position: the position stream starts with its snapshot once subscribed.
  sim.exchange.executeOrder(
    account.accountId,
    { symbol: "SOL_USDC_PERP", side: "Bid", orderType: "Market", quantity: "0.1" },
    Date.now() + 30_000,
  );
  try {
    // Subscribed one after the other: two signed SUBSCRIBEs, two rejections.
    const positions = streams.positionUpdates()[Symbol.asyncIterator]();
    const firstPosition = positions.next();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const orders = streams.orderUpdates()[Symbol.asyncIterator]();
    const firstOrder = orders.next();
    firstOrder.catch(() => {}); // settled when the streams close
    const position = await Promise.race([
      firstPosition,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error("no position snapshot within 5 s")), 5_000)
      ),
    ]);
    assert.equal(position.done, false);
    assert.equal(timeReads, 1, "one resync for both rejections");
    await Promise.all([positions.return?.(), orders.return?.()]);
  } finally {
    await streams.close();
    await timeServer.shutdown();
    await sim.close();
  }
});

Deno.test("a private subscription rejected as expired fails with AuthError when it cannot resync; public streams go on", async (t) => {
  const sim = await skewedSim();
  // A server whose /api/v1/time is this machine's clock: the resync does not fix the skew.
  let timeReads = 0;
  const wrongClock = Deno.serve(
    { port: 0, hostname: "127.0.0.1", onListen: () => {} },
    () => (timeReads++, new Response(String(Date.now()))),
  );
  const cases = [
    { name: "clockSync off", options: { clockSync: "off" as const }, detail: /clock is off/ },
    {
      name: "baseUrl unreachable",
      options: { baseUrl: "http://127.0.0.1:1" },
      detail: /the clock resync failed/,
    },
    {
      name: "rejected again right after a resync",
      options: { baseUrl: `http://127.0.0.1:${wrongClock.addr.port}` },
      detail: /clock is off/,
    },
  ];
  try {
    for (const { name, options, detail } of cases) {
      await t.step(name, async () => {
        const streams = createStreams({
          ...options,
          wsUrl: sim.wsUrl,
          apiSecret: sim.accounts[0]!.apiSecret,
        });
        try {
          const trades = streams.trades({ symbol: "SOL_USDC_PERP" })[Symbol.asyncIterator]();
          await rejectsExpired(streams.orderUpdates()[Symbol.asyncIterator](), detail);
          if (name.startsWith("rejected again")) assert.equal(timeReads, 1, "one resync, no loop");
          // The shared connection and its public subscriptions are not affected.
          assert.equal((await trades.next()).done, false);
          await trades.return?.();
        } finally {
          await streams.close();
        }
      });
    }
  } finally {
    await wrongClock.shutdown();
    await sim.close();
  }
});
