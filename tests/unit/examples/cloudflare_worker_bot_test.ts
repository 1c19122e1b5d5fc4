import assert from "node:assert/strict";
import { startSimulator } from "@backpack-edge/sdk/sim";
import worker, { type BotRun, type Env } from "../../../examples/cloudflare_worker_bot/worker.ts";

Deno.test("worker bot (Deno): fetch and scheduled runs read the book, place and cancel a bid", async () => {
  const sim = await startSimulator({ port: 0, seed: 5 });
  try {
    const env: Env = {
      BACKPACK_URL: sim.restUrl,
      BACKPACK_WS_URL: sim.wsUrl,
      BACKPACK_SECRET: sim.accounts[0]!.apiSecret,
    };
    const response = await worker.fetch(new Request("http://bot.test/"), env);
    assert.equal(response.status, 200);
    const run: BotRun = await response.json();
    assert.equal(run.symbol, "SOL_USDC_PERP");
    assert.equal(run.scheduled, false);
    assert.ok(Number(run.order.price) < Number(run.bestBid), "the bid rests under the best bid");
    assert.ok(Number(run.bestBid) < Number(run.bestAsk));
    assert.deepEqual(run.statuses, ["New", "Cancelled"]);
    assert.deepEqual(sim.exchange.openOrders(sim.accounts[0]!.accountId), []);

    assert.equal(await (await worker.fetch(new Request("http://bot.test/last"), env)).json(), null);
    await worker.scheduled({}, env);
    const last: BotRun = await (await worker.fetch(new Request("http://bot.test/last"), env))
      .json();
    assert.equal(last.scheduled, true);
    assert.deepEqual(last.statuses, ["New", "Cancelled"]);
    assert.notEqual(last.order.id, run.order.id);

    const bad = await worker.fetch(new Request("http://bot.test/"), {
      ...env,
      SYMBOL: "NOPE_USDC",
    });
    assert.equal(bad.status, 500);
    const body = await bad.json();
    assert.equal(typeof body.error, "string");
    assert.ok(!JSON.stringify(body).includes(env.BACKPACK_SECRET));
  } finally {
    await sim.close();
  }
});
