import assert from "node:assert/strict";
import * as Effect from "effect/Effect";
import { Decimal } from "../../../src/decimal.ts";
import { DecodeError, InvalidInputError } from "../../../src/error_classes.ts";
import type { OrderUpdate, PositionUpdate } from "../../../src/schema/ws_account.ts";
import type {
  BookTickerEvent,
  DepthUpdate,
  KlineEvent,
  LiquidationEvent,
  MarkPriceEvent,
  OpenInterestEvent,
  TickerEvent,
  TradeEvent,
} from "../../../src/schema/ws_market.ts";
import { classifyFrame } from "../../../src/ws/frames.ts";
import {
  decodePayload,
  decoderForStream,
  isPrivateStream,
  type StreamEvent,
  streamNames,
} from "../../../src/ws/decode.ts";

const read = async (name: string): Promise<unknown> =>
  JSON.parse(await Deno.readTextFile(new URL(`./fixtures/${name}`, import.meta.url)));

/** Decodes a fixture: enveloped ones by their own stream, bare ones by the given stream. */
const decodeFixture = async <A extends StreamEvent>(name: string, bareStream?: string) => {
  const json = await read(name);
  const { stream, data } = bareStream === undefined
    ? (json as { stream: string; data: unknown })
    : { stream: bareStream, data: json };
  const decoder = decoderForStream(stream);
  assert.ok(decoder, `no decoder for ${stream}`);
  return Effect.runPromise(decodePayload(stream, decoder, data)) as Promise<A>;
};

const dec = (text: string) => new Decimal(text);

Deno.test("depth fixtures: levels as Decimals, update ids as strings, µs times exact", async () => {
  const d = await decodeFixture<DepthUpdate>("ws-depth.docs.json");
  assert.equal(d.symbol, "SOL_USDC");
  assert.ok(d.bids[0][0].equals(dec("18.67")));
  assert.ok(d.asks[0][1].isZero());
  assert.equal(d.firstUpdateId, "94978271");
  assert.equal(d.lastUpdateId, "94978271");
  assert.equal(d.eventTimeUs, 1694687965941000);
  assert.equal(d.engineTimeUs, 1694687965940999);
  assert.equal(d.engineTime.getTime(), 1694687965940);
  const empty = await decodeFixture<DepthUpdate>("ws-depth-empty.ccxt.json");
  assert.equal(empty.eventTimeUs, 1754903057555305); // from a JSON string
  assert.deepEqual([empty.asks.length, empty.bids.length], [0, 0]);
  const perp = await decodeFixture<DepthUpdate>("ws-depth-perp.ccxt.json", "depth.BTC_USDC_PERP");
  assert.ok(perp.bids[0][0].equals(dec("117357.0")));
});

Deno.test("trade fixtures (docs numbers and ccxt strings)", async () => {
  const t = await decodeFixture<TradeEvent>("ws-trade.docs.json");
  assert.deepEqual(
    [t.tradeId, t.buyerOrderId, t.sellerOrderId, t.buyerIsMaker],
    ["12345", "111063114377265150", "111063114585735170", true],
  );
  assert.ok(t.price.equals(dec("18.68")) && t.quantity.equals(dec("0.122")));
  const c = await decodeFixture<TradeEvent>("ws-trade.ccxt.json");
  assert.equal(c.symbol, "ETH_USDC_PERP");
  assert.equal(c.engineTimeUs, 1754601477744000);
  assert.equal(c.tradeId, "10782547");
});

Deno.test("bookTicker fixtures: u as number or string", async () => {
  const a = await decodeFixture<BookTickerEvent>("ws-book-ticker.ccxt.json");
  assert.equal(a.updateId, "1328288557");
  assert.ok(a.askPrice.equals(dec("3667.50")) && a.bidQuantity.equals(dec("0.0020")));
  const b = await decodeFixture<BookTickerEvent>("ws-book-ticker.docs.json");
  assert.equal(b.updateId, "111063070525358080");
});

Deno.test("ticker and kline fixtures", async () => {
  const t = await decodeFixture<TickerEvent>("ws-ticker.ccxt.json");
  assert.ok(t.quoteVolume.equals(dec("19419526.742584")));
  assert.equal(t.trades, 17152);
  await decodeFixture<TickerEvent>("ws-ticker.docs.json");
  const k = await decodeFixture<KlineEvent>("ws-kline.ccxt.json");
  assert.equal(k.start.toISOString(), "2025-08-06T22:00:00.000Z");
  assert.equal(k.end.toISOString(), "2025-08-07T00:00:00.000Z");
  assert.equal(k.closed, false);
  assert.ok(k.close.equals(dec("3680.52")));
  const kd = await decodeFixture<KlineEvent>("ws-kline.docs.json");
  assert.equal(kd.trades, 93828);
});

Deno.test("markPrice fixtures: funding rate Decimal, next funding time in ms", async () => {
  const m = await decodeFixture<MarkPriceEvent>(
    "ws-mark-price-perp.bpx-rust-test.json",
    "markPrice.SOL_USDC_PERP",
  );
  assert.ok(m.fundingRate?.equals(dec("-0.0000039641039274236048482914")));
  assert.equal(m.nextFundingTimeMs, 1747296000000);
  assert.equal(m.nextFundingTime?.toISOString(), "2025-05-15T08:00:00.000Z");
  assert.ok(m.indexPrice?.equals(dec("173.44031179")));
  await decodeFixture<MarkPriceEvent>("ws-mark-price.docs.json");
  // prediction markets: no funding fields
  const bare = await Effect.runPromise(
    decodePayload("markPrice.X", decoderForStream("markPrice.X")!, {
      e: "markPrice",
      E: 1,
      s: "X",
      p: "0.5",
      T: 1,
    }),
  ) as MarkPriceEvent;
  assert.equal("fundingRate" in bare || "nextFundingTime" in bare, false);
});

Deno.test("openInterest and liquidation fixtures", async () => {
  const o = await decodeFixture<OpenInterestEvent>("ws-open-interest.docs.json");
  assert.ok(o.openInterest.equals(dec("100")));
  const l = await decodeFixture<LiquidationEvent>("ws-liquidation.docs.json");
  assert.equal(l.side, "Bid");
  assert.ok(l.price.equals(dec("18.70")));
});

Deno.test("order update fixtures: every event shape, LIMIT/MARKET → Limit/Market", async () => {
  const all = await decodeFixture<OrderUpdate>("ws-order-update-all-fields.docs.json");
  assert.equal(all.orderType, "Limit");
  assert.equal(all.clientId, 123);
  assert.equal(all.triggerBy, "LastPrice");
  assert.equal(all.takeProfitTriggerBy, "MarkPrice");
  assert.equal(all.stopLossTriggerBy, "IndexPrice");
  assert.ok(all.takeProfitLimitPrice?.equals(dec("30")));
  assert.equal(all.expiryReason, "PRICE_BAND");
  assert.equal(all.relatedOrderId, "1111343026156135");
  assert.equal(all.strategyId, "6023471188");
  assert.equal(all.postOnly, true);
  assert.equal(all.fill?.tradeId, "567");
  assert.equal(all.fill?.feeSymbol, "USD");

  const fill = await decodeFixture<OrderUpdate>("ws-order-update-fill.ccxt.json");
  assert.equal(fill.type, "orderFill");
  assert.equal(fill.orderType, "Market");
  assert.deepEqual(
    [fill.fill?.tradeId, fill.fill?.isMaker, fill.fill?.fee?.toFixed(), fill.fill?.feeSymbol],
    ["2888471", false, "0.000001", "ETH"],
  );
  assert.equal(fill.clientId, undefined);
  assert.equal("clientId" in fill, false);

  const accepted = await decodeFixture<OrderUpdate>(
    "ws-order-update-accepted.bpx-rust-test.json",
    "account.orderUpdate",
  );
  assert.equal(accepted.fill, undefined); // t: null
  assert.equal(accepted.reduceOnly, false);
  assert.ok(accepted.quoteQuantity?.equals(dec("3568.3445")));

  const pct = await decodeFixture<OrderUpdate>(
    "ws-order-update-cancelled-trigger-pct.bpx-rust-test.json",
    "account.orderUpdate",
  );
  assert.equal(pct.triggerQuantity, "80%");
  assert.equal(pct.status, "Cancelled");

  const trig = await decodeFixture<OrderUpdate>(
    "ws-order-update-trigger-placed.bpx-rust-test.json",
    "account.orderUpdate.SOL_USDC",
  );
  assert.equal(trig.type, "triggerPlaced");
  assert.equal(trig.triggerQuantity, "20.03");
});

Deno.test("position update fixtures, including the snapshot without e", async () => {
  const p = await decodeFixture<PositionUpdate>("ws-position-opened.ccxt.json");
  assert.equal(p.type, "positionOpened");
  assert.ok(p.entryPrice.equals(dec("4236.36")));
  assert.ok(p.breakEvenPrice.equals(dec("4238.479")));
  assert.equal(p.positionId, "5411399049");
  const docs = await decodeFixture<PositionUpdate>("ws-position-update.docs.json");
  assert.ok(docs.initialMarginFraction.equals(dec("0.5"))); // JSON numbers accepted
  const { e: _e, ...snapshot } = (await read("ws-position-opened.ccxt.json") as {
    data: Record<string, unknown>;
  }).data;
  const s = await Effect.runPromise(
    decodePayload("account.positionUpdate", decoderForStream("account.positionUpdate")!, snapshot),
  ) as PositionUpdate;
  assert.equal(s.type, "positionSnapshot");
});

Deno.test("the error fixture classifies as a typed error frame", async () => {
  const text = await Deno.readTextFile(new URL("./fixtures/ws-error.ccxt.json", import.meta.url));
  assert.deepEqual(classifyFrame(text), {
    type: "error",
    id: null,
    code: 4006,
    message: "Invalid stream",
  });
});

Deno.test("a malformed payload fails with DecodeError naming the stream", async () => {
  const exit = await Effect.runPromiseExit(
    decodePayload("trade.SOL_USDC", decoderForStream("trade.SOL_USDC")!, {
      e: "trade",
      E: 1,
      s: "SOL_USDC",
      p: "not a price",
      q: "1",
      b: "1",
      a: "2",
      t: 1,
      T: 1,
      m: true,
    }),
  );
  assert.equal(exit._tag, "Failure");
  const error = exit._tag === "Failure" ? (exit.cause.reasons[0] as { error: unknown }).error : 0;
  assert.ok(error instanceof DecodeError);
  assert.equal(error.endpoint, "ws trade.SOL_USDC");
  assert.match(error.issue, /not a decimal/);
  assert.match(error.body, /not a price/);
});

Deno.test("stream names and routing", () => {
  assert.equal(streamNames.depth("SOL_USDC", "200ms"), "depth.200ms.SOL_USDC");
  assert.equal(streamNames.kline("ETH_USDC", "2h"), "kline.2h.ETH_USDC");
  assert.equal(streamNames.orderUpdates(), "account.orderUpdate");
  assert.equal(
    streamNames.positionUpdates("SOL_USDC_PERP"),
    "account.positionUpdate.SOL_USDC_PERP",
  );
  assert.throws(() => streamNames.trades("SOL USDC"), InvalidInputError);
  assert.throws(() => streamNames.kline("SOL_USDC", "1 minute"), InvalidInputError);
  assert.equal(decoderForStream("depth.1000ms.X"), decoderForStream("depth.X"));
  assert.notEqual(decoderForStream("ticker.X"), decoderForStream("bookTicker.X"));
  assert.equal(decoderForStream("account.rfqUpdate"), undefined);
  assert.equal(isPrivateStream("account.orderUpdate"), true);
  assert.equal(isPrivateStream("trade.SOL_USDC"), false);
});
