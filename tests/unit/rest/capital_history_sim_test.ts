/** Round trips of the capital, history, borrow/lend, RFQ, strategy and vault endpoints against the simulator. */
import assert from "node:assert/strict";
import { createClient } from "../../../src/client/create_client.ts";
import { Decimal } from "../../../src/decimal.ts";
import { startSimulator } from "../../../src/sim/mod.ts";

const withSim = async (
  run: (
    client: ReturnType<typeof createClient>,
    sim: Awaited<ReturnType<typeof startSimulator>>,
  ) => Promise<void>,
) => {
  const sim = await startSimulator({ port: 0, seed: 7, tickMs: 0 });
  const { apiKey, apiSecret } = sim.accounts[0]!;
  const client = createClient({ baseUrl: sim.restUrl, apiKey, apiSecret, rateLimit: false });
  try {
    await run(client, sim);
  } finally {
    await client.close();
    await sim.close();
  }
};

Deno.test("sim: collateral, deposits, deposit address, withdrawals list and withdraw", async () => {
  await withSim(async (client) => {
    const collateral = await client.getCollateral();
    assert.ok(collateral.netEquity instanceof Decimal);
    assert.ok(collateral.collateral.some((c) => c.symbol === "USDC"));
    const deposits = await client.getDeposits({ limit: 10 });
    assert.ok(deposits.length >= 1);
    assert.ok(deposits[0].createdAt instanceof Date);
    assert.ok(deposits[0].quantity instanceof Decimal);
    const address = await client.getDepositAddress({ blockchain: "Solana" });
    assert.equal(typeof address.address, "string");
    const before = await client.getWithdrawals();
    const made = await client.withdraw({
      address: "SimExternalWallet111111111111111111111111",
      blockchain: "Solana",
      quantity: "10",
      symbol: "USDC",
      clientId: "w-1",
    });
    assert.equal(made.quantity.toFixed(), "10");
    const after = await client.getWithdrawals({ clientId: "w-1" });
    assert.ok(after.length > before.filter((w) => w.clientId === "w-1").length);
  });
});

Deno.test("sim: fills and order history after trading, walked with iterateFills", async () => {
  await withSim(async (client, sim) => {
    const { accountId } = sim.accounts[0]!;
    for (let i = 0; i < 3; i++) {
      sim.exchange.executeOrder(
        accountId,
        { symbol: "SOL_USDC", side: "Bid", orderType: "Market", quantity: "0.1", clientId: i + 1 },
        Date.now(),
      );
    }
    const fills = await client.getFillHistory({ symbol: "SOL_USDC", limit: 1000 });
    assert.ok(fills.length >= 3);
    assert.ok(fills.every((f) => f.timestamp instanceof Date && f.price instanceof Decimal));
    const walked = await Array.fromAsync(client.iterateFills({ symbol: "SOL_USDC", limit: 1 }));
    assert.equal(walked.length, fills.length);
    const orders = await client.getOrderHistory({ symbol: "SOL_USDC" });
    assert.ok(orders.length >= 3);
    assert.ok(orders[0].createdAt instanceof Date);
    const funding = await client.getFundingPayments();
    assert.ok(Array.isArray(funding));
    const settlements = await client.getSettlementHistory({ limit: 5 });
    assert.ok(settlements.every((s) => s.quantity instanceof Decimal));
    const positions = await client.getPositionHistory();
    assert.ok(Array.isArray(positions));
  });
});

Deno.test("sim: borrow/lend, strategy, vault and RFQ round trips", async () => {
  await withSim(async (client) => {
    await client.executeBorrowLend({ symbol: "USDC", side: "Lend", quantity: "100" });
    const lends = await client.getBorrowLendPositions();
    assert.ok(lends.some((p) => p.symbol === "USDC" && p.netQuantity.gt(0)));
    const moves = await client.getBorrowLendHistory({ symbol: "USDC" });
    assert.ok(moves.some((m) => m.eventType === "Lend"));
    assert.ok(Array.isArray(await client.getInterestHistory()));
    assert.ok(Array.isArray(await client.getBorrowPositionHistory()));
    assert.ok(Array.isArray(await client.getDustHistory()));

    const strategy = await client.createStrategy({
      symbol: "SOL_USDC",
      side: "Bid",
      strategyType: "Scheduled",
      quantity: "1",
      duration: 600_000,
      interval: 60_000,
      clientStrategyId: 42,
    });
    assert.equal(strategy.clientStrategyId, 42);
    const again = await client.getStrategy({ symbol: "SOL_USDC", strategyId: strategy.id });
    assert.equal(again.id, strategy.id);
    assert.ok(
      (await client.getOpenStrategies({ symbol: "SOL_USDC" })).some((s) => s.id === strategy.id),
    );
    const cancelled = await client.cancelStrategy({ symbol: "SOL_USDC", clientStrategyId: 42 });
    assert.equal(cancelled.id, strategy.id);
    assert.ok(Array.isArray(await client.cancelStrategies({ symbol: "SOL_USDC" })));
    assert.ok((await client.getStrategyHistory()).some((s) => s.id === strategy.id));

    const nav = await client.getVaultNav();
    assert.ok(nav.nav instanceof Decimal);
    await client.mintVault({ vaultId: 1, symbol: "USDC", quantity: "100" });
    await client.requestVaultRedeem({ vaultId: 1, vaultTokenQuantity: "1" });
    assert.ok(Array.isArray(await client.getPendingVaultRedeems({ vaultId: 1 })));
    await client.cancelVaultRedeem({ vaultId: 1 });

    const rfq = await client.submitRfq({
      symbol: "SOL_USDC_RFQ",
      side: "Bid",
      quantity: "1",
      clientId: 9,
    });
    assert.equal(rfq.clientId, 9);
    assert.equal(typeof rfq.submissionTime, "number");
    assert.ok((await client.getOpenRfqs()).some((r) => r.rfq.rfqId === rfq.rfqId));
    const refreshed = await client.refreshRfq({ rfqId: rfq.rfqId });
    assert.equal(refreshed.rfqId, rfq.rfqId);
    const gone = await client.cancelRfq({ clientId: 9 });
    assert.equal(gone.rfqId, rfq.rfqId);
    assert.ok((await client.getRfqHistory()).some((r) => r.rfqId === rfq.rfqId));
    assert.ok(Array.isArray(await client.getQuoteHistory()));
    assert.ok(Array.isArray(await client.getRfqFillHistory()));
    assert.ok(Array.isArray(await client.getQuoteFillHistory()));
  });
});
