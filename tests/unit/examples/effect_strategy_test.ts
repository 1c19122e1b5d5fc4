import assert from "node:assert/strict";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import { Connector, Decimal } from "@backpack-edge/sdk/effect";
import { startSimulator } from "@backpack-edge/sdk/sim";
import { PegParams, pegStrategy } from "../../../examples/effect_strategy.ts";

Deno.test("effect strategy: accumulates the target with post-only bids, then unwinds with reduce-only asks", async () => {
  const sim = await startSimulator({ port: 0, seed: 1 });
  try {
    const symbol = "SOL_USDC_PERP";
    const layer = Layer.mergeAll(
      Connector.layer({
        baseUrl: sim.restUrl,
        wsUrl: sim.wsUrl,
        apiSecret: sim.accounts[0]!.apiSecret,
        markets: [symbol],
      }),
      Layer.succeed(PegParams, {
        symbol,
        target: new Decimal("1"),
        clip: new Decimal("0.5"),
        tick: new Decimal("0.01"),
        durationMs: 10_000,
      }),
    );
    const report = await Effect.runPromise(Effect.provide(pegStrategy, layer));
    const sum = (side: "Bid" | "Ask"): Decimal =>
      report.fills.filter((f) => f.side === side).reduce(
        (total, f) => total.plus(f.quantity),
        new Decimal(0),
      );
    assert.equal(report.reachedTarget, true);
    assert.ok(sum("Bid").gte("1"), `bought ${sum("Bid")}`);
    assert.ok(sum("Ask").lte(sum("Bid")), "reduce-only asks never sell more than was bought");
    assert.ok(report.fills.every((f) => f.maker), "post-only orders only ever make");
    assert.ok(report.position.eq(sum("Bid").minus(sum("Ask"))));
    if (report.outcome === "done") assert.ok(report.position.isZero());
    // Everything was cancelled on the way out.
    assert.deepEqual(sim.exchange.openOrders(sim.accounts[0]!.accountId, symbol), []);
  } finally {
    await sim.close();
  }
});
