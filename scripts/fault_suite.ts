/**
 * Order-book fault suite: seeded, randomized replays proving that the book feed never serves a
 * wrong book. Prints `runs, faults injected, resyncs, divergences` (divergences must be 0).
 *
 * 1. **In-process replays** (thousands, seconds): a real simulator engine (`Exchange`) produces a
 *    trace of `depth.<symbol>` events; after each event the trace keeps the engine's true book and
 *    its REST depth snapshot. Each run replays a random window of the trace into a {@link BookFeed}
 *    through a faulty stream — dropped, duplicated and reordered frames, socket kills (frames lost
 *    while down) — and answers snapshot requests late and from a random nearby engine position
 *    (stale or ahead of the stream). After every input, whenever the feed serves a book it must be
 *    uncrossed and equal to the true book at the feed's update id, and the shared top of book
 *    (what `peekTop()` reads) must be that book's best bid and ask at that id; whenever it does
 *    not, queries must fail and the shared top must be withdrawn. Each run ends with a clean tail
 *    after which the feed must be Live.
 * 2. **End-to-end runs** (few, real time): `startSimulator` with its WebSocket faults on
 *    (drop/duplicate/reorder/close), an inline {@link createOrderBook} over the real socket; at
 *    checkpoints (faults paused) the book must catch up with and equal the engine's true book.
 *
 * Run: `deno run -A scripts/fault_suite.ts [runs] [e2eRuns]`
 *
 * @module
 */
import { BookFeed } from "../src/orderbook/book_feed.ts";
import { sharedTopBuffer, SharedTopReader } from "../src/orderbook/shared_top.ts";
import { createOrderBook } from "../src/orderbook/client.ts";
import type { Level } from "../src/orderbook/types.ts";
import { Exchange } from "../src/sim/engine/exchange.ts";
import { defaultAccounts, defaultMarkets } from "../src/sim/engine/markets.ts";
import { seededRandom } from "../src/sim/server/faults.ts";
import { startSimulator } from "../src/sim/mod.ts";

const SYMBOL = "SOL_USDC";

/** One engine step: the wire frame, the true book after it, the REST snapshot at that moment. */
interface TraceStep {
  readonly frame: Record<string, unknown>;
  readonly truth: string;
  readonly snapshot: Record<string, unknown>;
}

/** A plain decimal literal without trailing fractional zeros (`"1.50"` → `"1.5"`, `"2.0"` → `"2"`). */
const norm = (text: string): string => text.includes(".") ? text.replace(/\.?0+$/, "") : text;

/** Levels as one comparable string. */
const key = (bids: ReadonlyArray<Level>, asks: ReadonlyArray<Level>): string => {
  const side = (levels: ReadonlyArray<Level>) =>
    levels.map(([p, q]) => `${norm(p)}@${norm(q)}`).join(",");
  return `${side(bids)}|${side(asks)}`;
};

/** Records `events` depth events of the simulator engine (seeded). */
export const recordTrace = (seed: number, events: number): ReadonlyArray<TraceStep> => {
  const exchange = new Exchange({
    markets: defaultMarkets().filter((m) => m.symbol === SYMBOL),
    accounts: defaultAccounts(),
    seed,
    now: 1_700_000_000_000,
  });
  const trace: TraceStep[] = [];
  exchange.subscribe((e) => {
    if (e.type !== "depth" || e.symbol !== SYMBOL) return;
    const truth = exchange.trueBook(SYMBOL);
    if (truth.lastUpdateId !== e.lastUpdateId) {
      throw new Error(`true book at ${truth.lastUpdateId} during event ${e.lastUpdateId}`);
    }
    trace.push({
      frame: {
        e: "depth",
        U: Number(e.firstUpdateId),
        u: Number(e.lastUpdateId),
        a: e.asks,
        b: e.bids,
        T: e.time,
      },
      truth: key(truth.bids, truth.asks),
      snapshot: { ...exchange.depth(SYMBOL, 1000) },
    });
  });
  for (let t = 1; trace.length < events; t++) exchange.advance(1_700_000_000_000 + t * 20);
  return trace.slice(0, events);
};

/** Totals of a suite. */
export interface FaultReport {
  /** Replays (or end-to-end runs). */
  runs: number;
  /** Faults injected, by kind. */
  faults: { drop: number; duplicate: number; reorder: number; kill: number };
  /** `resynced` events seen. */
  resyncs: number;
  /** Checks of a served book. */
  checks: number;
  /** Served books that were crossed or differed from the truth, queries that did not fail while not Live, runs that never got Live again. */
  divergences: number;
  /** The first divergence, for the log. */
  firstDivergence: string | undefined;
}

const emptyReport = (): FaultReport => ({
  runs: 0,
  faults: { drop: 0, duplicate: 0, reorder: 0, kill: 0 },
  resyncs: 0,
  checks: 0,
  divergences: 0,
  firstDivergence: undefined,
});

const diverged = (report: FaultReport, what: string): void => {
  report.divergences++;
  report.firstDivergence ??= what;
};

/** Replays `runs` random faulty windows of `trace` into fresh feeds. */
export const replayFaults = (
  trace: ReadonlyArray<TraceStep>,
  runs: number,
  seed: number,
  maxWindow = 300,
  report: FaultReport = emptyReport(),
): FaultReport => {
  const truthById = new Map(trace.map((s) => [String(s.frame.u), s.truth]));
  for (let run = 0; run < runs; run++) {
    const random = seededRandom(seed * 100_003 + run);
    const pick = (n: number) => Math.floor(random() * n);
    const rate = random() * 0.2;
    const killRate = random() * 0.02;
    const length = Math.ceil(maxWindow / 3) + pick(Math.ceil((2 * maxWindow) / 3));
    const start = pick(trace.length - length - 40);
    let snapshotDue: { at: number; position: number } | undefined;
    let requested = false;
    const topBuffer = sharedTopBuffer(false);
    const sharedTop = new SharedTopReader(topBuffer);
    const feed = new BookFeed({
      symbol: SYMBOL,
      requestSnapshot: () => (requested = true),
      minBufferedBeforeSnapshot: 1 + pick(3),
      topBuffer,
    });
    feed.onEvent((e) => {
      if (e.type === "resynced") report.resyncs++;
    });
    const check = (label: string): void => {
      const book = feed.liveBook();
      const top = sharedTop.read();
      if (book === undefined) {
        if (feed.bestBid()._tag !== "Err") {
          diverged(report, `run ${run}: query served while ${feed.phase}`);
        }
        if (top !== undefined) diverged(report, `run ${run}: shared top while ${feed.phase}`);
        return;
      }
      report.checks++;
      const id = feed.status().lastUpdateId!;
      const levels = book.toLevels();
      if (book.isCrossed()) diverged(report, `run ${run} ${label}: crossed book served at ${id}`);
      else if (key(levels.bids, levels.asks) !== truthById.get(id)) {
        diverged(report, `run ${run} ${label}: book at ${id} differs from the true book`);
      } else if (
        top?.lastUpdateId !== id ||
        key(top.bid ? [top.bid] : [], top.ask ? [top.ask] : []) !==
          key(levels.bids.slice(0, 1), levels.asks.slice(0, 1))
      ) {
        diverged(report, `run ${run} ${label}: shared top differs from the book at ${id}`);
      }
    };
    const deliver = (position: number): void => {
      feed.onFrame(trace[position]!.frame);
      check(`frame ${position}`);
    };
    let held: number | undefined;
    const end = start + length;
    for (let position = start; position < end + 40; position++) {
      const clean = position >= end; // the tail: no faults, the feed must get Live again
      if (requested) {
        requested = false;
        snapshotDue = { at: position + pick(4), position: Math.max(0, position - 3 + pick(6)) };
      }
      if (snapshotDue !== undefined && snapshotDue.at <= position) {
        const at = Math.min(snapshotDue.position, position);
        snapshotDue = undefined;
        feed.onSnapshot(trace[at]!.snapshot);
        check(`snapshot ${at}`);
      }
      const roll = clean ? 1 : random();
      if (roll < killRate) {
        report.faults.kill++;
        feed.onDisconnected("killed");
        check("kill");
        position += pick(5); // frames lost while the socket was down
        held = undefined;
        feed.onConnected();
        continue;
      }
      if (roll < killRate + rate / 3) {
        report.faults.drop++;
        continue;
      }
      if (roll < killRate + (2 * rate) / 3) {
        report.faults.duplicate++;
        deliver(position);
      } else if (roll < killRate + rate && held === undefined && !clean) {
        report.faults.reorder++;
        held = position;
        continue;
      }
      deliver(position);
      if (held !== undefined) {
        deliver(held);
        held = undefined;
      }
    }
    if (feed.liveBook() === undefined) diverged(report, `run ${run}: not Live after a clean tail`);
    report.runs++;
  }
  return report;
};

/** End-to-end runs through the simulator's real socket and its transport faults. */
export const endToEnd = async (
  runs: number,
  rounds: number,
  report: FaultReport = emptyReport(),
): Promise<FaultReport> => {
  for (let run = 0; run < runs; run++) {
    const sim = await startSimulator({ port: 0, tickMs: 0, seed: 1 + run });
    const book = await createOrderBook({
      symbol: SYMBOL,
      restUrl: sim.restUrl,
      wsUrl: sim.wsUrl,
      mode: "inline",
      environment: { snapshotRetryMs: 20 },
    });
    book.onResynced(() => report.resyncs++);
    try {
      for (let round = 0; round < rounds; round++) {
        sim.setFaults({
          wsDropDepth: 0.05,
          wsDuplicateDepth: 0.05,
          wsReorderDepth: 0.05,
          wsCloseProbability: 0.01,
        });
        for (let i = 0; i < 30; i++) {
          sim.advance();
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
        sim.setFaults({});
        const deadline = Date.now() + 15_000;
        for (;;) {
          sim.advance();
          const truth = sim.exchange.trueBook(SYMBOL);
          const settle = Date.now() + 300;
          while (
            Date.now() < settle && (await book.status()).lastUpdateId !== truth.lastUpdateId
          ) await new Promise((resolve) => setTimeout(resolve, 5));
          if ((await book.status()).lastUpdateId === truth.lastUpdateId) {
            const snapshot = await book.snapshot(100_000);
            report.checks++;
            const served = key(
              snapshot.bids.map(([p, q]) => [p.toFixed(), q.toFixed()]),
              snapshot.asks.map(([p, q]) => [p.toFixed(), q.toFixed()]),
            );
            if (served !== key(truth.bids, truth.asks)) {
              diverged(
                report,
                `e2e run ${run} round ${round}: book differs at ${truth.lastUpdateId}`,
              );
            }
            break;
          }
          if (Date.now() > deadline) {
            diverged(report, `e2e run ${run} round ${round}: never caught up`);
            break;
          }
        }
      }
    } finally {
      await book.close();
      await sim.close();
    }
    const counts = sim.faultCounts();
    report.faults.drop += counts.wsDrop;
    report.faults.duplicate += counts.wsDuplicate;
    report.faults.reorder += counts.wsReorder;
    report.faults.kill += counts.wsClose;
    report.runs++;
  }
  return report;
};

/** One line of figures. */
export const formatReport = (label: string, r: FaultReport): string => {
  const faults = r.faults.drop + r.faults.duplicate + r.faults.reorder + r.faults.kill;
  return `${label}: runs ${r.runs}, faults injected ${faults} (drop ${r.faults.drop}, duplicate ${r.faults.duplicate}, reorder ${r.faults.reorder}, kill ${r.faults.kill}), resyncs ${r.resyncs}, checks ${r.checks}, divergences ${r.divergences}${
    r.firstDivergence ? ` (first: ${r.firstDivergence})` : ""
  }`;
};

if (import.meta.main) {
  const runs = Number(Deno.args[0] ?? 5000);
  const e2eRuns = Number(Deno.args[1] ?? 3);
  const started = performance.now();
  const trace = recordTrace(7, 3000);
  const recorded = performance.now();
  const replay = replayFaults(trace, runs, 1);
  console.log(
    `trace: ${trace.length} engine depth events in ${((recorded - started) / 1000).toFixed(1)} s`,
  );
  console.log(
    `${formatReport("in-process", replay)} in ${
      ((performance.now() - recorded) / 1000).toFixed(1)
    } s`,
  );
  const e2e = await endToEnd(e2eRuns, 5);
  console.log(formatReport("end-to-end", e2e));
  if (replay.divergences + e2e.divergences > 0) Deno.exitCode = 1;
}
