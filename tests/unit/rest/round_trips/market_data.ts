/** Round trips of the public endpoints: system, markets, prices, reference data, borrow/lend markets, vaults. */
import assert from "node:assert/strict";
import { type Case, date, money, nonEmpty, PERP, SPOT } from "./support.ts";

/** Round trips of the public endpoints: system, markets, prices, reference data, borrow/lend markets, vaults. */
export const MARKET_DATA_CASES: ReadonlyArray<Case> = [
  ["getStatus", async ({ alice }) => assert.equal((await alice.getStatus()).status, "Ok")],
  ["ping", async ({ alice }) => assert.equal(await alice.ping(), "pong")],
  ["getTime", async ({ alice }) => assert.ok(Math.abs((await alice.getTime()) - Date.now()) < 6e4)],
  ["getWallets", async ({ alice }) => {
    assert.equal(typeof nonEmpty(await alice.getWallets(), "wallets").address, "string");
  }],
  ["getMarkets", async ({ alice }) => {
    const perp = (await alice.getMarkets()).find((m) => m.symbol === PERP);
    assert.ok(perp !== undefined);
    money(perp.filters.price.tickSize, perp.filters.quantity.stepSize);
  }],
  ["getMarket", async ({ alice }) => {
    const market = await alice.getMarket({ symbol: SPOT });
    assert.equal(market.marketType, "SPOT");
    money(market.filters.quantity.minQuantity);
  }],
  ["getDepth", async ({ alice }) => {
    const book = await alice.getDepth({ symbol: PERP, limit: 5 });
    const [bidPrice, bidSize] = nonEmpty(book.bids, "bids");
    money(bidPrice, bidSize, nonEmpty(book.asks, "asks")[0]);
  }],
  ["getTicker", async ({ alice, state }) => {
    const ticker = await alice.getTicker({ symbol: PERP });
    assert.ok(ticker !== undefined);
    money(ticker.lastPrice, ticker.high, ticker.volume, ticker.priceChangePercent);
    state.lastPrice = ticker.lastPrice;
  }],
  ["getTickers", async ({ alice }) => {
    const tickers = await alice.getTickers({ interval: "1w" });
    assert.ok(tickers.some((t) => t.symbol === SPOT));
    money(...tickers.map((t) => t.quoteVolume));
  }],
  ["getMarkPrices", async ({ alice }) => {
    const mark = nonEmpty(await alice.getMarkPrices({ symbol: PERP }), "mark prices");
    money(mark.markPrice, mark.indexPrice, mark.fundingRate);
  }],
  ["getOpenInterest", async ({ alice }) => {
    money(nonEmpty(await alice.getOpenInterest({ symbol: PERP }), "open interest").openInterest);
  }],
  ["getAssets", async ({ alice }) => {
    const usdc = (await alice.getAssets()).find((a) => a.symbol === "USDC");
    assert.ok(usdc !== undefined);
    money(nonEmpty(usdc.tokens, "tokens").withdrawalFee);
  }],
  ["getCollateralParameters", async ({ alice }) => {
    const sol = (await alice.getCollateralParameters()).find((c) => c.symbol === "SOL");
    assert.ok(sol !== undefined);
    money(sol.haircutFunction.weight, sol.imfFunction.base);
  }],
  ["getPredictionEvents", async ({ alice }) => {
    const event = nonEmpty(await alice.getPredictionEvents({ resolved: false }), "events");
    money(event.quoteVolume, event.resolution.strikePrice);
    date(event.resolution.startDate);
  }],
  ["getPredictionTags", async ({ alice }) => {
    assert.equal(typeof nonEmpty(await alice.getPredictionTags(), "tags").slug, "string");
  }],
  ["getMarketSessions", async ({ alice }) => {
    assert.equal(
      typeof nonEmpty(await alice.getMarketSessions(), "sessions").startWeekday,
      "number",
    );
  }],
  ["getSecurities", async ({ alice }) => {
    assert.ok(Array.isArray(nonEmpty(await alice.getSecurities(), "securities").sessions));
  }],
  ["getBorrowLendMarkets", async ({ alice }) => {
    const usdc = (await alice.getBorrowLendMarkets()).find((m) => m.symbol === "USDC");
    assert.ok(usdc !== undefined);
    money(usdc.assetMarkPrice, usdc.lendInterestRate, usdc.utilization);
    date(usdc.timestamp);
  }],
  ["getBorrowLendMarketsHistory", async ({ alice }) => {
    const point = nonEmpty(await alice.getBorrowLendMarketsHistory({ interval: "1d" }), "history");
    money(point.borrowInterestRate, point.lentQuantity);
    date(point.timestamp);
  }],
  ["getApyRates", async ({ alice }) => {
    money(nonEmpty((await alice.getApyRates()).borrowLend, "apy").lendRate);
  }],
  ["estimateBorrowLiquidationPrice", async ({ alice }) => {
    const estimate = await alice.estimateBorrowLiquidationPrice({
      borrow: { symbol: "SOL", side: "Borrow", quantity: "1" },
    });
    money(estimate.liquidationPrice, estimate.markPrice);
  }],
  ["getVaults", async ({ alice }) => {
    const vault = nonEmpty(await alice.getVaults(), "vaults");
    assert.equal(vault.id, 1);
    money(vault.minMintQuantity, vault.tokenStepSize);
  }],
  ["getVaultHistory", async ({ alice }) => {
    const point = nonEmpty(await alice.getVaultHistory({ interval: "1d", vaultId: 1 }), "vaults");
    money(point.nav);
    date(point.timestamp);
  }],
];
