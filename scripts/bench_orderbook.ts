/**
 * Order-book benchmark: level updates per second on a 10k-level-per-side book (random updates
 * near the top: a mix of inserts, size changes and removals), the heap footprint of such a book,
 * and the same workload through ccxt's `OrderBook` (the structure ccxt's Backpack watcher uses)
 * as a peer in the same run. Prints figures only; nothing is asserted.
 *
 * Run with `deno task bench` (which passes `--v8-flags=--expose-gc` for steadier heap figures).
 *
 * @module
 */
import ccxt from "ccxt";
import { OrderBook } from "../src/orderbook/book.ts";
import type { BookSide, Level } from "../src/orderbook/types.ts";

const LEVELS_PER_SIDE = 10_000;
const UPDATES = 1_000_000;
const LEVELS_PER_FRAME = 10;
const ROUNDS = 5;
/** ccxt is much slower: it runs the first fifth of the same updates, best of 2. */
const CCXT_FRAMES = UPDATES / LEVELS_PER_FRAME / 5;
const CCXT_ROUNDS = 2;
const MID_TICKS = 10_000_000; // 100000.00 at a 0.01 tick

let seed = 42;
const random = (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const price = (ticks: number): string =>
  `${Math.floor(ticks / 100)}.${String(ticks % 100).padStart(2, "0")}`;
const size = (): string => (random() * 10).toFixed(5);

const snapshot = {
  bids: Array.from(
    { length: LEVELS_PER_SIDE },
    (_, i): Level => [price(MID_TICKS - 1 - i), size()],
  ),
  asks: Array.from(
    { length: LEVELS_PER_SIDE },
    (_, i): Level => [price(MID_TICKS + 1 + i), size()],
  ),
};

/** Frames of updates within ~200 ticks of the top, skewed to the best levels; ~30% removals. */
interface Frame {
  readonly side: BookSide;
  readonly levels: Level[];
}
const frames: Frame[] = Array.from({ length: UPDATES / LEVELS_PER_FRAME }, () => {
  const side: BookSide = random() < 0.5 ? "bids" : "asks";
  const levels = Array.from({ length: LEVELS_PER_FRAME }, (): Level => {
    const offset = 1 + Math.floor(200 * random() * random());
    return [
      price(side === "bids" ? MID_TICKS - offset : MID_TICKS + offset),
      random() < 0.3 ? "0" : size(),
    ];
  });
  return { side, levels };
});

const gc = (globalThis as { gc?: () => void }).gc;
const heap = (): number => {
  gc?.();
  const { heapUsed, external } = Deno.memoryUsage();
  return heapUsed + external; // typed-array backing stores count as external memory
};

/** Best-of-`rounds` rate of `run`, which applies `updates` level updates. */
const best = (run: () => void, updates = UPDATES, rounds = ROUNDS): number => {
  let fastest = Number.POSITIVE_INFINITY;
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    run();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return updates / (fastest / 1000);
};

// --- ours ---------------------------------------------------------------------------------------
const ours = OrderBook.forMarket({ tickSize: "0.01", stepSize: "0.00001" });
const oursRate = best(() => {
  ours.applySnapshot(snapshot);
  for (const frame of frames) ours.applyLevels(frame.side, frame.levels);
});

// --- ccxt ---------------------------------------------------------------------------------------
const exchange = new ccxt.pro.backpack();
type CcxtSide = { storeArray(delta: ReadonlyArray<number | undefined>): void; length: number };
type CcxtBook = { bids: CcxtSide; asks: CcxtSide };
const ccxtBook = (): CcxtBook =>
  exchange.orderBook({
    bids: snapshot.bids.map((l) => exchange.parseOrderBookBidAsk(l)),
    asks: snapshot.asks.map((l) => exchange.parseOrderBookBidAsk(l)),
  }) as unknown as CcxtBook;
// Full path as ccxt's Backpack watcher runs it: parse strings to floats, then storeArray.
const ccxtRate = best(
  () => {
    const book = ccxtBook();
    for (let i = 0; i < CCXT_FRAMES; i++) {
      const side = book[frames[i].side];
      for (const level of frames[i].levels) side.storeArray(exchange.parseOrderBookBidAsk(level));
    }
  },
  CCXT_FRAMES * LEVELS_PER_FRAME,
  CCXT_ROUNDS,
);
// Structure only: floats parsed beforehand (flatters ccxt: our figure includes string parsing).
const preParsed = frames.slice(0, CCXT_FRAMES).map((f) => ({
  side: f.side,
  levels: f.levels.map((l) => [Number(l[0]), Number(l[1])]),
}));
const ccxtStoreRate = best(
  () => {
    const book = ccxtBook();
    for (const frame of preParsed) {
      const side = book[frame.side];
      for (const level of frame.levels) side.storeArray(level.slice());
    }
  },
  CCXT_FRAMES * LEVELS_PER_FRAME,
  CCXT_ROUNDS,
);

// --- memory -------------------------------------------------------------------------------------
const before = heap();
const kept = Array.from({ length: 10 }, () => {
  const book = OrderBook.forMarket({ tickSize: "0.01", stepSize: "0.00001" });
  book.applySnapshot(snapshot);
  return book;
});
const oursBytes = (heap() - before) / kept.length;
const beforeCcxt = heap();
const keptCcxt = Array.from({ length: 10 }, ccxtBook);
const ccxtBytes = (heap() - beforeCcxt) / keptCcxt.length;

const millions = (rate: number) => `${(rate / 1e6).toFixed(2)}M updates/s`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
console.log(
  `order book: ${LEVELS_PER_SIDE} levels/side, ${UPDATES} level updates near the top, best of ${ROUNDS}`,
);
console.log(`  ours (strings in, scaled integers)        ${millions(oursRate)}`);
console.log(`  ccxt OrderBook (parse + storeArray)       ${millions(ccxtRate)}`);
console.log(`  ccxt OrderBook (storeArray, pre-parsed)   ${millions(ccxtStoreRate)}`);
console.log(
  `  ratio ours/ccxt                           ${
    (oursRate / ccxtRate).toFixed(1)
  }x (vs storeArray only: ${(oursRate / ccxtStoreRate).toFixed(1)}x)`,
);
console.log(
  `  heap per book (${LEVELS_PER_SIDE} levels/side)     ours ${kib(oursBytes)}, ccxt ${
    kib(ccxtBytes)
  }${gc ? "" : " (no --expose-gc: rough)"}`,
);
console.log(
  `  levels held after the run                 ours ${ours.depth("bids")}+${
    ours.depth("asks")
  }, top ${JSON.stringify(ours.top(1))}`,
);
