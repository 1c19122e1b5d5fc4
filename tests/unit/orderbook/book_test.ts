import assert from "node:assert/strict";
import fc from "fast-check";
import { OrderBook } from "../../../src/orderbook/book.ts";
import type { BookSide, Level } from "../../../src/orderbook/types.ts";
import { D, ReferenceBook } from "./reference_book.ts";

const fixture = (name: string) =>
  JSON.parse(Deno.readTextFileSync(`/work/shared/backpack-api/fixtures/${name}`));

Deno.test("applySnapshot sorts REST levels (bids arrive ascending) and skips zero sizes", () => {
  const book = OrderBook.forMarket({ tickSize: "0.1", stepSize: "0.00001" });
  assert.deepEqual(book.applySnapshot(fixture("rest-depth.ccxt.json")), { _tag: "Applied" });
  assert.deepEqual(book.bestBid(), ["12.9", "1"]);
  assert.deepEqual(book.bestAsk(), ["118318.3", "0.00633"]);
  assert.deepEqual(book.top(5).bids, [["12.9", "1"], ["1", "0.38647"]]);

  const rust = new OrderBook();
  rust.applySnapshot(fixture("rest-depth.bpx-rust-test.json")); // ask "18.70" has size "0.000"
  assert.deepEqual(rust.toLevels(), { bids: [["18.67", "0.832"]], asks: [] });
  assert.equal(rust.priceDecimals, 2);
});

Deno.test("applyLevels sets absolute sizes, removes on zero, ignores removal of unknown levels", () => {
  const book = new OrderBook({ priceDecimals: 2, quantityDecimals: 3 });
  book.applySnapshot({ bids: [["18.67", "0.832"]], asks: [["18.70", "1"]] });
  const frame = fixture("ws-depth.docs.json").data;
  book.applyLevels("bids", frame.b); // sets 18.67 to 0.832, removes absent 18.68
  book.applyLevels("asks", frame.a); // removes 18.70
  assert.deepEqual(book.toLevels(), { bids: [["18.67", "0.832"]], asks: [] });
  book.applyLevels("bids", [["18.68", "2"], ["18.66", "1.5"], ["18.67", "0.5"]]);
  assert.deepEqual(book.top(2).bids, [["18.68", "2"], ["18.67", "0.5"]]);
  book.applyLevels("bids", [["18.68", "0.000"]]);
  assert.deepEqual(book.bestBid(), ["18.67", "0.5"]);
  assert.equal(book.depth("bids"), 2);
});

Deno.test("finer prices or sizes rescale the whole book exactly", () => {
  const book = new OrderBook();
  book.applyLevels("asks", [["101", "3"], ["100", "2"]]);
  book.applyLevels("asks", [["100.25", "0.125"]]);
  assert.equal(book.priceDecimals, 2);
  assert.equal(book.quantityDecimals, 3);
  assert.deepEqual(book.toLevels().asks, [["100", "2"], ["100.25", "0.125"], ["101", "3"]]);
});

Deno.test("bad text is a typed rejection; unsafe scales are refused, not rounded", () => {
  const book = new OrderBook();
  assert.deepEqual(book.applyLevels("bids", [["1e3", "1"]]), {
    _tag: "Rejected",
    reason: "syntax",
    input: "1e3",
  });
  assert.deepEqual(book.applyLevels("bids", [["1", "-2"]]), {
    _tag: "Rejected",
    reason: "syntax",
    input: "-2",
  });
  book.applyLevels("bids", [["9000000000", "1"]]);
  // 9e9 at 7 decimals is 9e16 > 2^53: the book must keep its scale rather than lose precision.
  assert.deepEqual(book.applyLevels("bids", [["1.0000001", "1"]]), {
    _tag: "Rejected",
    reason: "unsafe",
    input: "1.0000001",
  });
  assert.deepEqual(book.toLevels().bids, [["9000000000", "1"]]);
  assert.equal(book.applySnapshot({ bids: [["1", "x"]], asks: [] })._tag, "Rejected");
  assert.equal(book.depth("bids"), 0);
  assert.equal(book.vwap("asks", "abc")._tag, "Rejected");
  assert.equal(book.depthToNotional("asks", "-1")._tag, "Rejected");
});

Deno.test("mid, spread and crossed detection", () => {
  const book = new OrderBook();
  assert.equal(book.mid(), undefined);
  assert.equal(book.spread(), undefined);
  book.applySnapshot({ bids: [["99.5", "1"]], asks: [["100", "1"]] });
  assert.equal(book.mid(), "99.75");
  assert.equal(book.spread(), "0.5");
  assert.equal(book.isCrossed(), false);
  book.applyLevels("bids", [["100.1", "1"]]);
  assert.equal(book.isCrossed(), true);
  assert.equal(book.spread(), "-0.1");
});

// --- Random books against the Decimal reference -------------------------------------------------

const levelText = (ticks: number, decimals: number): string => {
  const text = String(ticks).padStart(decimals + 1, "0");
  return decimals === 0 ? text : `${text.slice(0, -decimals)}.${text.slice(-decimals)}`;
};

const update = fc.record({
  side: fc.constantFrom<BookSide>("bids", "asks"),
  price: fc.integer({ min: 1, max: 400 }),
  priceDecimals: fc.integer({ min: 0, max: 3 }),
  quantity: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5_000_000 })),
  quantityDecimals: fc.integer({ min: 0, max: 6 }),
});

const amount = fc.tuple(fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 0, max: 6 }))
  .map(([v, d]) => levelText(v, d));

Deno.test("queries match a naive Decimal book on random books", () => {
  fc.assert(
    fc.property(
      fc.array(update, { maxLength: 200 }),
      fc.constantFrom<BookSide>("bids", "asks"),
      amount,
      amount,
      (updates, side, size, notional) => {
        const book = new OrderBook();
        const reference = new ReferenceBook();
        for (const u of updates) {
          const level: Level = [
            levelText(u.price, u.priceDecimals),
            levelText(u.quantity, u.quantityDecimals),
          ];
          assert.equal(book.applyLevels(u.side, [level])._tag, "Applied");
          reference.apply(u.side, [level]);
        }
        const expected = reference.levels();
        assert.deepEqual(book.toLevels(), expected);
        assert.deepEqual(book.top(3), {
          bids: expected.bids.slice(0, 3),
          asks: expected.asks.slice(0, 3),
        });
        assert.deepEqual(book.bestBid(), expected.bids[0]);
        assert.deepEqual(book.bestAsk(), expected.asks[0]);
        const [bid, ask] = [expected.bids[0]?.[0], expected.asks[0]?.[0]];
        const both = bid !== undefined && ask !== undefined;
        assert.equal(book.mid(), both ? new D(bid).add(ask).div(2).toFixed() : undefined);
        assert.equal(book.spread(), both ? new D(ask).sub(bid).toFixed() : undefined);
        assert.equal(book.isCrossed(), both && new D(bid).gte(ask));
        const [pd, qd] = [book.priceDecimals, book.quantityDecimals];
        assert.deepEqual(book.vwap(side, size), reference.walk(side, size, false, pd, qd));
        assert.deepEqual(
          book.depthToNotional(side, notional),
          reference.walk(side, notional, true, pd, qd),
        );
      },
    ),
    { numRuns: 400 },
  );
});

Deno.test("snapshot then updates matches the reference (levels in any order, duplicates last-wins)", () => {
  fc.assert(
    fc.property(
      fc.array(update, { maxLength: 120 }),
      fc.array(update, { maxLength: 60 }),
      (snap, diffs) => {
        const toLevel = (u: typeof snap[number]): Level => [
          levelText(u.price, u.priceDecimals),
          levelText(u.quantity, u.quantityDecimals),
        ];
        const snapshot = {
          bids: snap.filter((u) => u.side === "bids").map(toLevel),
          asks: snap.filter((u) => u.side === "asks").map(toLevel),
        };
        const book = new OrderBook();
        const reference = new ReferenceBook();
        book.applyLevels("bids", [["7", "7"]]); // replaced by the snapshot
        book.applySnapshot(snapshot);
        reference.snapshot(snapshot);
        for (const u of diffs) {
          book.applyLevels(u.side, [toLevel(u)]);
          reference.apply(u.side, [toLevel(u)]);
        }
        assert.deepEqual(book.toLevels(), reference.levels());
      },
    ),
    { numRuns: 300 },
  );
});

Deno.test("updateTopSignature reports a change of the best levels or of the scale, nothing else", () => {
  const book = new OrderBook();
  const signature = new Float64Array(6).fill(-2);
  assert.equal(book.updateTopSignature(signature), true); // empty book: both sides -1
  assert.deepEqual([...signature], [-1, -1, -1, -1, 0, 0]);
  assert.equal(book.updateTopSignature(signature), false);
  book.applySnapshot({ bids: [["99", "1"], ["100", "2"]], asks: [["101", "3"]] });
  assert.equal(book.updateTopSignature(signature), true);
  assert.deepEqual([...signature], [100, 2, 101, 3, 0, 0]);
  book.applyLevels("bids", [["99", "5"]]); // below the best bid
  assert.equal(book.updateTopSignature(signature), false);
  book.applyLevels("asks", [["101", "4"]]);
  assert.equal(book.updateTopSignature(signature), true);
  // A finer price rescales the book: same best levels, new scaled values and scale.
  book.applyLevels("bids", [["98.5", "1"]]);
  assert.equal(book.updateTopSignature(signature), true);
  assert.deepEqual([...signature], [1000, 2, 1010, 4, 1, 0]);
  book.applyLevels("asks", [["101", "0"]]);
  assert.equal(book.updateTopSignature(signature), true);
  assert.equal(signature[2], -1);
});
