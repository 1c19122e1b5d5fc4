import assert from "node:assert/strict";
import { InvalidInputError, UnsupportedError } from "../../../src/error_classes.ts";
import type { ExecuteOrderParams } from "../../../src/orders/validate_order.ts";
import { executeOrder } from "../../../src/rest/order_execute.ts";
import { getPositions } from "../../../src/rest/positions.ts";
import { startSimulator } from "../../../src/sim/mod.ts";
import { fixtureJson } from "../schema/fixtures.ts";
import { assertSigned, outcome, pathAndQuery } from "../orders/support.ts";
import { fakeFetch, json } from "./support.ts";

Deno.test("getPositions: signed positionQuery with filters; fixture decoded", async () => {
  const body = await fixtureJson("rest-positions.ccxt.json");
  const { seen, fetch } = fakeFetch(() => json(body));
  const result = await outcome(getPositions({ symbol: "ETH_USDC_PERP", marketType: "PERP" }), {
    fetch,
  });
  assert.ok(result.ok);
  assert.equal(result.value[0].netQuantity.toFixed(), "0.0036");
  assert.equal(result.value[0].breakEvenPrice.gt(result.value[0].entryPrice), true);
  assert.equal(pathAndQuery(seen[0]), "/api/v1/position?marketType=PERP&symbol=ETH_USDC_PERP");
  await assertSigned(seen[0], "positionQuery", { symbol: "ETH_USDC_PERP", marketType: "PERP" });
  const all = await outcome(getPositions(), { fetch });
  assert.ok(all.ok);
  assert.equal(pathAndQuery(seen[1]), "/api/v1/position");
});

Deno.test("getPositions: a malformed filter is refused before any request", async () => {
  const { seen, fetch } = fakeFetch(() => json([]));
  const result = await outcome(getPositions({ symbol: "SOL USDC" }), { fetch });
  assert.ok(!result.ok && result.error instanceof InvalidInputError);
  assert.equal(seen.length, 0);
});

Deno.test("a hedge-mode request fails with UnsupportedError, nothing sent", async () => {
  const { seen, fetch } = fakeFetch(() => json([]));
  const hedged = {
    symbol: "SOL_USDC_PERP",
    side: "Bid",
    orderType: "Market",
    quantity: "1",
    positionSide: "SHORT",
  } as unknown as ExecuteOrderParams;
  const result = await outcome(executeOrder(hedged), { fetch });
  assert.ok(!result.ok && result.error instanceof UnsupportedError);
  assert.equal(result.error.feature, "hedge mode");
  assert.equal(seen.length, 0);
});

Deno.test("simulator: a filled perp buy opens a long, a sell of the same size flattens it", async () => {
  const sim = await startSimulator({ port: 0, tickMs: 0 });
  try {
    const options = { baseUrl: sim.restUrl, apiSecret: sim.accounts[0].apiSecret };
    const buy = await outcome(
      executeOrder({ symbol: "SOL_USDC_PERP", side: "Bid", orderType: "Market", quantity: "2" }),
      options,
    );
    assert.ok(buy.ok, buy.ok ? "" : buy.error.message);
    assert.equal(buy.value.status, "Filled");
    const open = await outcome(getPositions({ symbol: "SOL_USDC_PERP" }), options);
    assert.ok(open.ok);
    assert.equal(open.value.length, 1);
    const [position] = open.value;
    assert.equal(position.netQuantity.toFixed(), "2");
    assert.ok(position.entryPrice.gt(0) && position.markPrice.gt(0));
    assert.ok(position.imf.gt(0) && position.mmf.gt(0));
    assert.equal(position.imfFunction.type, "sqrt");
    const sell = await outcome(
      executeOrder({
        symbol: "SOL_USDC_PERP",
        side: "Ask",
        orderType: "Market",
        quantity: "2",
        reduceOnly: true,
      }),
      options,
    );
    assert.ok(sell.ok && sell.value.status === "Filled");
    const after = await outcome(getPositions({ symbol: "SOL_USDC_PERP" }), options);
    assert.ok(after.ok);
    assert.ok(after.value.every((p) => p.netQuantity.isZero()));
  } finally {
    await sim.close();
  }
});
