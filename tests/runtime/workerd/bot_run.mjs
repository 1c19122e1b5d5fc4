/**
 * workerd bot suite: bundles `examples/cloudflare_worker_bot/worker.ts` against the BUILT npm
 * package (esbuild, `workerd`/`worker`/`browser` conditions, as wrangler would), starts the
 * simulator from Node (the package's `./sim` entry), runs the Worker in workerd through Miniflare
 * with the simulator's URLs and test secret as bindings, and checks a `fetch` run, a Cron Trigger
 * run and an error answer. Prints `workerd-bot: N passed, M failed`.
 * Run with Node after the npm build: `node tests/runtime/workerd/bot_run.mjs`.
 *
 * @module
 */
import assert from "node:assert/strict";
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { startSimulator } from "@backpack-edge/sdk/sim";

const here = new URL(".", import.meta.url);
const entry = new URL("../../../examples/cloudflare_worker_bot/worker.ts", here).pathname;

const bundle = await build({
  entryPoints: [entry],
  bundle: true,
  write: false,
  format: "esm",
  platform: "neutral",
  conditions: ["workerd", "worker", "browser"],
  mainFields: ["module", "main"],
  // The example imports the package by name: resolve it (and its dependencies) from the links
  // scripts/test.sh makes in tests/runtime/node_modules.
  nodePaths: [new URL("../node_modules", here).pathname],
  external: ["node:*"],
  logLevel: "warning",
});

const sim = await startSimulator({ port: 0, seed: 11 });
const account = sim.accounts[0];
const bindings = {
  BACKPACK_URL: sim.restUrl,
  BACKPACK_WS_URL: sim.wsUrl,
  BACKPACK_SECRET: account.apiSecret,
};
/**
 * Miniflare options for the bundle. The module is listed explicitly: Miniflare's automatic module
 * scan refuses the computed `import("node:worker_threads")` of the order-book client (the Node
 * worker path, which workerd never takes: the bot uses `mode: "inline"`).
 */
const options = (extra = {}) => ({
  modules: [{ type: "ESModule", path: "worker.mjs", contents: bundle.outputFiles[0].text }],
  compatibilityDate: "2025-09-01",
  compatibilityFlags: ["nodejs_compat"],
  bindings: { ...bindings, ...extra },
});
const mf = new Miniflare(options());

let passed = 0;
let failed = 0;
const check = async (name, run) => {
  try {
    await run();
    passed++;
    console.log(`ok   ${name}`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${name}\n     ${String(error?.stack ?? error).split("\n").join("\n     ")}`);
  }
};

/** A run's answer must show a Live book, a bid under the best bid, placed then cancelled. */
const assertRun = (run, scheduled) => {
  assert.equal(run.symbol, "SOL_USDC_PERP");
  assert.equal(run.scheduled, scheduled);
  assert.ok(Number(run.bestBid) < Number(run.bestAsk), JSON.stringify(run));
  assert.ok(Number(run.order.price) < Number(run.bestBid));
  assert.deepEqual(run.statuses, ["New", "Cancelled"]);
  assert.deepEqual(sim.exchange.openOrders(account.accountId), []);
};

try {
  let first;
  await check("loads in workerd; no scheduled run yet", async () => {
    const ua = await (await mf.dispatchFetch("http://bot.test/last")).text();
    assert.equal(ua, "null");
  });
  await check("fetch: inline book Live, post-only bid placed and cancelled", async () => {
    const response = await mf.dispatchFetch("http://bot.test/");
    const text = await response.text();
    assert.equal(response.status, 200, text);
    first = JSON.parse(text);
    assertRun(first, false);
  });
  await check("scheduled (Cron Trigger): the same run, recorded for GET /last", async () => {
    const worker = await mf.getWorker();
    await worker.scheduled({ cron: "*/5 * * * *" });
    const last = await (await mf.dispatchFetch("http://bot.test/last")).json();
    assertRun(last, true);
    assert.notEqual(last.order.id, first?.order.id);
  });
  await check("errors answer 500 with the SDK error tag and no secret", async () => {
    await mf.setOptions(options({ SYMBOL: "NOPE_USDC" }));
    const response = await mf.dispatchFetch("http://bot.test/");
    const text = await response.text();
    assert.equal(response.status, 500);
    assert.ok(JSON.parse(text).error, text);
    assert.ok(!text.includes(account.apiSecret));
  });
} finally {
  await mf.dispose();
  await sim.close();
}
console.log(`workerd-bot: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
