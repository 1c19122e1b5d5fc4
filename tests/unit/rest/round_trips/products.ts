/** Round trips of the borrow/lend, RFQ (a second account quotes), strategy and vault endpoints. */
import assert from "node:assert/strict";
import { type Case, date, money, nonEmpty, PERP, price, RFQ } from "./support.ts";

/** Round trips of the borrow/lend, RFQ (a second account quotes), strategy and vault endpoints. */
export const PRODUCT_CASES: ReadonlyArray<Case> = [
  ["executeBorrowLend", async ({ alice }) => {
    assert.equal(
      await alice.executeBorrowLend({ symbol: "USDC", side: "Lend", quantity: "10" }),
      undefined,
    );
  }],
  ["getBorrowLendPositions", async ({ alice }) => {
    const lend = (await alice.getBorrowLendPositions()).find((p) => p.symbol === "USDC");
    assert.ok(lend !== undefined && lend.netQuantity.gte(10));
    money(lend.markPrice, lend.cumulativeInterest);
  }],
  ["getBorrowLendHistory", async ({ alice }) => {
    const row = nonEmpty(await alice.getBorrowLendHistory({ symbol: "USDC" }), "movements");
    money(row.quantity);
    date(row.timestamp);
  }],
  // The simulator accrues no interest, so this list is empty; a spec-shaped row is decoded below.
  ["getInterestHistory", async ({ alice }) => {
    const rows = await alice.getInterestHistory();
    assert.ok(Array.isArray(rows));
    for (const row of rows) money(row.quantity, row.interestRate);
  }],
  ["getBorrowPositionHistory", async ({ alice }) => {
    const row = nonEmpty(await alice.getBorrowPositionHistory({ symbol: "USDC" }), "positions");
    money(row.quantity, row.cumulativeInterest);
    date(row.createdAt);
  }],
  ["submitRfq", async ({ alice, state }) => {
    const rfq = await alice.submitRfq({ symbol: RFQ, side: "Bid", quantity: "0.1" });
    assert.equal(rfq.status, "New");
    money(rfq.quantity);
    state.rfqId = rfq.rfqId;
  }],
  ["submitQuote", async (ctx) => {
    const quote = await ctx.bob.submitQuote({
      rfqId: ctx.state.rfqId,
      bidPrice: price(ctx, "0.99"),
      askPrice: price(ctx, "1.01"),
      clientId: 31,
    });
    assert.equal(quote.rfqId, ctx.state.rfqId);
    money(quote.bidPrice, quote.askPrice);
    ctx.state.quoteId = quote.quoteId;
  }],
  ["getOpenRfqs", async ({ alice, state }) => {
    const open = (await alice.getOpenRfqs({ symbol: RFQ })).find((r) =>
      r.rfq.rfqId === state.rfqId
    );
    assert.ok(open !== undefined && open.quotes.some((q) => q.quoteId === state.quoteId));
    money(...open.quotes.map((q) => q.askPrice));
  }],
  ["refreshRfq", async ({ alice, state }) => {
    assert.equal((await alice.refreshRfq({ rfqId: state.rfqId })).rfqId, state.rfqId);
  }],
  ["acceptQuote", async ({ alice, state }) => {
    const rfq = await alice.acceptQuote({ quoteId: state.quoteId, rfqId: state.rfqId });
    assert.equal(rfq.status, "Filled");
    money(rfq.quantity);
  }],
  ["cancelRfq", async ({ alice }) => {
    await alice.submitRfq({ symbol: RFQ, side: "Ask", quantity: "0.1", clientId: 9 });
    assert.equal((await alice.cancelRfq({ clientId: 9 })).status, "Cancelled");
  }],
  ["getRfqHistory", async ({ alice, state }) => {
    const row = (await alice.getRfqHistory()).find((r) => r.rfqId === state.rfqId);
    assert.ok(row !== undefined);
    money(row.quantity);
    date(row.createdAt);
  }],
  ["getQuoteHistory", async ({ bob, state }) => {
    const row = (await bob.getQuoteHistory()).find((q) => q.quoteId === state.quoteId);
    assert.ok(row !== undefined);
    money(row.bidPrice, row.askPrice);
    date(row.createdAt);
  }],
  ["getRfqFillHistory", async ({ alice, state }) => {
    const fill = (await alice.getRfqFillHistory()).find((f) => f.rfqId === state.rfqId);
    assert.ok(fill !== undefined);
    money(fill.fillPrice);
    date(fill.filledAt);
  }],
  ["getQuoteFillHistory", async ({ bob, state }) => {
    const fill = (await bob.getQuoteFillHistory()).find((f) => f.quoteId === state.quoteId);
    assert.ok(fill !== undefined);
    money(fill.fillPrice, fill.quantity, fill.fee);
  }],
  ["createStrategy", async ({ alice }) => {
    const strategy = await alice.createStrategy({
      symbol: PERP,
      side: "Bid",
      strategyType: "Scheduled",
      quantity: "0.5",
      duration: 600_000,
      interval: 60_000,
      clientStrategyId: 5,
    });
    assert.equal(strategy.clientStrategyId, 5);
    money(strategy.quantity);
  }],
  ["getStrategy", async ({ alice }) => {
    money((await alice.getStrategy({ symbol: PERP, clientStrategyId: 5 })).quantity);
  }],
  ["getOpenStrategies", async ({ alice }) => {
    const open = (await alice.getOpenStrategies({ symbol: PERP })).find((s) =>
      s.clientStrategyId === 5
    );
    assert.ok(open !== undefined);
    money(open.executedQuantity);
  }],
  ["cancelStrategy", async ({ alice }) => {
    const cancelled = await alice.cancelStrategy({ symbol: PERP, clientStrategyId: 5 });
    assert.equal(cancelled.status, "Cancelled");
    await alice.createStrategy({
      symbol: PERP,
      side: "Ask",
      strategyType: "Scheduled",
      quantity: "0.5",
      duration: 600_000,
      interval: 60_000,
      clientStrategyId: 6,
    });
  }],
  ["cancelStrategies", async ({ alice }) => {
    const cancelled = await alice.cancelStrategies({ symbol: PERP });
    assert.deepEqual(cancelled.map((s) => s.clientStrategyId), [6]);
    money(cancelled[0]!.quantity);
  }],
  ["getStrategyHistory", async ({ alice }) => {
    const row = nonEmpty(await alice.getStrategyHistory({ symbol: PERP }), "strategies");
    money(row.quantity);
    date(row.createdAt);
  }],
  ["mintVault", async ({ alice }) => {
    assert.equal(await alice.mintVault({ vaultId: 1, symbol: "USDC", quantity: "10" }), undefined);
  }],
  ["requestVaultRedeem", async ({ alice }) => {
    assert.equal(
      await alice.requestVaultRedeem({ vaultId: 1, vaultTokenQuantity: "4" }),
      undefined,
    );
  }],
  ["getPendingVaultRedeems", async ({ alice }) => {
    const redeem = nonEmpty(await alice.getPendingVaultRedeems({ vaultId: 1 }), "redeems");
    assert.equal(redeem.vaultTokenQuantity.toFixed(), "4");
  }],
  ["cancelVaultRedeem", async ({ alice }) => {
    assert.equal(await alice.cancelVaultRedeem({ vaultId: 1 }), undefined);
    assert.deepEqual(await alice.getPendingVaultRedeems({ vaultId: 1 }), []);
  }],
  ["getVaultNav", async ({ alice }) => {
    const nav = await alice.getVaultNav();
    money(nav.nav, nav.vaultEquity, nav.tokenCirculatingSupply);
  }],
];
