import assert from "node:assert/strict";
import { startSimulator } from "@backpack-edge/sdk/sim";
import { monitorFunding } from "../../../examples/funding_monitor.ts";

Deno.test("funding monitor: REST snapshot of every perp, then live markPrice lines", async () => {
  const sim = await startSimulator({ port: 0, seed: 3 });
  try {
    const lines: string[] = [];
    const result = await monitorFunding({
      baseUrl: sim.restUrl,
      wsUrl: sim.wsUrl,
      seconds: 2,
      print: (line) => lines.push(line),
    });
    assert.deepEqual([...result.symbols].sort(), ["BTC_USDC_PERP", "SOL_USDC_PERP"]);
    for (const symbol of result.symbols) {
      assert.ok(result.updates[symbol]! > 0, `${symbol} streamed`);
      // One REST line and at least one live line per market, each with a funding estimate.
      const mine = lines.filter((l) => l.includes(symbol));
      assert.ok(mine.length >= 2, `${symbol}: ${mine.join(" / ")}`);
      for (const l of mine) assert.match(l, /mark +\d+\.\d+ +funding [+-]\d+\.\d{4}% .*next in/);
    }
    assert.equal(lines[0]!.startsWith("REST snapshot"), true);
    assert.ok(lines.some((l) => /^\[\d\d:\d\d:\d\d\] SOL_USDC_PERP/.test(l)));
  } finally {
    await sim.close();
  }
});
