/**
 * Conformance: the simulator's answers have the shapes of the recorded Backpack payloads
 * (same keys, same JSON types, recursively; see `assertSameShape` for the documented tolerances).
 */
import assert from "node:assert/strict";
import { type Simulator, startSimulator } from "../../../../src/sim/mod.ts";
import { publicGet, signed, WsClient } from "./client.ts";
import { assertSameShape, fixture } from "./helpers.ts";

const PERP = "SOL_USDC_PERP";
/** Fields the simulator may leave `null` where a recording has a value. */
const NULLABLE = ["maxPrice", "clientId", "quoteQuantity", "rwaMarketType"];
const WS_TIMES = ["E", "T"];

const withSim = (name: string, body: (sim: Simulator) => Promise<void>): void =>
  Deno.test(name, async () => {
    const sim = await startSimulator({ port: 0, tickMs: 0, seed: 7 });
    try {
      await body(sim);
    } finally {
      await sim.close();
    }
  });

const ok = (answer: { status: number; body: unknown }): unknown => {
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body;
};

const same = async (actual: unknown, name: string, nullable = NULLABLE): Promise<void> =>
  assertSameShape(actual, await fixture(name), { nullable });

/** Puts a perp position and a resting order on the first account, and some public trades. */
const trade = async (sim: Simulator): Promise<unknown> => {
  for (let i = 0; i < 5; i++) sim.advance(Date.now());
  const market = ok(
    await signed(sim, "POST", "/api/v1/order", "orderExecute", {
      symbol: PERP,
      side: "Bid",
      orderType: "Market",
      quantity: "1",
    }),
  );
  ok(
    await signed(sim, "POST", "/api/v1/order", "orderExecute", {
      symbol: PERP,
      side: "Bid",
      orderType: "Limit",
      price: "200",
      quantity: "0.5",
      timeInForce: "IOC",
    }),
  );
  ok(
    await signed(sim, "POST", "/api/v1/order", "orderExecute", {
      symbol: PERP,
      side: "Bid",
      orderType: "Limit",
      price: "100",
      quantity: "0.5",
      postOnly: true,
      clientId: 123456789,
    }),
  );
  return market;
};

withSim("conformance: public REST endpoints match the recorded shapes", async (sim) => {
  await trade(sim);
  await same(ok(await publicGet(sim, "/api/v1/status")), "rest-status.ccxt.json");
  const markets = ok(await publicGet(sim, "/api/v1/markets")) as Array<{ symbol: string }>;
  await same(markets.find((m) => m.symbol === PERP), "rest-market-perp.bpx-rust-test.json");
  await same(
    ok(await publicGet(sim, "/api/v1/market?symbol=SOL_USDC")),
    "rest-market-spot-rwa.bpx-rust-test.json",
  );
  await same(ok(await publicGet(sim, `/api/v1/ticker?symbol=${PERP}`)), "rest-ticker.ccxt.json");
  const depth = ok(await publicGet(sim, `/api/v1/depth?symbol=${PERP}`)) as {
    bids: string[][];
    asks: string[][];
  };
  await same(depth, "rest-depth.ccxt.json");
  const bidPrices = depth.bids.map((l) => Number(l[0]));
  assert.deepEqual(bidPrices, [...bidPrices].sort((a, b) => a - b), "bids ascending");
  await same(ok(await publicGet(sim, `/api/v1/trades?symbol=${PERP}`)), "rest-trades.ccxt.json");
  const start = Math.floor(Date.now() / 1000) - 600;
  await same(
    ok(await publicGet(sim, `/api/v1/klines?symbol=${PERP}&interval=1m&startTime=${start}`)),
    "rest-klines.ccxt.json",
    [...NULLABLE, "open", "high", "low", "close"], // empty candles (REFERENCE §3.2)
  );
  await same(ok(await publicGet(sim, "/api/v1/markPrices")), "rest-mark-prices.ccxt.json");
  await same(ok(await publicGet(sim, "/api/v1/openInterest")), "rest-open-interest.ccxt.json");
  await same(ok(await publicGet(sim, "/api/v1/assets")), "rest-assets.ccxt.json");
  const time = await publicGet(sim, "/api/v1/time");
  assert.match(String(time.body), /^\d{13}$/);
  assert.equal((await publicGet(sim, "/api/v1/ping")).body, "pong");
});

withSim("conformance: signed REST endpoints match the recorded shapes", async (sim) => {
  const market = await trade(sim);
  await same(market, "rest-order-market-filled.ccxt.json");
  await same(
    ok(await signed(sim, "GET", "/api/v1/orders", "orderQueryAll", { symbol: PERP })),
    "rest-open-orders.ccxt.json",
  );
  await same(
    ok(await signed(sim, "GET", "/api/v1/capital", "balanceQuery")),
    "rest-capital-balances.ccxt.json",
  );
  await same(
    ok(await signed(sim, "GET", "/api/v1/position", "positionQuery")),
    "rest-positions.ccxt.json",
  );
  await same(
    ok(await signed(sim, "GET", "/wapi/v1/capital/deposits", "depositQueryAll")),
    "rest-deposits.ccxt.json",
  );
  await same(
    ok(
      await signed(sim, "GET", "/wapi/v1/capital/deposit/address", "depositAddressQuery", {
        blockchain: "Solana",
      }),
    ),
    "rest-deposit-address.ccxt.json",
  );
});

withSim("conformance: WebSocket frames match the recorded shapes", async (sim) => {
  const ws = await WsClient.open(sim);
  try {
    const streams = ["depth", "trade", "bookTicker", "markPrice", "ticker", "openInterest"].map(
      (k) => `${k}.${PERP}`,
    );
    await ws.subscribe(sim, [...streams, `kline.1m.${PERP}`, "depth.NOPE"]);
    await ws.subscribe(sim, ["account.orderUpdate", "account.positionUpdate"], true);
    await ws.until(() => ws.frames.some((f) => "error" in f));
    await trade(sim);
    for (let i = 1; i <= 70; i++) sim.advance(Date.now() + i * 1000);
    const expectations: Array<[string, string]> = [
      [`depth.${PERP}`, "ws-depth.docs.json"],
      [`trade.${PERP}`, "ws-trade.docs.json"],
      [`bookTicker.${PERP}`, "ws-book-ticker.docs.json"],
      [`markPrice.${PERP}`, "ws-mark-price.docs.json"],
      [`ticker.${PERP}`, "ws-ticker.docs.json"],
      [`openInterest.${PERP}`, "ws-open-interest.docs.json"],
      [`kline.1m.${PERP}`, "ws-kline.docs.json"],
    ];
    await ws.until(() => expectations.every(([s]) => ws.of(s).length > 0)).catch((e) => {
      throw new Error(`${e} ${JSON.stringify(expectations.map(([s]) => [s, ws.of(s).length]))}`);
    });
    for (const [stream, name] of expectations) {
      const expected = await fixture(name) as { data: unknown };
      assertSameShape(ws.of(stream)[0]!.data, expected.data, { numberOrString: WS_TIMES });
    }
    assert.deepEqual(ws.frames.find((f) => "error" in f), await fixture("ws-error.ccxt.json"));
    const orders = ws.of("account.orderUpdate").map((f) => f.data as Record<string, unknown>);
    const fill = orders.find((o) => o.e === "orderFill" && o.o === "LIMIT");
    const accepted = orders.find((o) => o.e === "orderAccepted" && o.o === "LIMIT");
    assert.ok(fill !== undefined && accepted !== undefined, JSON.stringify(orders));
    assertSameShape(
      fill,
      (await fixture("ws-order-update-fill.ccxt.json") as { data: unknown }).data,
      { numberOrString: WS_TIMES },
    );
    assertSameShape(accepted, await fixture("ws-order-update-accepted.bpx-rust-test.json"), {
      numberOrString: WS_TIMES,
    });
    const opened = ws.of("account.positionUpdate").find((f) =>
      (f.data as { e?: string }).e === "positionOpened"
    );
    assert.ok(opened !== undefined);
    assertSameShape(
      opened.data,
      (await fixture("ws-position-opened.ccxt.json") as { data: unknown }).data,
      { numberOrString: WS_TIMES },
    );
  } finally {
    await ws.close();
  }
});
