/** Round trips of the account, capital, order, trade and history endpoints (in order: orders before history). */
import assert from "node:assert/strict";
import { type Case, date, money, nonEmpty, PERP, price, resting, SPOT } from "./support.ts";

/** Round trips of the account, capital, order, trade and history endpoints (in order: orders before history). */
export const ACCOUNT_CASES: ReadonlyArray<Case> = [
  ["getAccount", async ({ alice }) => {
    const account = await alice.getAccount();
    money(account.leverageLimit, account.futuresTakerFee, account.borrowLimit);
  }],
  ["updateAccount", async ({ alice }) => {
    assert.equal(await alice.updateAccount({ leverageLimit: "5" }), undefined);
    assert.equal((await alice.getAccount()).leverageLimit.toFixed(), "5");
  }],
  ["getBalances", async ({ alice }) => {
    const usdc = (await alice.getBalances())["USDC"];
    assert.ok(usdc !== undefined);
    money(usdc.available, usdc.locked, usdc.staked);
  }],
  ["getCollateral", async ({ alice }) => {
    const collateral = await alice.getCollateral();
    money(collateral.netEquity, nonEmpty(collateral.collateral, "collateral").collateralValue);
  }],
  ["getMaxOrderQuantity", async ({ alice }) => {
    money((await alice.getMaxOrderQuantity({ symbol: PERP, side: "Bid" })).maxOrderQuantity);
  }],
  ["getMaxBorrowQuantity", async ({ alice }) => {
    money((await alice.getMaxBorrowQuantity({ symbol: "USDC" })).maxBorrowQuantity);
  }],
  ["getMaxWithdrawalQuantity", async ({ alice }) => {
    money((await alice.getMaxWithdrawalQuantity({ symbol: "USDC" })).maxWithdrawalQuantity);
  }],
  ["getDeposits", async ({ alice }) => {
    const deposit = nonEmpty(await alice.getDeposits({ limit: 10 }), "deposits");
    money(deposit.quantity);
    date(deposit.createdAt);
  }],
  ["getDepositAddress", async ({ alice }) => {
    assert.equal(
      typeof (await alice.getDepositAddress({ blockchain: "Solana" })).address,
      "string",
    );
  }],
  ["withdraw", async ({ alice }) => {
    const made = await alice.withdraw({
      address: "SimExternalWallet111111111111111111111111",
      blockchain: "Solana",
      quantity: "1.5",
      symbol: "USDC",
      clientId: "round-trip",
    });
    assert.equal(made.quantity.toFixed(), "1.5");
    money(made.fee);
  }],
  ["getWithdrawals", async ({ alice }) => {
    const made = nonEmpty(await alice.getWithdrawals({ clientId: "round-trip" }), "withdrawals");
    assert.equal(made.quantity.toFixed(), "1.5");
    date(made.createdAt);
  }],
  ["executeOrder", async (ctx) => {
    const order = await ctx.alice.executeOrder({
      symbol: PERP,
      side: "Bid",
      orderType: "Limit",
      price: price(ctx, "0.97"),
      quantity: "1",
      clientId: 77,
    });
    assert.equal(order.status, "New");
    resting(order);
  }],
  ["getOrder", async ({ alice }) => {
    const order = await alice.getOrder({ symbol: PERP, clientId: 77 });
    assert.equal(order.clientId, 77);
    resting(order);
  }],
  ["getOpenOrders", async ({ alice }) => {
    resting((await alice.getOpenOrders({ symbol: PERP })).find((o) => o.clientId === 77));
  }],
  ["executeOrders", async (ctx) => {
    const results = await ctx.alice.executeOrders([
      { symbol: PERP, side: "Ask", orderType: "Limit", price: price(ctx, "1.03"), quantity: "1" },
      { symbol: PERP, side: "Bid", orderType: "Market", quantity: "2" },
      { symbol: SPOT, side: "Bid", orderType: "Market", quantity: "1" },
    ]);
    assert.equal(results.length, 3);
    const [ask, perp, spot] = results.map((r) => r.ok ? r.order : undefined);
    resting(ask);
    for (const filled of [perp, spot]) {
      assert.equal(filled?.status, "Filled");
      money(filled?.executedQuoteQuantity);
    }
  }],
  ["cancelOrder", async ({ alice }) => {
    const order = await alice.cancelOrder({ symbol: PERP, clientId: 77 });
    assert.equal(order.status, "Cancelled");
    resting(order);
  }],
  ["cancelOpenOrders", async ({ alice }) => {
    const cancelled = await alice.cancelOpenOrders({ symbol: PERP });
    assert.equal(cancelled.length, 1);
    resting(cancelled[0]);
  }],
  ["getPositions", async ({ alice }) => {
    const position = nonEmpty(await alice.getPositions({ symbol: PERP }), "positions");
    assert.equal(position.netQuantity.toFixed(), "2");
    money(position.entryPrice, position.markPrice, position.estLiquidationPrice, position.imf);
  }],
  ["getRecentTrades", async ({ alice }) => {
    const trade = nonEmpty(await alice.getRecentTrades({ symbol: PERP, limit: 10 }), "trades");
    money(trade.price, trade.quantity, trade.quoteQuantity);
  }],
  ["getHistoricalTrades", async ({ alice }) => {
    money(nonEmpty(await alice.getHistoricalTrades({ symbol: PERP }), "trades").price);
  }],
  ["getKlines", async ({ alice }) => {
    const startTime = new Date(Date.now() - 3_600_000);
    const klines = await alice.getKlines({ symbol: PERP, interval: "1m", startTime });
    const traded = klines.find((k) => k.close !== null && k.close !== undefined);
    assert.ok(traded !== undefined, "a candle with trades (ours)");
    money(traded.open, traded.high, traded.low, traded.close, traded.volume);
    date(traded.start);
  }],
  ["getFillHistory", async ({ alice }) => {
    const fill = nonEmpty(await alice.getFillHistory({ symbol: PERP }), "fills");
    money(fill.price, fill.quantity, fill.fee);
    date(fill.timestamp);
  }],
  ["getOrderHistory", async ({ alice }) => {
    const entry = nonEmpty(await alice.getOrderHistory({ symbol: PERP }), "orders");
    money(entry.executedQuantity);
    date(entry.createdAt);
  }],
  ["getFundingPayments", async ({ alice, later }) => {
    later(3_600_000);
    const payment = nonEmpty(await alice.getFundingPayments({ symbol: PERP }), "payments");
    money(payment.quantity, payment.fundingRate);
    date(payment.intervalEndTimestamp);
  }],
  ["getFundingRates", async ({ alice }) => {
    const rate = nonEmpty(await alice.getFundingRates({ symbol: PERP, limit: 5 }), "rates");
    money(rate.fundingRate);
    date(rate.intervalEndTimestamp);
  }],
  ["getSettlementHistory", async ({ alice }) => {
    const row = nonEmpty(await alice.getSettlementHistory({ limit: 10 }), "settlements");
    money(row.quantity);
    date(row.timestamp);
  }],
  ["getPositionHistory", async ({ alice }) => {
    const entry = nonEmpty(await alice.getPositionHistory({ symbol: PERP }), "positions");
    money(entry.netQuantity, entry.entryPrice, entry.fees);
  }],
  ["convertDust", async ({ alice }) => {
    assert.equal(await alice.convertDust({ symbol: "BTC" }), undefined);
    assert.equal((await alice.getBalances())["BTC"], undefined);
  }],
  ["getDustHistory", async ({ alice }) => {
    const row = nonEmpty(await alice.getDustHistory({ symbol: "BTC" }), "dust");
    assert.equal(row.quantity.toFixed(), "0.000001");
    money(row.usdcReceived);
    date(row.timestamp);
  }],
];
