import assert from "node:assert/strict";
import * as Schema from "effect/Schema";
import { Decimal } from "../../../src/decimal.ts";
import { ServerTime, SystemStatus } from "../../../src/schema/status.ts";
import { Market, Markets } from "../../../src/schema/market.ts";
import { Depth } from "../../../src/schema/depth.ts";
import { Balances } from "../../../src/schema/capital.ts";
import { NaiveUtcDate, NumberOrString } from "../../../src/schema/common.ts";
import { fixtureJson, fixtureText } from "./fixtures.ts";

const decode = <T>(schema: Schema.Decoder<T>, input: unknown): T =>
  Schema.decodeUnknownSync(schema)(input);

const prices = (levels: ReadonlyArray<readonly [Decimal, Decimal]>) =>
  levels.map(([p]) => p.toFixed());

Deno.test("status fixture decodes", async () => {
  const status = decode(SystemStatus, await fixtureJson("rest-status.ccxt.json"));
  assert.equal(status.status, "Ok");
  assert.equal(status.message, null);
  assert.equal(decode(SystemStatus, { status: "SomethingNew" }).status, "SomethingNew");
});

Deno.test("time fixture (text/plain with trailing newline) decodes to ms", async () => {
  assert.equal(decode(ServerTime, await fixtureText("rest-time.ccxt.txt")), 1753131712992);
  assert.throws(() => decode(ServerTime, "pong"));
});

Deno.test("markets fixture decodes (string and number fundingInterval, no visible key)", async () => {
  const markets = decode(Markets, await fixtureJson("rest-markets.ccxt.json"));
  assert.equal(markets.length, 2);
  const [spot, perp] = markets;
  assert.equal(spot.symbol, "SOL_USDC");
  assert.equal(spot.marketType, "SPOT");
  assert.equal(spot.fundingInterval, 28800000);
  assert.equal(spot.imfFunction, null);
  assert.equal(spot.visible, undefined);
  assert.equal(spot.filters.price.maxPrice, null);
  assert.ok(spot.filters.price.tickSize.eq("0.01"));
  assert.ok(spot.filters.quantity.stepSize instanceof Decimal);
  assert.equal(perp.fundingInterval, 28800000, 'string "28800000" becomes a number');
  assert.ok(perp.fundingRateUpperBound?.eq(100));
  assert.ok(perp.imfFunction?.factor.eq("0.0001275"));
  assert.equal(perp.createdAt.toISOString(), "2025-01-21T06:34:54.691Z");
});

Deno.test("perp market fixture decodes with all filters", async () => {
  const market = decode(Market, await fixtureJson("rest-market-perp.bpx-rust-test.json"));
  assert.equal(market.marketType, "PERP");
  assert.equal(market.fundingInterval, 3600000);
  assert.ok(market.filters.price.maxPrice?.eq(1000));
  assert.ok(market.filters.price.meanMarkPriceBand?.maxMultiplier.eq("1.1"));
  assert.ok(market.filters.price.meanPremiumBand?.tolerancePct.eq("0.05"));
  assert.ok(market.mmfFunction?.base.eq("0.0135"));
  assert.ok(market.openInterestLimit?.eq(4000000));
  assert.equal(market.orderBookState, "Open");
  assert.equal(market.visible, true);
});

Deno.test("RWA spot market fixture decodes; unknown enum values are kept", async () => {
  const raw = await fixtureJson("rest-market-spot-rwa.bpx-rust-test.json") as Record<
    string,
    unknown
  >;
  const market = decode(Market, raw);
  assert.equal(market.rwaMarketType, "STOCK");
  assert.equal(market.orderBookState, "PostOnly");
  assert.equal(market.visible, false);
  assert.equal(market.fundingInterval, undefined);
  const future = decode(Market, { ...raw, marketType: "MONAD", orderBookState: "Halted" });
  assert.equal(future.marketType, "MONAD");
  assert.equal(future.orderBookState, "Halted");
});

Deno.test("a market missing a required field fails to decode", async () => {
  const raw = await fixtureJson("rest-market-perp.bpx-rust-test.json") as Record<string, unknown>;
  const { symbol: _symbol, ...rest } = raw;
  assert.throws(() => decode(Market, rest));
  assert.throws(() => decode(Market, { ...raw, fundingInterval: "eight hours" }));
});

Deno.test("ccxt depth fixture: asks ascending, bids sorted best (highest) first", async () => {
  const depth = decode(Depth, await fixtureJson("rest-depth.ccxt.json"));
  assert.deepEqual(prices(depth.asks), ["118318.3", "118567.2"]);
  assert.deepEqual(prices(depth.bids), ["12.9", "1"]);
  assert.ok(depth.bids[0][1].eq(1));
  assert.equal(depth.lastUpdateId, "1504999670");
  assert.equal(depth.timestamp, 1753102447307501);
});

Deno.test("rust depth fixture decodes; unsorted asks are sorted; numeric id accepted", async () => {
  const depth = decode(Depth, await fixtureJson("rest-depth.bpx-rust-test.json"));
  assert.deepEqual(prices(depth.asks), ["18.7"]);
  assert.ok(depth.asks[0][1].isZero());
  assert.equal(depth.lastUpdateId, "94978271");
  const shuffled = decode(Depth, {
    asks: [["3", "1"], ["1", "1"], ["2", "1"]],
    bids: [["0.5", "1"], ["0.9", "1"], ["0.7", "1"]],
    lastUpdateId: 42,
    timestamp: 1,
  });
  assert.deepEqual(prices(shuffled.asks), ["1", "2", "3"]);
  assert.deepEqual(prices(shuffled.bids), ["0.9", "0.7", "0.5"]);
  assert.equal(shuffled.lastUpdateId, "42");
});

Deno.test("balances fixture decodes to Decimals", async () => {
  const balances = decode(Balances, await fixtureJson("rest-capital-balances.ccxt.json"));
  assert.deepEqual(Object.keys(balances), ["USDC"]);
  assert.ok(balances.USDC.available.eq(120));
  assert.ok(balances.USDC.locked.isZero());
  assert.ok(balances.USDC.staked.isZero());
  assert.throws(() => decode(Balances, { USDC: { available: "x", locked: "0", staked: "0" } }));
});

Deno.test("NaiveUtcDate reads naive text as UTC, keeps explicit zones, rejects junk", () => {
  assert.equal(
    decode(NaiveUtcDate, "2025-07-23T13:55:54.267").toISOString(),
    "2025-07-23T13:55:54.267Z",
  );
  assert.equal(
    decode(NaiveUtcDate, "2025-07-23 13:55:54").toISOString(),
    "2025-07-23T13:55:54.000Z",
  );
  assert.equal(
    decode(NaiveUtcDate, "2025-07-23T13:55:54+02:00").toISOString(),
    "2025-07-23T11:55:54.000Z",
  );
  assert.throws(() => decode(NaiveUtcDate, "yesterday"));
  assert.equal(decode(NumberOrString, "3600000"), 3600000);
  assert.throws(() => decode(NumberOrString, "NaN"));
});
