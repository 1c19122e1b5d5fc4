/** Public endpoints and the market cache against the simulator (loopback HTTP, manual time). */
import assert from "node:assert/strict";
import { createClient, InvalidInputError, roundPrice } from "../../../mod.ts";
import { startSimulator } from "../../../src/sim/mod.ts";

Deno.test("public endpoints round-trip against the simulator", async () => {
  const sim = await startSimulator({ port: 0, tickMs: 0 });
  const client = createClient({ baseUrl: sim.restUrl, rateLimit: false });
  try {
    assert.equal(await client.ping(), "pong");
    assert.equal((await client.getStatus()).status, "Ok");
    assert.ok((await client.getTime()) > 0);
    const markets = await client.getMarkets();
    const perp = markets.find((m) => m.marketType === "PERP");
    const spot = markets.find((m) => m.marketType === "SPOT");
    assert.ok(perp !== undefined && spot !== undefined);
    assert.equal((await client.getMarket({ symbol: perp.symbol })).symbol, perp.symbol);

    const ticker = await client.getTicker({ symbol: spot.symbol });
    assert.equal(ticker?.symbol, spot.symbol);
    const tickers = await client.getTickers({ interval: "1d" });
    assert.equal(tickers.length, markets.length);
    const book = await client.getDepth({ symbol: spot.symbol, limit: 5 });
    assert.ok(book.asks.length <= 5);

    const now = new Date(await client.getTime());
    const candles = await client.getKlines({
      symbol: spot.symbol,
      interval: "1m",
      startTime: new Date(now.getTime() - 3_600_000),
      endTime: now,
    });
    assert.ok(candles.every((k) => k.start instanceof Date && k.end >= k.start));

    const recent = await client.getRecentTrades({ symbol: spot.symbol, limit: 10 });
    assert.ok(recent.length <= 10);
    const older = await client.getHistoricalTrades({ symbol: spot.symbol, limit: 5, offset: 0 });
    assert.ok(older.length <= 5);

    const marks = await client.getMarkPrices();
    assert.ok(marks.some((m) => m.symbol === perp.symbol));
    const [oi] = await client.getOpenInterest({ symbol: perp.symbol });
    assert.equal(oi.symbol, perp.symbol);
    assert.ok(Array.isArray(await client.getFundingRates({ symbol: perp.symbol, limit: 10 })));

    const assets = await client.getAssets();
    assert.ok(assets.some((a) => a.symbol === spot.quoteSymbol));
    const collateral = await client.getCollateralParameters();
    assert.equal(
      collateral.find((c) => c.symbol === "USDC")?.haircutFunction.kind.type,
      "identity",
    );

    await assert.rejects(
      client.getTicker({ symbol: "NOPE_USDC" }),
      (err: unknown) => (err as { _tag: string })._tag === "ApiError",
    );
  } finally {
    await client.close();
    await sim.close();
  }
});

Deno.test("market cache: any symbol form resolves; unknown ones fail typed; loads once", async () => {
  const sim = await startSimulator({ port: 0, tickMs: 0 });
  let requests = 0;
  const countingFetch = (input: string, init: RequestInit): Promise<Response> => {
    if (new URL(input).pathname === "/api/v1/markets") requests++;
    return fetch(input, init);
  };
  const client = createClient({ baseUrl: sim.restUrl, rateLimit: false, fetch: countingFetch });
  try {
    const markets = await client.getMarkets();
    const perp = markets.find((m) => m.marketType === "PERP")!;
    const spot = markets.find((m) => m.marketType === "SPOT")!;
    requests = 0;
    const dashed = perp.symbol.replaceAll("_", "-");
    const ccxt = `${perp.baseSymbol}/${perp.quoteSymbol}:${perp.quoteSymbol}`;
    for (const form of [perp.symbol, dashed, ccxt, perp.symbol.toLowerCase()]) {
      assert.equal((await client.getMarketInfo({ symbol: form })).symbol, perp.symbol, form);
    }
    const info = await client.getMarketInfo({ symbol: `${spot.baseSymbol}/${spot.quoteSymbol}` });
    assert.equal(info.symbol, spot.symbol);
    assert.ok(roundPrice(info, "1.123456789", "down").mod(info.filters.price.tickSize).isZero());
    assert.equal(requests, 1);
    for (const symbol of ["DOGE_USDC", "SOL", ""]) {
      await assert.rejects(client.getMarketInfo({ symbol }), (err: unknown) => {
        assert.ok(err instanceof InvalidInputError);
        assert.equal(err.reason, symbol === "" ? "Missing" : "UnknownSymbol");
        return true;
      });
    }
    assert.equal(requests, 1);
    assert.equal((await client.refreshMarkets()).length, markets.length);
    assert.equal(requests, 2);
  } finally {
    await client.close();
    await sim.close();
  }
});
