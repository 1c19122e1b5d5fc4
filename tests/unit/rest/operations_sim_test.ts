/**
 * Every REST operation that `src/rest/operations.ts` maps to an SDK function round-trips through
 * the Promise client against the simulator: real signing, routing and the SDK's decoding (typed
 * results, `Decimal` money, dates). The case table must name exactly the table's functions, and
 * the run must see each of them resolve, so coverage cannot silently drop. The same run checks
 * that no request carries a broker id when none was configured.
 */
import assert from "node:assert/strict";
import { type BackpackClient, createClient } from "../../../src/client/create_client.ts";
import { Decimal } from "../../../src/decimal.ts";
import type { FetchFn } from "../../../src/rest/fetch.ts";
import { OPERATIONS } from "../../../src/rest/operations.ts";
import type { ExecuteOrderParams } from "../../../src/orders/validate_order.ts";
import type { CreateStrategyParams } from "../../../src/rest/strategies.ts";
import type { Order } from "../../../src/schema/order.ts";
import { startSimulator } from "../../../src/sim/mod.ts";
import { fixtureJson } from "../schema/fixtures.ts";
import { fakeFetch, json, type Seen, TEST_SECRET } from "./support.ts";

const PERP = "SOL_USDC_PERP";
const SPOT = "SOL_USDC";
const RFQ = "SOL_USDC_RFQ";

/** What the cases share: the requester (`alice`), a second account quoting RFQs (`bob`), state. */
interface Ctx {
  readonly alice: BackpackClient;
  readonly bob: BackpackClient;
  /** Moves the simulator's clock `ms` past now (funding settles on the hour). */
  readonly later: (ms: number) => void;
  readonly state: {
    lastPrice: Decimal;
    rfqId: string;
    quoteId: string;
  };
}

type Case = readonly [fn: string, run: (ctx: Ctx) => Promise<void>];

const money = (...values: ReadonlyArray<unknown>): void => {
  for (const value of values) assert.ok(value instanceof Decimal, `not a Decimal: ${value}`);
};
const date = (value: unknown): void => assert.ok(value instanceof Date, `not a Date: ${value}`);
const nonEmpty = <A>(rows: ReadonlyArray<A>, what: string): A => {
  assert.ok(Array.isArray(rows) && rows.length > 0, `${what}: no rows`);
  return rows[0]!;
};
const resting = (order: Order | undefined): void => {
  assert.ok(order !== undefined && order.orderType === "Limit", "a limit order");
  money(order.price, order.quantity, order.executedQuantity);
  date(order.createdAt);
};
const price = (ctx: Ctx, factor: string): string =>
  ctx.state.lastPrice.mul(factor).toDecimalPlaces(2).toFixed();

/** One round trip per SDK function, in an order that builds the state later cases need. */
const CASES: ReadonlyArray<Case> = [
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

/** The SDK functions of the coverage table (the withdrawal-delay operations carry a reason). */
const covered = (): ReadonlyArray<string> =>
  Object.values(OPERATIONS).flatMap((entry) => "fn" in entry ? [entry.fn] : []);

Deno.test("the round-trip table has exactly one case per function of the coverage table", () => {
  const names = CASES.map(([fn]) => fn);
  assert.equal(new Set(names).size, names.length, "no function has two cases");
  assert.deepEqual([...names].sort(), [...new Set(covered())].sort());
});

/** Fields the spec types as plain text although they can hold a number (trigger prices in history). */
const TEXT_BY_SPEC = new Set([
  "triggerPrice",
  "triggerQuantity",
  "stopLossTriggerPrice",
  "takeProfitTriggerPrice",
]);

/** Paths inside `value` holding a decimal number as text: money the SDK left undecoded. */
const decimalText = (value: unknown, path: string): ReadonlyArray<string> => {
  if (typeof value === "string") return /^-?\d+\.\d+$/.test(value) ? [path] : [];
  if (value === null || typeof value !== "object") return [];
  if (value instanceof Decimal || value instanceof Date) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    TEXT_BY_SPEC.has(key) ? [] : decimalText(inner, `${path}.${key}`)
  );
};

/**
 * Client methods wrapped to record the names of those that resolved, and to check that no
 * result holds a decimal number as text.
 */
const tracked = (client: BackpackClient, resolved: Set<string>): BackpackClient =>
  new Proxy(client, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof key !== "string" || typeof value !== "function") return value;
      return async (...args: ReadonlyArray<unknown>) => {
        const result = await value.apply(target, args);
        assert.deepEqual(decimalText(result, key), [], "money is decoded to Decimal");
        resolved.add(key);
        return result;
      };
    },
  });

const brokerless = (request: { headers: Headers; body: string | undefined }): boolean =>
  request.headers.get("X-Broker-Id") === null && !(request.body ?? "").includes("brokerId");

Deno.test("sim: every covered operation round-trips through the Promise client", async () => {
  const sim = await startSimulator({
    port: 0,
    tickMs: 0,
    accounts: [{ balances: { USDC: "100000", SOL: "100", BTC: "0.000001" } }, {}],
  });
  const requests: Array<{ headers: Headers; body: string | undefined }> = [];
  const recording: FetchFn = (input, init) => {
    requests.push({
      headers: new Headers(init.headers),
      body: typeof init.body === "string" ? init.body : undefined,
    });
    return fetch(input, init);
  };
  const resolved = new Set<string>();
  const client = (index: number) =>
    createClient({
      baseUrl: sim.restUrl,
      apiKey: sim.accounts[index]!.apiKey,
      apiSecret: sim.accounts[index]!.apiSecret,
      fetch: recording,
      rateLimit: false,
    });
  const alice = client(0);
  const bob = client(1);
  try {
    sim.advance();
    const ctx: Ctx = {
      alice: tracked(alice, resolved),
      bob: tracked(bob, resolved),
      later: (ms) => sim.advance(Date.now() + ms),
      state: { lastPrice: new Decimal(0), rfqId: "", quoteId: "" },
    };
    for (const [fn, run] of CASES) {
      await run(ctx).catch((error) => {
        throw new Error(`${fn}: ${error instanceof Error ? error.message : error}`, {
          cause: error,
        });
      });
    }
    const missing = covered().filter((fn) => !resolved.has(fn));
    assert.deepEqual(missing, [], "every covered function resolved at least once");
    assert.ok(requests.length >= CASES.length);
    assert.deepEqual(requests.filter((r) => !brokerless(r)), [], "no broker id unless set");
  } finally {
    await alice.close();
    await bob.close();
    await sim.close();
  }
});

Deno.test("getTicker resolves undefined when the exchange answers 204 (no ticker)", async () => {
  const { fetch, seen } = fakeFetch(() => new Response(null, { status: 204 }));
  const client = createClient({ fetch });
  try {
    assert.equal(await client.getTicker({ symbol: "OLD_USDC" }), undefined);
    assert.equal(new URL(seen[0]!.url).pathname, "/api/v1/ticker");
  } finally {
    await client.close();
  }
});

Deno.test("getInterestHistory decodes a spec-shaped row (the simulator accrues no interest)", async () => {
  const row = {
    paymentType: "Lend",
    interestRate: "0.0412",
    interval: 3600000,
    marketSymbol: "USDC",
    positionId: "1138",
    quantity: "0.0013",
    symbol: "USDC",
    timestamp: "2025-06-01T12:00:00",
  };
  const { fetch, seen } = fakeFetch(() => json([row]));
  const client = createClient({ fetch, apiSecret: TEST_SECRET, rateLimit: false });
  try {
    const [payment] = await client.getInterestHistory({ symbol: "USDC" });
    assert.ok(payment !== undefined);
    assert.equal(payment.interestRate.toFixed(), "0.0412");
    assert.equal(payment.quantity.toFixed(), "0.0013");
    assert.equal(payment.timestamp.toISOString(), "2025-06-01T12:00:00.000Z");
    assert.equal(new URL(seen[0]!.url).pathname, "/wapi/v1/history/interest");
  } finally {
    await client.close();
  }
});

const ORDER: ExecuteOrderParams = {
  symbol: "SOL_USDC",
  side: "Bid",
  orderType: "Limit",
  price: "100",
  quantity: "1",
};
const STRATEGY: CreateStrategyParams = {
  symbol: "SOL_USDC",
  side: "Bid",
  strategyType: "Scheduled",
  quantity: "1",
};
const MARKETS = await fixtureJson("rest-markets.ccxt.json");

/** The POST requests of executeOrder, executeOrders and createStrategy over a fake exchange. */
const placements = async (
  brokerId: number | undefined,
  bodyBrokerId: number | undefined,
): Promise<ReadonlyArray<Seen>> => {
  const { fetch, seen } = fakeFetch((request) =>
    new URL(request.url).pathname === "/api/v1/markets" ? json(MARKETS) : json({})
  );
  const client = createClient({
    fetch,
    apiSecret: TEST_SECRET,
    rateLimit: false,
    ...(brokerId === undefined ? {} : { brokerId }),
  });
  const extra = bodyBrokerId === undefined ? {} : { brokerId: bodyBrokerId };
  try {
    // The answers do not matter here (the fake exchange answers `{}`), only the requests.
    await Promise.allSettled([
      client.executeOrder({ ...ORDER, ...extra }),
      client.executeOrders([{ ...ORDER, ...extra }]),
      client.createStrategy({ ...STRATEGY, ...extra }),
    ]);
  } finally {
    await client.close();
  }
  const posts = seen.filter((s) => s.method === "POST");
  assert.deepEqual(
    posts.map((s) => new URL(s.url).pathname).sort(),
    ["/api/v1/order", "/api/v1/orders", "/api/v1/strategy"],
  );
  return posts;
};

Deno.test("order-placing calls carry X-Broker-Id only when configured, brokerId only when given", async () => {
  assert.ok((await placements(undefined, undefined)).every(brokerless));
  const configured = await placements(1400, undefined);
  assert.ok(configured.every((s) => s.headers.get("X-Broker-Id") === "1400"));
  assert.ok(configured.every((s) => !(s.body ?? "").includes("brokerId")));
  const inBody = await placements(undefined, 7);
  assert.ok(inBody.every((s) => s.headers.get("X-Broker-Id") === null));
  assert.ok(inBody.every((s) => (s.body ?? "").includes('"brokerId":7')));
});
