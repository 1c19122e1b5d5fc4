import assert from "node:assert/strict";
import { main } from "../../../scripts/demo.ts";

Deno.test("demo (short mode): quotes, gets filled, cancels everything and prints the summary", async () => {
  let output = "";
  const result = await main({ seconds: 3, write: (text) => (output += text) });
  const { stats } = result;
  assert.ok(stats.ordersPlaced > 0, "placed orders");
  assert.ok(stats.fills > 0, "got fills");
  assert.equal(stats.makerFills + stats.takerFills, stats.fills);
  assert.ok(stats.bought.plus(stats.sold).isPositive(), "traded volume");
  // Every order placed ended filled, cancelled or expired (cancel-all on exit).
  assert.equal(
    stats.ordersFilled + stats.ordersCancelled + stats.ordersExpired,
    stats.ordersPlaced,
  );
  assert.ok(result.position.netQuantity.abs().lte(3), "inventory within its limit");
  assert.match(output, /backpack-edge demo: market making SOL_USDC_PERP/);
  assert.match(output, /\] fill +(bought|sold)/);
  assert.match(output, /\]\s+book \d/);
  assert.ok(output.includes(result.summary));
  assert.match(result.summary, /summary: SOL_USDC_PERP/);
  assert.match(result.summary, new RegExp(`orders placed +${stats.ordersPlaced}\\n`));
  assert.ok(!output.includes("\x1b["), "no ANSI codes unless asked");
});
