import assert from "node:assert/strict";
import { downloadHistory } from "../../../examples/history_download.ts";
import { startSimulator } from "../../../src/sim/mod.ts";
import { createClient } from "../../../mod.ts";

Deno.test("history download: every fill lands in the file once, with progress per page", async () => {
  const sim = await startSimulator({ port: 0, tickMs: 0 });
  const { apiSecret, accountId } = sim.accounts[0]!;
  const out = await Deno.makeTempFile({ suffix: ".jsonl" });
  const client = createClient({ baseUrl: sim.restUrl, apiSecret });
  try {
    for (let i = 0; i < 60; i++) {
      await client.executeOrder({
        symbol: "SOL_USDC_PERP",
        side: i % 2 === 0 ? "Bid" : "Ask",
        orderType: "Market",
        quantity: "0.1",
      });
    }
    const expected = sim.exchange.fills(accountId, { limit: 1000 }).map((f) => f.tradeId);
    assert.ok(expected.length >= 60);
    const lines: string[] = [];
    const rows = await downloadHistory({
      baseUrl: sim.restUrl,
      apiSecret,
      out,
      pageSize: 25,
      progress: (line) => lines.push(line),
    });
    const written = (await Deno.readTextFile(out)).trim().split("\n").map((l) => JSON.parse(l));
    assert.equal(rows, expected.length);
    assert.equal(written.length, expected.length);
    assert.deepEqual(
      written.map((f) => String(f.tradeId)).sort(),
      expected.map(String).sort(),
    );
    assert.equal(typeof written[0].price, "string", "decimals are written as strings");
    assert.equal(lines.filter((l) => l.includes("pages")).length, Math.floor(expected.length / 25));
    assert.match(lines.at(-1)!, new RegExp(`^done: ${expected.length} fills`));
  } finally {
    await client.close();
    await sim.close();
    await Deno.remove(out);
  }
});
