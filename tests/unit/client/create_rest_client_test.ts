/** `createRestClient` against the simulator: only the endpoints it was given, as Promise methods. */
import assert from "node:assert/strict";
import {
  ApiError,
  createRestClient,
  Decimal,
  InvalidInputError,
  UnavailableError,
} from "../../../mod.ts";
import { executeOrder, getBalances, getDepth, getOpenOrders } from "../../../effect.ts";
import { startSimulator } from "../../../src/sim/mod.ts";
import { printedForms } from "./printed.ts";

const SPOT = "SOL_USDC";

Deno.test("createRestClient: decoded data from exactly the endpoints it was given", async () => {
  const sim = await startSimulator({ port: 0, tickMs: 0 });
  const client = createRestClient({ getDepth, getBalances }, {
    baseUrl: sim.restUrl,
    apiSecret: sim.accounts[0].apiSecret,
    rateLimit: false,
  });
  try {
    const book = await client.getDepth({ symbol: SPOT, limit: 5 });
    assert.ok(book.bids.length > 0 && book.bids.length <= 5);
    const [price, quantity] = book.bids[0];
    assert.ok(price instanceof Decimal && quantity instanceof Decimal);
    assert.ok(book.asks[0][0].gt(price), "best ask above best bid");
    const balances = await client.getBalances();
    assert.ok(balances.USDC.available instanceof Decimal);
    assert.ok(balances.USDC.available.gt(0));

    assert.deepEqual(Object.keys(client).sort(), [
      "close",
      "getBalances",
      "getDepth",
      "toJSON",
      "toString",
    ]);
    // @ts-expect-error: an endpoint that was not picked is not a method
    assert.equal(client.getMarkets, undefined);
  } finally {
    await client.close();
    await sim.close();
  }
});

Deno.test("createRestClient: rejects with the tagged error instances", async () => {
  const sim = await startSimulator({ port: 0, tickMs: 0 });
  await using client = createRestClient({ getDepth, getBalances }, {
    baseUrl: sim.restUrl,
    rateLimit: false,
  });
  try {
    await assert.rejects(client.getBalances(), (err: unknown) => {
      assert.ok(err instanceof InvalidInputError);
      assert.equal(err.reason, "Missing");
      return true;
    });
    await assert.rejects(client.getDepth({ symbol: "NOPE_USDC" }), (err: unknown) => {
      assert.ok(err instanceof ApiError, String(err));
      assert.equal(err._tag, "ApiError");
      return true;
    });
  } finally {
    await sim.close();
  }
});

Deno.test("createRestClient: never reveals the secret; calls after close reject", async () => {
  const sim = await startSimulator({ port: 0, tickMs: 0 });
  const { apiSecret } = sim.accounts[0];
  const client = createRestClient({ getDepth, getBalances }, {
    baseUrl: sim.restUrl,
    apiSecret,
    rateLimit: false,
  });
  try {
    assert.ok((await client.getBalances()).USDC !== undefined);
    for (const text of printedForms(client)) {
      assert.ok(!text.includes(apiSecret.slice(0, 20)), text);
      assert.ok(text.includes("signed"), text);
    }
    await client.close();
    const closed = (err: unknown): boolean =>
      err instanceof UnavailableError && err.code === "CLIENT_CLOSED";
    await assert.rejects(client.getDepth({ symbol: SPOT }), closed);
    await assert.rejects(client.getBalances(), closed);
  } finally {
    await client.close();
    await sim.close();
  }
});

Deno.test("createRestClient: close() lets an order placement in flight get its answer, then refuses calls", async () => {
  const sim = await startSimulator({ port: 0, tickMs: 0 });
  // The order request takes 200 ms to reach the exchange.
  const slowFetch: typeof fetch = async (input, init) => {
    await new Promise((resolve) => setTimeout(resolve, 200));
    return fetch(input, init);
  };
  const client = createRestClient({ executeOrder, getOpenOrders }, {
    baseUrl: sim.restUrl,
    apiSecret: sim.accounts[0].apiSecret,
    fetch: slowFetch,
    rateLimit: false,
  });
  const bestBid = sim.exchange.trueBook(SPOT).bids[0]![0]; // rests: a bid at the best bid
  const placing = client.executeOrder({
    symbol: SPOT,
    side: "Bid",
    orderType: "Limit",
    price: bestBid,
    quantity: "1",
    clientId: 77,
  });
  await new Promise((resolve) => setTimeout(resolve, 20)); // the request is on its way
  const closing = client.close();
  try {
    await assert.rejects(
      client.getOpenOrders({ symbol: SPOT }),
      (e) => e instanceof UnavailableError && e.code === "CLIENT_CLOSED",
    );
    const order = await placing; // answered, not cut off
    assert.equal(order.clientId, 77);
    assert.equal(order.status, "New");
    await closing;
    const resting = sim.exchange.openOrders(sim.accounts[0].accountId, SPOT);
    assert.deepEqual(resting.map((o) => o.clientId), [77]);
  } finally {
    await closing;
    await sim.close();
  }
});
