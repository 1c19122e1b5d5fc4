// deno-lint-ignore-file explicit-module-boundary-types -- plain JS: types are in JSDoc
/**
 * The examples in short mode on Node and Bun, against the BUILT package. The examples import the
 * SDK by its package name (`@backpack-edge/sdk`: Deno resolves it to the sources through
 * deno.json, here it is the npm build): esbuild only strips their types and inlines their relative
 * imports (`./shared/target.ts`, `./strategy.ts`), leaving the package imports to the runtime,
 * which finds the build through the links scripts/test.sh makes in `tests/runtime/node_modules`.
 * The simulator comes from the package's `./sim` entry.
 *
 * @module
 */
import assert from "node:assert/strict";
import { build } from "esbuild";

const here = new URL(".", import.meta.url);

/** Compiles `examples/<path>` into `tests/runtime/node_modules/.examples/<runtime>/` and imports it. */
const example = async (runtime, path) => {
  const outfile = new URL(
    `node_modules/.examples/${runtime}/${path.replace(/\.ts$/, ".mjs")}`,
    here,
  );
  await build({
    entryPoints: [new URL(`../../examples/${path}`, here).pathname],
    outfile: outfile.pathname,
    bundle: true,
    packages: "external",
    format: "esm",
    platform: "neutral",
    logLevel: "warning",
  });
  return import(outfile.href);
};

/**
 * The example cases (same shape as the smoke cases).
 *
 * @param {string} runtime
 * @param {import("./smoke_cases.mjs").SmokeInput} input
 * @returns {Promise<{ name: string, run: () => Promise<void> }[]>}
 */
export const exampleCases = async (runtime, { entries, startSimulator }) => {
  const { monitorFunding } = await example(runtime, "funding_monitor.ts");
  const { runMarketMaker } = await example(runtime, "market_maker/bot.ts");
  const { createClient, createConnector, Decimal } = entries["."];
  return [
    {
      name: "examples/funding_monitor.ts (2 s): REST snapshot of every perp, then live lines",
      run: async () => {
        const sim = await startSimulator({ seed: 3 });
        try {
          const lines = [];
          const result = await monitorFunding({
            baseUrl: sim.restUrl,
            wsUrl: sim.wsUrl,
            seconds: 2,
            print: (line) => lines.push(line),
          });
          assert.deepEqual([...result.symbols].sort(), ["BTC_USDC_PERP", "SOL_USDC_PERP"]);
          for (const symbol of result.symbols) {
            assert.ok(result.updates[symbol] > 0, `${symbol} streamed`);
            const mine = lines.filter((l) => l.includes(symbol));
            assert.ok(mine.length >= 2, `${symbol}: ${mine.join(" / ")}`);
            for (const l of mine) {
              assert.match(l, /mark +\d+\.\d+ +funding [+-]\d+\.\d{4}% .*next in/);
            }
          }
          assert.ok(lines[0].startsWith("REST snapshot"));
        } finally {
          await sim.close();
        }
      },
    },
    {
      name:
        "examples/market_maker (3 s): quotes SOL_USDC_PERP through the connector, cancels all on exit",
      run: async () => {
        const symbol = "SOL_USDC_PERP";
        const sim = await startSimulator({ seed: 7 });
        const { apiKey, apiSecret } = sim.accounts[0];
        const client = createClient({ baseUrl: sim.restUrl, apiKey, apiSecret });
        let connector;
        try {
          const market = await client.getMarket({ symbol });
          connector = await createConnector({
            baseUrl: sim.restUrl,
            wsUrl: sim.wsUrl,
            apiKey,
            apiSecret,
            markets: [symbol],
          });
          const stats = await runMarketMaker({
            connector,
            symbol,
            durationMs: 3_000,
            config: {
              market,
              halfSpreadBps: new Decimal("3"),
              skewBpsPerUnit: new Decimal("1.5"),
              size: new Decimal("0.5"),
              maxInventory: new Decimal("3"),
              requoteTicks: 2,
            },
          });
          assert.ok(stats.ordersPlaced > 0, "placed orders");
          assert.equal(stats.makerFills + stats.takerFills, stats.fills);
          // Every order placed ended filled, cancelled or expired (cancel-all on exit).
          assert.equal(
            stats.ordersFilled + stats.ordersCancelled + stats.ordersExpired,
            stats.ordersPlaced,
            JSON.stringify(stats),
          );
          assert.deepEqual(await client.getOpenOrders({ symbol }), []);
        } finally {
          await connector?.close();
          await client.close();
          await sim.close();
        }
      },
    },
  ];
};
