/**
 * Trade ids are sequential per market on Backpack (REFERENCE §7 "Ids"), so two markets reuse the
 * same ids: the fill ledger must tell fills apart by market and trade id, in the ledger itself and
 * for a connector trading two markets against the simulator.
 */
import assert from "node:assert/strict";
import { Decimal } from "../../../src/decimal.ts";
import { startSimulator } from "../../../src/sim/mod.ts";
import { createConnector } from "../../../src/trading/create_connector.ts";
import { onSimulator } from "./on_simulator.ts";
import { FillLedger } from "../../../src/trading/fill_ledger.ts";
import type { TrackedFill } from "../../../src/trading/order_types.ts";

const fill = (symbol: string, tradeId: string): TrackedFill => ({
  tradeId,
  orderId: `${symbol}-1`,
  clientId: 1,
  symbol,
  side: "Bid",
  price: new Decimal("100"),
  quantity: new Decimal("1"),
  fee: new Decimal("0.05"),
  feeAsset: "USDC",
  maker: false,
  estimatedFee: new Decimal("0.05"),
  timestamp: new Date(1_700_000_000_000),
  source: "stream",
});

Deno.test("ledger: the same trade id in two markets is two fills", () => {
  const ledger = new FillLedger();
  assert.equal(ledger.add(fill("SOL_USDC_PERP", "7")), true);
  assert.equal(ledger.add(fill("BTC_USDC_PERP", "7")), true);
  assert.equal(ledger.add(fill("BTC_USDC_PERP", "7")), false);
  assert.equal(ledger.duplicates, 1);
  assert.deepEqual(ledger.list().map((f) => f.symbol), ["SOL_USDC_PERP", "BTC_USDC_PERP"]);
  assert.equal(ledger.has("SOL_USDC_PERP", "7"), true);
  assert.equal(ledger.has("SOL_USDC", "7"), false);
});

Deno.test("connector: fills of two markets with the same trade ids are all kept", async () => {
  const markets = ["SOL_USDC_PERP", "BTC_USDC_PERP"];
  const sim = await startSimulator({
    port: 0,
    tickMs: 0,
    seed: 3,
    syntheticLiquidity: false,
    accounts: [{}, {}],
  });
  const [trader, maker] = sim.accounts;
  const connector = await createConnector(onSimulator(sim, {
    apiSecret: trader!.apiSecret,
    markets,
  }));
  try {
    // The other account quotes both markets; each of our takers then trades ids 1, 2, 3 there.
    const quotes = { SOL_USDC_PERP: ["151", "1"], BTC_USDC_PERP: ["60100", "0.01"] } as const;
    for (const symbol of markets) {
      const [price, quantity] = quotes[symbol as keyof typeof quotes];
      sim.exchange.executeOrder(maker!.accountId, {
        symbol,
        side: "Ask",
        orderType: "Limit",
        price,
        quantity: new Decimal(quantity).times(3).toFixed(),
      }, Date.now());
      for (let i = 0; i < 3; i++) {
        const order = await connector.placeOrder({
          symbol,
          side: "Bid",
          orderType: "Limit",
          price,
          quantity,
          timeInForce: "IOC",
        });
        assert.equal(order.state, "Filled");
      }
    }
    await connector.reconcile();
    const simFills = sim.exchange.fills(trader!.accountId, { limit: 1000 });
    assert.equal(simFills.length, 6);
    const key = (f: { symbol: string; tradeId: string }) => `${f.symbol}#${f.tradeId}`;
    assert.deepEqual(connector.fills().map(key).sort(), simFills.map(key).sort());
    for (const symbol of markets) {
      assert.deepEqual(connector.fills(symbol).map((f) => f.tradeId).sort(), ["1", "2", "3"]);
      const position = sim.exchange.positions(trader!.accountId, symbol)[0]!;
      assert.ok(connector.position(symbol).netQuantity.eq(position.netQuantity), symbol);
    }
  } finally {
    await connector.close();
    await sim.close();
  }
});
