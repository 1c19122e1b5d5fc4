import assert from "node:assert/strict";
import { type BookSnapshot, Decimal } from "@backpack-edge/sdk";
import {
  desiredQuotes,
  marketTop,
  needsReplace,
  type Quote,
  type StrategyConfig,
} from "../../../../examples/market_maker/strategy.ts";

const d = (text: string): Decimal => new Decimal(text);

const CONFIG: StrategyConfig = {
  market: {
    price: { minPrice: d("0.01"), tickSize: d("0.01") },
    quantity: { minQuantity: d("0.01"), stepSize: d("0.01") },
  },
  halfSpreadBps: d("2"),
  skewBpsPerUnit: d("1"),
  size: d("0.5"),
  maxInventory: d("2"),
  requoteTicks: 2,
};

const book = (bids: [string, string][], asks: [string, string][]): BookSnapshot => ({
  bids: bids.map(([p, q]) => [d(p), d(q)] as const),
  asks: asks.map(([p, q]) => [d(p), d(q)] as const),
  lastUpdateId: "1",
  timestamp: undefined,
});

const quote = (side: "Bid" | "Ask", price: string, quantity: string): Quote => ({
  side,
  price: d(price),
  quantity: d(quantity),
});

Deno.test("marketTop skips levels made only of our own quantity, keeps shared levels", () => {
  const snapshot = book(
    [["149.98", "0.5"], ["149.97", "3"]],
    [["150.02", "2.5"], ["150.05", "3"]],
  );
  const own = [quote("Bid", "149.98", "0.5"), quote("Ask", "150.02", "0.5")];
  const top = marketTop(snapshot, own);
  assert.equal(top.bid?.toFixed(), "149.97"); // 149.98 is ours alone
  assert.equal(top.ask?.toFixed(), "150.02"); // 2 more besides ours
  assert.deepEqual(marketTop(book([], []), own), { bid: undefined, ask: undefined });
});

Deno.test("desiredQuotes: flat inventory quotes symmetrically, rounded away from mid", () => {
  const q = desiredQuotes({ bid: d("149.9"), ask: d("150.1") }, d("0"), CONFIG);
  // mid 150, half spread 2 bps = 0.03
  assert.equal(q.bid?.price.toFixed(), "149.97");
  assert.equal(q.ask?.price.toFixed(), "150.03");
  assert.equal(q.bid?.quantity.toFixed(), "0.5");
  assert.equal(q.ask?.quantity.toFixed(), "0.5");
});

Deno.test("desiredQuotes: a long inventory skews both quotes down and shrinks the bid", () => {
  const q = desiredQuotes({ bid: d("149.9"), ask: d("150.1") }, d("1.8"), CONFIG);
  // centre 150 × (1 − 1.8 bps) = 149.973; ± 0.029994
  assert.equal(q.bid?.price.toFixed(), "149.94");
  assert.equal(q.ask?.price.toFixed(), "150.01");
  assert.equal(q.bid?.quantity.toFixed(), "0.2"); // 2 − 1.8 left before the limit
  assert.equal(q.ask?.quantity.toFixed(), "0.5");
});

Deno.test("desiredQuotes: no bid at the long limit, no ask at the short limit", () => {
  const top = { bid: d("149.9"), ask: d("150.1") };
  assert.equal(desiredQuotes(top, d("2"), CONFIG).bid, undefined);
  assert.notEqual(desiredQuotes(top, d("2"), CONFIG).ask, undefined);
  assert.equal(desiredQuotes(top, d("-2"), CONFIG).ask, undefined);
  assert.equal(desiredQuotes(top, d("1.995"), CONFIG).bid, undefined); // 0.005 < minQuantity
});

Deno.test("desiredQuotes: never crosses a tight market; nothing without a two-sided market", () => {
  const q = desiredQuotes({ bid: d("149.99"), ask: d("150.00") }, d("0"), CONFIG);
  assert.equal(q.bid?.price.toFixed(), "149.96");
  assert.equal(q.ask?.price.toFixed(), "150.03");
  const skewed = desiredQuotes({ bid: d("149.99"), ask: d("150.00") }, d("-2"), {
    ...CONFIG,
    skewBpsPerUnit: d("50"),
  });
  assert.equal(skewed.bid?.price.toFixed(), "149.99"); // would be 151.4: capped one tick under the ask
  assert.deepEqual(desiredQuotes({ bid: undefined, ask: d("150") }, d("0"), CONFIG), {
    bid: undefined,
    ask: undefined,
  });
});

Deno.test("needsReplace: missing sides, price distance in ticks, oversized resting quote", () => {
  const resting = quote("Bid", "149.97", "0.5");
  assert.equal(needsReplace(undefined, undefined, CONFIG), false);
  assert.equal(needsReplace(resting, undefined, CONFIG), true);
  assert.equal(needsReplace(undefined, resting, CONFIG), true);
  assert.equal(needsReplace(resting, quote("Bid", "149.98", "0.5"), CONFIG), false); // 1 tick
  assert.equal(needsReplace(resting, quote("Bid", "149.99", "0.5"), CONFIG), true); // 2 ticks
  assert.equal(needsReplace(resting, quote("Bid", "149.97", "0.2"), CONFIG), true);
  assert.equal(needsReplace(quote("Bid", "149.97", "0.1"), resting, CONFIG), false);
});
