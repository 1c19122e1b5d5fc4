/** Public market-data endpoints over a fake fetch: recorded fixtures decode, URLs, bad input. */
import assert from "node:assert/strict";
import { createClient, InvalidInputError } from "../../../mod.ts";
import { fakeFetch, json, text } from "./support.ts";

const fixture = async (name: string): Promise<unknown> =>
  JSON.parse(await Deno.readTextFile(new URL(`./fixtures/${name}`, import.meta.url)));

const ccxtStatic = (await fixture("market-data.ccxt-static.json")) as Record<string, unknown>;

/** A client whose fake fetch answers `body` (JSON, or text when a string is given with `asText`). */
const clientAnswering = (body: unknown, asText = false) => {
  const fake = fakeFetch(() => asText ? text(String(body)) : json(body));
  return { ...fake, client: createClient({ fetch: fake.fetch, rateLimit: false }) };
};

const query = (url: string): Record<string, string> =>
  Object.fromEntries(new URL(url).searchParams.entries());

Deno.test("ticker fixtures decode (ccxt recording and static responses)", async () => {
  for (const body of [await fixture("rest-ticker.ccxt.json"), ccxtStatic.ticker]) {
    const { client, seen } = clientAnswering(body);
    const t = await client.getTicker({ symbol: "AAVE_USDC", interval: "1w" });
    assert.ok(t !== undefined && t.lastPrice.gt(0));
    assert.equal(typeof t.trades, "number");
    assert.equal(new URL(seen[0].url).pathname, "/api/v1/ticker");
    assert.deepEqual(query(seen[0].url), { symbol: "AAVE_USDC", interval: "1w" });
    await client.close();
  }
  const { client } = clientAnswering(await fixture("rest-ticker.ccxt.json"));
  const t = await client.getTicker({ symbol: "AAVE_USDC" });
  assert.ok(t !== undefined);
  assert.equal(t.priceChangePercent.toFixed(), "-0.031279");
  assert.equal(t.trades, 245);
  await client.close();
  const all = clientAnswering(ccxtStatic.tickers);
  const tickers = await all.client.getTickers();
  assert.equal(tickers[0].symbol, "ETH_USDC");
  assert.equal(all.seen[0].url.endsWith("/api/v1/tickers"), true);
  await all.client.close();
});

Deno.test("klines: fixtures decode to UTC Dates; start/end are sent in seconds", async () => {
  const { client, seen } = clientAnswering(await fixture("rest-klines.ccxt.json"));
  const candles = await client.getKlines({
    symbol: "BTC_USDC",
    interval: "3m",
    startTime: new Date("2025-07-19T13:09:00.999Z"),
    endTime: new Date("2025-07-19T13:12:00Z"),
    priceType: "Mark",
  });
  assert.equal(candles[0].start.toISOString(), "2025-07-19T13:09:00.000Z");
  assert.equal(candles[0].end.toISOString(), "2025-07-19T13:12:00.000Z");
  assert.equal(candles[0].close?.toFixed(), "118294.6");
  assert.equal(candles[0].trades, 12);
  assert.deepEqual(query(seen[0].url), {
    symbol: "BTC_USDC",
    interval: "3m",
    startTime: "1752930540",
    endTime: "1752930720",
    priceType: "Mark",
  });
  await client.close();
  const other = clientAnswering([
    ...(ccxtStatic.klines as Array<unknown>),
    {
      start: "2025-09-11 15:34:00",
      end: "2025-09-11 15:35:00",
      open: null,
      high: null,
      low: null,
      close: null,
      volume: "0",
      quoteVolume: "0",
      trades: "0",
    },
  ]);
  const rows = await other.client.getKlines({
    symbol: "ETH_USDC",
    interval: "1m",
    startTime: new Date(0),
  });
  assert.equal(rows.length, 3);
  assert.equal(rows[2].open, null);
  await other.client.close();
});

Deno.test("trades: numeric and string ids/timestamps decode; ids stay strings", async () => {
  const recent = clientAnswering(await fixture("rest-trades.ccxt.json"));
  const [trade] = await recent.client.getRecentTrades({ symbol: "BTC_USDC", limit: 1 });
  assert.equal(trade.id, "8721564");
  assert.equal(trade.timestamp, 1753123916818);
  assert.equal(trade.isBuyerMaker, false);
  assert.deepEqual(query(recent.seen[0].url), { symbol: "BTC_USDC", limit: "1" });
  await recent.client.close();
  const history = clientAnswering(ccxtStatic.trades);
  const rows = await history.client.getHistoricalTrades({
    symbol: "ETH_USDC",
    limit: 5,
    offset: 10,
  });
  assert.equal(rows[0].id, "7558558");
  assert.equal(rows[0].timestamp, 1781067801978);
  assert.equal(new URL(history.seen[0].url).pathname, "/api/v1/trades/history");
  assert.deepEqual(query(history.seen[0].url), { symbol: "ETH_USDC", limit: "5", offset: "10" });
  await history.client.close();
});

Deno.test("perp statistics: mark prices, open interest, funding rates decode", async () => {
  for (const body of [await fixture("rest-mark-prices.ccxt.json"), ccxtStatic.markPrices]) {
    const { client, seen } = clientAnswering(body);
    const [mark] = await client.getMarkPrices({ symbol: "BTC_USDC_PERP" });
    assert.ok(mark.markPrice.gt(0));
    assert.equal(typeof mark.nextFundingTimestamp, "number");
    assert.deepEqual(query(seen[0].url), { symbol: "BTC_USDC_PERP" });
    await client.close();
  }
  for (const body of [await fixture("rest-open-interest.ccxt.json"), ccxtStatic.openInterest]) {
    const { client } = clientAnswering(body);
    const [oi] = await client.getOpenInterest();
    assert.ok(oi.openInterest?.gt(0));
    assert.ok(oi.timestamp > 1_700_000_000_000);
    await client.close();
  }
  const funding = clientAnswering(await fixture("rest-funding-rates.ccxt.json"));
  const [rate] = await funding.client.getFundingRates({ symbol: "BTC_USDC_PERP", limit: 10_000 });
  assert.equal(rate.intervalEndTimestamp.toISOString(), "2025-07-22T00:00:00.000Z");
  assert.equal(rate.fundingRate.toFixed(), "0.0001");
  await funding.client.close();
  const more = clientAnswering(ccxtStatic.fundingRates);
  assert.equal((await more.client.getFundingRates({ symbol: "ETH_USDC_PERP" })).length, 3);
  await more.client.close();
});

Deno.test("assets: both recordings decode (nativeDecimals absent or a string)", async () => {
  const first = clientAnswering(await fixture("rest-assets.ccxt.json"));
  const [jito] = await first.client.getAssets({ country: "DE" });
  assert.equal(jito.symbol, "JTO");
  assert.equal(jito.tokens[0].maximumWithdrawal, null);
  assert.equal(jito.tokens[0].nativeDecimals, undefined);
  assert.deepEqual(query(first.seen[0].url), { country: "DE" });
  await first.client.close();
  const second = clientAnswering(ccxtStatic.assets);
  const [usdt] = await second.client.getAssets();
  assert.equal(usdt.tokens[0].nativeDecimals, 6);
  await second.client.close();
});

Deno.test("endpoints the simulator does not serve decode spec-shaped answers", async () => {
  const cases: Array<[string, unknown, (c: ReturnType<typeof createClient>) => Promise<unknown>]> =
    [
      ["/api/v1/wallets", [{ blockchain: "Solana", address: "addr1" }], (c) => c.getWallets()],
      ["/api/v1/borrowLend/markets", [{
        state: "SomeFutureState",
        symbol: "USDC",
        timestamp: "2026-07-30T00:53:00.000Z",
        assetMarkPrice: "1.0001",
        borrowInterestRate: "0.0523",
        lendInterestRate: "0.0470",
        borrowedQuantity: "1500000.50",
        lentQuantity: "5000000.00",
        utilization: "0.30",
        fee: "0.001",
        maxUtilization: "1",
        openBorrowLendLimit: "10000000",
        optimalUtilization: "0.9",
        stepSize: "0.0000000001",
        throttleUtilizationThreshold: "0.92",
        throttleUtilizationBound: "0.95",
        throttleUpdateFraction: "0.1",
      }], (c) => c.getBorrowLendMarkets()],
      ["/api/v1/borrowLend/markets/history", [{
        borrowInterestRate: "0.051",
        lendInterestRate: "0.046",
        borrowedQuantity: "1400000",
        lentQuantity: "4800000",
        utilization: "0.29",
        timestamp: "2026-07-29T00:00:00.000Z",
      }], (c) => c.getBorrowLendMarketsHistory({ interval: "1month", symbol: "USDC" })],
      ["/api/v1/borrowLend/apy", {
        borrowLend: [{ symbol: "USDC", borrowRate: "0.0523", lendRate: "0.0470" }],
        staking: [{ symbol: "SOL", dilutionFactor: "0.85", stakingRate: "0.0612" }],
      }, (c) => c.getApyRates({ tierId: 2 })],
      [
        "/api/v1/prediction/tags",
        [{ slug: "crypto", title: "Crypto" }],
        (c) => c.getPredictionTags(),
      ],
      ["/api/v1/prediction", [{
        slug: "btc-100k",
        title: "BTC above 100k?",
        description: "d",
        predictionMarkets: [{ symbol: "BTC100K_YES", anything: 1 }],
        tags: [{ slug: "crypto", title: "Crypto" }],
        series: [],
        quoteVolume: "1234.5",
        resolution: { resolved: false, startDate: "2026-01-01T00:00:00", strikePrice: "100000" },
        resolved: false,
        resolutionDelaySecs: 60,
      }], (c) => c.getPredictionEvents({ resolved: false, tagSlug: "crypto", limit: 5 })],
      ["/api/v1/market-sessions", [{
        name: "Regular",
        startTime: "09:30:00",
        endTime: "16:00:00",
        timezone: "America/New_York",
        startWeekday: 1,
        endWeekday: 5,
      }], (c) => c.getMarketSessions()],
      ["/api/v1/securities", [{
        asset: "SPCX.US",
        name: "SpaceX",
        sessions: [{ name: "Regular" }],
      }], (
        c,
      ) => c.getSecurities()],
      ["/api/v1/vaults", [{
        id: 1,
        vaultToken: "bpUSDC",
        symbol: "USDC",
        mintsEnabled: true,
        redeemsEnabled: true,
        minMintQuantity: "1",
        minRedeemTokens: "1",
        redeemDelayMs: 86_400_000,
        tokenStepSize: "0.000001",
      }], (c) => c.getVaults()],
      [
        "/api/v1/vaults/history",
        [{ vaultId: 1, timestamp: "2026-07-29T00:00:00Z", nav: "1.02" }],
        (c) => c.getVaultHistory({ interval: "1w", vaultId: 1 }),
      ],
      ["/api/v1/borrowLend/position/liquidationPrice", {
        liquidationPrice: "50000",
        markPrice: "60000",
      }, (c) =>
        c.estimateBorrowLiquidationPrice({
          borrow: { symbol: "BTC", side: "Borrow", quantity: "1" },
          subaccountId: 7,
        })],
    ];
  for (const [path, body, call] of cases) {
    const { client, seen } = clientAnswering(body);
    const result = await call(client);
    assert.ok(result !== undefined, path);
    assert.equal(new URL(seen[0].url).pathname, path);
    await client.close();
  }
});

Deno.test("decoded values of the non-simulated endpoints", async () => {
  const pool = clientAnswering([{
    state: "RepayOnly",
    symbol: "SOL",
    timestamp: "2026-07-30T00:53:00.000Z",
    assetMarkPrice: "150",
    borrowInterestRate: "0.1",
    lendInterestRate: "0.05",
    borrowedQuantity: "10",
    lentQuantity: "20",
    utilization: "0.5",
    fee: "0.001",
    maxUtilization: "1",
    openBorrowLendLimit: "100",
    optimalUtilization: "0.9",
    stepSize: "0.01",
  }]);
  const [market] = await pool.client.getBorrowLendMarkets();
  assert.equal(market.state, "RepayOnly");
  assert.equal(market.timestamp.toISOString(), "2026-07-30T00:53:00.000Z");
  assert.equal(market.throttleUpdateFraction, undefined);
  await pool.client.close();
  const estimate = clientAnswering({ liquidationPrice: "50000", markPrice: "60000" });
  const price = await estimate.client.estimateBorrowLiquidationPrice({
    borrow: { symbol: "BTC", side: "Borrow", quantity: "1" },
    subaccountId: 7,
  });
  assert.equal(price.liquidationPrice.toFixed(), "50000");
  const sent = query(estimate.seen[0].url);
  assert.equal(sent.subaccountId, "7");
  assert.deepEqual(JSON.parse(atob(sent.borrow)), { quantity: "1", side: "Borrow", symbol: "BTC" });
  await estimate.client.close();
  const pong = clientAnswering("pong\n", true);
  assert.equal(await pong.client.ping(), "pong");
  await pong.client.close();
});

Deno.test("invalid input: typed InvalidInputError and no request", async () => {
  const { client, seen } = clientAnswering([]);
  // deno-lint-ignore no-explicit-any
  const loose = client as any;
  const bad: Array<[() => Promise<unknown>, string, string]> = [
    [() => loose.getTicker({}), "symbol", "Missing"],
    [() => loose.getTicker({ symbol: "SOL_USDC", interval: "1h" }), "interval", "Malformed"],
    [() => loose.getTickers({ interval: "2d" }), "interval", "Malformed"],
    [
      () => loose.getKlines({ symbol: "SOL_USDC", interval: "7m", startTime: new Date() }),
      "interval",
      "Malformed",
    ],
    [() => loose.getKlines({ symbol: "SOL_USDC", startTime: new Date() }), "interval", "Missing"],
    [
      () => loose.getKlines({ symbol: "SOL_USDC", interval: "1m", startTime: 1_700_000_000 }),
      "startTime",
      "Malformed",
    ],
    [() => loose.getKlines({ symbol: "SOL_USDC", interval: "1m" }), "startTime", "Missing"],
    [
      () => loose.getKlines({ symbol: "SOL_USDC", interval: "1m", startTime: new Date("x") }),
      "startTime",
      "Malformed",
    ],
    [
      () =>
        client.getKlines({
          symbol: "SOL_USDC",
          interval: "1m",
          startTime: new Date(2000),
          endTime: new Date(1000),
        }),
      "startTime",
      "OutOfRange",
    ],
    [
      () =>
        loose.getKlines({
          symbol: "SOL_USDC",
          interval: "1m",
          startTime: new Date(),
          priceType: "Bid",
        }),
      "priceType",
      "Malformed",
    ],
    [() => client.getRecentTrades({ symbol: "SOL_USDC", limit: 1001 }), "limit", "OutOfRange"],
    [() => client.getRecentTrades({ symbol: "SOL_USDC", limit: 0 }), "limit", "OutOfRange"],
    [() => client.getHistoricalTrades({ symbol: "SOL_USDC", offset: -1 }), "offset", "OutOfRange"],
    [() => client.getHistoricalTrades({ symbol: "SOL USDC" }), "symbol", "Malformed"],
    [
      () => client.getFundingRates({ symbol: "SOL_USDC_PERP", limit: 10_001 }),
      "limit",
      "OutOfRange",
    ],
    [() => loose.getFundingRates({}), "symbol", "Missing"],
    [() => client.getAssets({ country: "Germany" }), "country", "Malformed"],
    [() => loose.getBorrowLendMarketsHistory({ interval: "1h" }), "interval", "Malformed"],
    [() => loose.getBorrowLendMarketsHistory({}), "interval", "Missing"],
    [() => client.getApyRates({ tierId: 1.5 }), "tierId", "OutOfRange"],
    [
      () =>
        client.estimateBorrowLiquidationPrice({
          borrow: { symbol: "BTC", side: "Borrow", quantity: "-1" },
        }),
      "borrow.quantity",
      "OutOfRange",
    ],
    [
      () =>
        loose.estimateBorrowLiquidationPrice({
          borrow: { symbol: "BTC", side: "Borrow", quantity: 1 },
        }),
      "borrow.quantity",
      "Malformed",
    ],
    [
      () =>
        loose.estimateBorrowLiquidationPrice({
          borrow: { symbol: "BTC", side: "Short", quantity: "1" },
        }),
      "borrow.side",
      "Malformed",
    ],
    [
      () =>
        client.estimateBorrowLiquidationPrice({
          borrow: { symbol: "BTC", side: "Lend", quantity: "1" },
          subaccountId: 70_000,
        }),
      "subaccountId",
      "OutOfRange",
    ],
    [() => loose.estimateBorrowLiquidationPrice({}), "params", "Missing"],
    [() => client.getPredictionEvents({ limit: 0 }), "limit", "OutOfRange"],
    [() => loose.getVaultHistory({ interval: "1d", vaultId: -1 }), "vaultId", "OutOfRange"],
    [() => loose.getVaultHistory({ interval: "1h" }), "interval", "Malformed"],
    [() => loose.getMarkPrices({ symbol: "" }), "symbol", "Malformed"],
  ];
  for (const [call, field, reason] of bad) {
    await assert.rejects(call(), (err: unknown) => {
      assert.ok(err instanceof InvalidInputError, String(err));
      assert.equal(err.field, field, err.message);
      assert.equal(err.reason, reason, err.message);
      return true;
    });
  }
  assert.equal(seen.length, 0);
  await client.close();
});
