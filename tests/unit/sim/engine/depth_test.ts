import assert from "node:assert/strict";
import { Exchange } from "../../../../src/sim/engine/exchange.ts";
import { defaultAccounts, defaultMarkets } from "../../../../src/sim/engine/markets.ts";
import type { SimEvent } from "../../../../src/sim/engine/event_types.ts";
import { T0 } from "./helpers.ts";

const run = (seed: number, steps: number): { ex: Exchange; events: SimEvent[] } => {
  const ex = new Exchange({
    markets: defaultMarkets(),
    accounts: defaultAccounts(),
    seed,
    now: T0,
  });
  const events: SimEvent[] = [];
  ex.subscribe((e) => events.push(e));
  let t = T0;
  for (let i = 0; i < steps; i++) {
    t += 1000;
    ex.advance(t);
    if (i % 7 === 0) {
      ex.executeOrder("default", {
        symbol: "SOL_USDC_PERP",
        side: i % 2 === 0 ? "Bid" : "Ask",
        orderType: "Market",
        quantity: "0.5",
      }, t);
    }
  }
  return { ex, events };
};

Deno.test("depth events are strictly consecutive per symbol and the snapshot id matches", () => {
  const ex = new Exchange({
    markets: defaultMarkets(),
    accounts: defaultAccounts(),
    seed: 3,
    now: T0,
  });
  const last = new Map<string, bigint>();
  for (const m of ex.markets()) last.set(m.symbol, BigInt(ex.depth(m.symbol).lastUpdateId));
  const books = new Map<string, Map<string, string>>();
  ex.subscribe((e) => {
    if (e.type !== "depth") return;
    assert.equal(BigInt(e.firstUpdateId), last.get(e.symbol)! + 1n);
    assert.ok(BigInt(e.lastUpdateId) >= BigInt(e.firstUpdateId));
    last.set(e.symbol, BigInt(e.lastUpdateId));
  });
  for (const m of ex.markets()) {
    const snap = ex.depth(m.symbol);
    const book = new Map<string, string>();
    for (const [p, q] of [...snap.bids, ...snap.asks]) book.set(p, q);
    books.set(m.symbol, book);
  }
  ex.subscribe((e) => {
    if (e.type !== "depth") return;
    const book = books.get(e.symbol)!;
    for (const [p, q] of [...e.bids, ...e.asks]) {
      if (q === "0") book.delete(p);
      else book.set(p, q);
    }
  });
  let t = T0;
  for (let i = 0; i < 200; i++) {
    t += 1000;
    ex.advance(t);
    if (i === 50) {
      ex.executeOrder("default", {
        symbol: "SOL_USDC",
        side: "Bid",
        orderType: "Limit",
        price: "100",
        quantity: "1",
      }, t);
    }
    for (const m of ex.markets()) {
      assert.equal(ex.depth(m.symbol).lastUpdateId, String(last.get(m.symbol)));
    }
  }
  // the book rebuilt from snapshot + deltas equals the true book
  for (const m of ex.markets()) {
    const truth = ex.trueBook(m.symbol);
    const expected = new Map(
      [...truth.bids, ...truth.asks].map(([p, q]) => [p, q] as [string, string]),
    );
    assert.deepEqual(books.get(m.symbol), expected);
  }
});

Deno.test("same seed → identical event log; different seed → different", () => {
  const a = run(11, 120).events;
  const b = run(11, 120).events;
  const c = run(12, 120).events;
  assert.ok(a.length > 100);
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
});

Deno.test("synthetic liquidity keeps both sides non-empty and produces trades", () => {
  const { ex, events } = run(5, 600);
  for (const m of ex.markets()) {
    const d = ex.depth(m.symbol, 5);
    assert.equal(d.bids.length, 5, m.symbol);
    assert.equal(d.asks.length, 5, m.symbol);
    assert.ok(Number(d.bids[d.bids.length - 1][0]) < Number(d.asks[0][0]), "book not crossed");
  }
  for (const m of ex.markets()) {
    assert.ok(events.some((e) => e.type === "trade" && e.symbol === m.symbol), m.symbol);
  }
  assert.ok(ex.trades("BTC_USDC_PERP", 10).length === 10);
  assert.ok(Number(ex.ticker("SOL_USDC").trades) > 0);
  const [oi] = ex.openInterest("SOL_USDC_PERP");
  assert.ok(Number(oi.openInterest) > 0);
});
