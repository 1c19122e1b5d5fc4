import assert from "node:assert/strict";
import { Decimal } from "decimal.js";
import {
  InvalidInputError,
  SequenceGapError,
  TimeoutError,
  UnavailableError,
} from "../../../src/error_classes.ts";
import type { BookSnapshot } from "../../../src/orderbook/book_views.ts";
import {
  createOrderBook,
  type OrderBookClient,
  type ResyncedEvent,
} from "../../../src/orderbook/client.ts";
import { type Simulator, startSimulator } from "../../../src/sim/mod.ts";

const SYMBOL = "SOL_USDC";

/** Polls `probe` until it returns a value (fails the test after 10 s of no progress). */
const waitFor = async <A>(label: string, probe: () => Promise<A | undefined>): Promise<A> => {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

const norm = (levels: ReadonlyArray<readonly [string | Decimal, string | Decimal]>) =>
  levels.map(([p, q]) => `${new Decimal(p).toFixed()}@${new Decimal(q).toFixed()}`);

/**
 * Steps the engine by hand until the book catches up with the engine's update id (a fresh snapshot
 * only goes Live with the next frame, so one step may not be enough), then checks the whole book
 * against the simulator's true book at that id.
 */
const assertConverges = async (sim: Simulator, book: OrderBookClient): Promise<void> => {
  const deadline = Date.now() + 10_000;
  for (;;) {
    sim.advance();
    const truth = sim.exchange.trueBook(SYMBOL);
    const settle = Date.now() + 300;
    while (Date.now() < settle && (await book.status()).lastUpdateId !== truth.lastUpdateId) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    if ((await book.status()).lastUpdateId === truth.lastUpdateId) {
      return assertSame(await book.snapshot(10_000), truth, book);
    }
    if (Date.now() > deadline) throw new Error(`the book never caught up with the engine`);
  }
};

const assertSame = async (
  snapshot: BookSnapshot,
  truth: ReturnType<Simulator["exchange"]["trueBook"]>,
  book: OrderBookClient,
): Promise<void> => {
  assert.equal(snapshot.lastUpdateId, truth.lastUpdateId);
  assert.deepEqual(norm(snapshot.bids), norm(truth.bids));
  assert.deepEqual(norm(snapshot.asks), norm(truth.asks));
  const [bid, ask] = [await book.bestBid(), await book.bestAsk()];
  // The synchronous read: the same top, at the same update id, applied a moment ago.
  const top = book.peekTop();
  assert.equal(top?.lastUpdateId, truth.lastUpdateId);
  assert.deepEqual(norm([top!.bid!, top!.ask!]), norm([bid!, ask!]));
  assert.ok(top!.appliedAt <= Date.now() + 1 && top!.appliedAt > Date.now() - 60_000);
  assert.ok(bid![0] instanceof Decimal);
  assert.equal(bid![0].toFixed(), new Decimal(truth.bids[0]![0]).toFixed());
  assert.equal(ask![0].toFixed(), new Decimal(truth.asks[0]![0]).toFixed());
  assert.equal((await book.mid())!.toFixed(), bid![0].plus(ask![0]).div(2).toFixed());
  assert.equal((await book.spread())!.toFixed(), ask![0].minus(bid![0]).toFixed());
};

for (const mode of ["worker", "inline"] as const) {
  Deno.test(`${mode} mode: the book converges to the simulator's true book and resyncs after dropped frames`, async () => {
    const sim = await startSimulator({ port: 0, tickMs: 0 });
    const book = await createOrderBook({
      symbol: SYMBOL,
      restUrl: sim.restUrl,
      wsUrl: sim.wsUrl,
      mode,
    });
    try {
      assert.equal(book.mode, mode);
      const tops: string[] = [];
      book.onTopOfBook((top) => tops.push(top.lastUpdateId));
      const resyncs: ResyncedEvent[] = [];
      book.onResynced((event) => resyncs.push(event));
      await waitFor("the socket", async () => (await book.status()).connected || undefined);
      for (let round = 0; round < 5; round++) await assertConverges(sim, book);
      assert.ok(tops.length > 0, "top-of-book notifications");

      // Drop frames until the feed notices a gap, rebuilds and says so.
      sim.setFaults({ wsDropDepth: 0.5 });
      await waitFor("a resync", () => {
        sim.advance();
        return Promise.resolve(resyncs.length > 0 || undefined);
      });
      sim.setFaults({});
      assert.ok(sim.faultCounts().wsDrop > 0);
      assert.ok(
        ["Gap", "StaleSnapshot"].includes(resyncs[0]!.reason._tag),
        resyncs[0]!.reason._tag,
      );
      assert.ok((await book.status()).resyncs >= 1);
      for (let round = 0; round < 3; round++) await assertConverges(sim, book);
    } finally {
      await book.close();
      await sim.close();
    }
  });

  Deno.test(`${mode} mode: errors cross the boundary as the SDK's classes with their fields`, async () => {
    const sim = await startSimulator({ port: 0, tickMs: 0 });
    const book = await createOrderBook({
      symbol: SYMBOL,
      restUrl: sim.restUrl,
      wsUrl: sim.wsUrl,
      mode,
    });
    try {
      // No engine step yet: no depth frame, so never Live.
      await assert.rejects(book.bestBid(), (e) => {
        assert.ok(e instanceof UnavailableError);
        assert.equal(e.code, "BOOK_SYNCING");
        assert.equal(e.endpoint, `depth.${SYMBOL}`);
        return true;
      });
      await assertConverges(sim, book);
      await assert.rejects(book.vwap("asks", "1.5x"), (e) => {
        assert.ok(e instanceof InvalidInputError);
        assert.equal(e.field, "quantity");
        assert.equal(e.reason, "Malformed");
        return true;
      });
      const fill = await book.vwap("asks", "0.5");
      assert.ok(fill.quantity instanceof Decimal);
      assert.equal(fill.quantity.toFixed(), "0.5");
      assert.equal(fill.complete, true);
      // Drop everything: the next frame after a dropped one breaks the chain.
      sim.setFaults({ wsDropDepth: 1 });
      sim.advance();
      sim.setFaults({});
      const gap = await waitFor("a gap error", async () => {
        sim.advance();
        return await book.bestAsk().then(() => undefined, (e) => e);
      });
      assert.ok(gap instanceof SequenceGapError, String(gap));
      assert.equal(gap.symbol, SYMBOL);
      assert.ok(BigInt(gap.received) > BigInt(gap.expected));
    } finally {
      await book.close();
      await book.close(); // idempotent
      await sim.close();
    }
  });
}

Deno.test("peekTop(): undefined until Live and after close(); without shared memory it is the last notification", async () => {
  const sim = await startSimulator({ port: 0, tickMs: 0 });
  const global = globalThis as { crossOriginIsolated?: boolean };
  try {
    for (const shareMemory of [true, false]) {
      // A browser page that is not cross-origin isolated cannot share memory with its worker.
      if (!shareMemory) global.crossOriginIsolated = false;
      const book = await createOrderBook({
        symbol: SYMBOL,
        restUrl: sim.restUrl,
        wsUrl: sim.wsUrl,
        mode: "worker",
      });
      delete global.crossOriginIsolated;
      try {
        assert.equal(book.peekTop(), undefined); // no frame yet: not Live
        const notified: string[] = [];
        book.onTopOfBook((top) => notified.push(top.lastUpdateId));
        await assertConverges(sim, book);
        const top = await waitFor("a top", () => Promise.resolve(book.peekTop()));
        assert.equal(top.lastUpdateId, (await book.status()).lastUpdateId);
        if (!shareMemory) assert.equal(top.lastUpdateId, notified.at(-1));
        assert.equal(book.peekTop(), book.peekTop()); // unchanged: the same object
      } finally {
        await book.close();
      }
      assert.equal(book.peekTop(), undefined);
    }
  } finally {
    delete global.crossOriginIsolated;
    await sim.close();
  }
});

Deno.test("ready(): rejects with TimeoutError while the book cannot sync, resolves once Live", async () => {
  const sim = await startSimulator({ port: 0, tickMs: 0 });
  const book = await createOrderBook({
    symbol: SYMBOL,
    restUrl: sim.restUrl,
    wsUrl: sim.wsUrl,
    mode: "inline",
  });
  try {
    // No engine step: no depth frame reaches the feed, so it cannot go Live.
    await assert.rejects(book.ready(200), (e) => {
      assert.ok(e instanceof TimeoutError);
      assert.equal(e.endpoint, `depth.${SYMBOL}`);
      assert.equal(e.timeoutMs, 200);
      return true;
    });
    const ready = book.ready(10_000);
    await waitFor("Live", async () => {
      sim.advance();
      return (await book.status()).phase === "Live" || undefined;
    });
    await ready;
    assert.ok((await book.bestBid()) !== undefined);
    await book.ready(1_000); // already Live: resolves without waiting for a status change
  } finally {
    await book.close();
    await sim.close();
  }
});
