/**
 * The demo (`npm run demo`): starts the embedded Backpack simulator, then talks to it through the
 * SDK's Promise facade exactly as a user would talk to the real exchange.
 *
 * @module
 */
import { createClient } from "../mod.ts";
import { startSimulator } from "../src/sim/mod.ts";

const sim = await startSimulator({ port: 0, seed: 7 });
const { apiKey, apiSecret } = sim.accounts[0]!;
const client = createClient({ baseUrl: sim.restUrl, apiKey, apiSecret });

try {
  console.log(`simulator up at ${sim.restUrl} (WS ${sim.wsUrl})\n`);
  const status = await client.getStatus();
  const offset = await client.syncClock();
  console.log(`status ${status.status}, clock offset ${offset} ms`);

  const markets = await client.getMarkets();
  console.log("\nmarkets");
  for (const m of markets) {
    console.log(
      `  ${m.symbol.padEnd(15)} ${
        m.marketType.padEnd(5)
      } tick ${m.filters.price.tickSize} step ${m.filters.quantity.stepSize}`,
    );
  }

  await new Promise((resolve) => setTimeout(resolve, 500));
  const book = await client.getDepth({ symbol: "SOL_USDC_PERP", limit: 5 });
  console.log(`\nSOL_USDC_PERP top of book (update ${book.lastUpdateId})`);
  for (let i = 4; i >= 0; i--) {
    const ask = book.asks[i];
    if (ask) console.log(`  ask ${ask[0].toFixed().padStart(10)}  ${ask[1].toFixed()}`);
  }
  for (const [price, qty] of book.bids.slice(0, 5)) {
    console.log(`  bid ${price.toFixed().padStart(10)}  ${qty.toFixed()}`);
  }

  const balances = await client.getBalances();
  console.log("\nbalances (signed GET /api/v1/capital)");
  for (const [asset, b] of Object.entries(balances)) {
    console.log(
      `  ${asset.padEnd(6)} available ${b.available.toFixed()} locked ${b.locked.toFixed()}`,
    );
  }
} finally {
  await client.close();
  await sim.close();
}
