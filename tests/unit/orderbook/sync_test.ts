import assert from "node:assert/strict";
import fc from "fast-check";
import { BookSync, type SyncAction } from "../../../src/orderbook/sync.ts";
import type { DepthDiff, Level } from "../../../src/orderbook/types.ts";
import { ReferenceBook } from "./reference_book.ts";

const frame = (U: number, u: number, b: Level[] = [], a: Level[] = []): DepthDiff => ({
  U,
  u: String(u), // ids arrive as numbers or strings
  a,
  b,
  T: u * 10,
});
const snapshot = (lastUpdateId: number, bids: Level[] = [], asks: Level[] = []) => ({
  lastUpdateId: String(lastUpdateId),
  bids,
  asks,
  timestamp: 1,
});
const types = (actions: ReadonlyArray<SyncAction>) => actions.map((a) => a.type);

Deno.test("buffers until the snapshot, drops covered frames, applies the bridge, then in order", () => {
  const sync = new BookSync();
  assert.deepEqual(sync.onDiff(frame(9, 10, [["1", "1"]])), [
    { type: "needSnapshot", reason: { _tag: "Initial" } },
  ]);
  assert.deepEqual(sync.onDiff(frame(11, 12, [["2", "1"]])), []);
  assert.deepEqual(sync.onDiff(frame(13, 13, [["3", "1"]])), []);
  assert.equal(sync.book(), undefined);
  assert.equal(sync.phase, "Buffering");
  // Snapshot at 11: frame 9..10 is dropped, 11..12 bridges (U <= 12 <= u), 13 follows.
  assert.deepEqual(sync.onSnapshot(snapshot(11, [["5", "1"]])), [
    { type: "applied", lastUpdateId: "13", frames: 2 },
  ]);
  assert.equal(sync.phase, "Live");
  assert.deepEqual(sync.book()!.toLevels().bids, [["5", "1"], ["3", "1"], ["2", "1"]]);
  assert.deepEqual(sync.onDiff(frame(14, 15, [["5", "0"]])), [
    { type: "applied", lastUpdateId: "15", frames: 1 },
  ]);
  assert.equal(sync.lastUpdateId, "15");
  assert.equal(sync.timestamp, "150");
  assert.deepEqual(sync.book()!.bestBid(), ["3", "1"]);
});

Deno.test("a snapshot ahead of the stream waits for the bridging frame before going Live", () => {
  const sync = new BookSync();
  sync.onDiff(frame(1, 1));
  assert.deepEqual(sync.onSnapshot(snapshot(5, [["1", "1"]])), []);
  assert.equal(sync.book(), undefined);
  assert.deepEqual(sync.onDiff(frame(2, 4)), []); // already in the snapshot
  assert.deepEqual(types(sync.onDiff(frame(5, 7, [["2", "1"]]))), ["applied"]);
  assert.equal(sync.phase, "Live");
  assert.deepEqual(sync.book()!.bestBid(), ["2", "1"]);
});

Deno.test("a stale snapshot (older than the buffered frames) is refetched", () => {
  const sync = new BookSync();
  sync.onDiff(frame(20, 21));
  assert.deepEqual(sync.onSnapshot(snapshot(15)), [{
    type: "needSnapshot",
    reason: { _tag: "StaleSnapshot", snapshotId: "15", firstBuffered: "20" },
  }]);
  assert.equal(sync.book(), undefined);
  assert.deepEqual(types(sync.onSnapshot(snapshot(20))), ["applied"]);
  assert.equal(sync.lastUpdateId, "21");
});

Deno.test("a snapshot older than the next frame after it is refetched (first-frame rule)", () => {
  const sync = new BookSync();
  sync.onDiff(frame(1, 1));
  sync.onSnapshot(snapshot(5));
  assert.deepEqual(sync.onDiff(frame(8, 9)), [{
    type: "needSnapshot",
    reason: { _tag: "StaleSnapshot", snapshotId: "5", firstBuffered: "8" },
  }]);
  assert.equal(sync.book(), undefined);
});

Deno.test("a dropped frame clears the book and resyncs with the gap in the reason", () => {
  const sync = new BookSync();
  sync.onDiff(frame(1, 1));
  sync.onSnapshot(snapshot(1, [["1", "1"]]));
  sync.onDiff(frame(2, 3));
  assert.deepEqual(sync.onDiff(frame(6, 7)), [
    { type: "resync", reason: { _tag: "Gap", expected: "4", received: "6" } },
    { type: "needSnapshot", reason: { _tag: "Resync" } },
  ]);
  assert.equal(sync.phase, "Resyncing");
  assert.equal(sync.book(), undefined);
  assert.equal(sync.lastUpdateId, undefined);
  assert.equal(sync.buffered, 1); // the frame after the gap is kept for the next snapshot
  assert.deepEqual(types(sync.onSnapshot(snapshot(6, [["9", "1"]]))), ["applied"]);
  assert.deepEqual(sync.book()!.toLevels().bids, [["9", "1"]]);
});

Deno.test("duplicated frames are ignored; reordered frames resync", () => {
  const sync = new BookSync();
  sync.onDiff(frame(1, 1));
  sync.onSnapshot(snapshot(0));
  assert.equal(sync.lastUpdateId, "1");
  sync.onDiff(frame(2, 2, [["1", "1"]]));
  assert.deepEqual(sync.onDiff(frame(2, 2, [["1", "9"]])), []);
  assert.deepEqual(sync.onDiff(frame(1, 1)), []);
  assert.deepEqual(sync.book()!.bestBid(), ["1", "1"]);
  // 4 arrives before 3: a gap.
  assert.deepEqual(types(sync.onDiff(frame(4, 4))), ["resync", "needSnapshot"]);
  assert.deepEqual(sync.onDiff(frame(3, 3)), []); // late, dropped from the buffer
});

Deno.test("bad frames and bad snapshots never leave a book Live", () => {
  const sync = new BookSync();
  sync.onDiff(frame(1, 1));
  sync.onSnapshot(snapshot(1));
  assert.deepEqual(sync.onDiff(frame(2, 2, [["1e3", "1"]])), [
    {
      type: "resync",
      reason: {
        _tag: "InvalidLevel",
        rejection: { _tag: "Rejected", reason: "syntax", input: "1e3" },
      },
    },
    { type: "needSnapshot", reason: { _tag: "Resync" } },
  ]);
  assert.equal(sync.book(), undefined);
  assert.deepEqual(types(sync.onDiff({ U: 5, u: 4, a: [], b: [] })), ["resync"]); // already requested
  assert.deepEqual(sync.onSnapshot({ lastUpdateId: "x", bids: [], asks: [] }), [
    { type: "needSnapshot", reason: { _tag: "InvalidSnapshot", detail: "lastUpdateId x" } },
  ]);
  assert.equal(sync.book(), undefined);
});

Deno.test("int64 ids beyond 2^53 are compared exactly", () => {
  const sync = new BookSync();
  sync.onDiff({ U: "9007199254740993", u: "9007199254740993", a: [], b: [] });
  assert.deepEqual(types(sync.onSnapshot(snapshot(0))), ["needSnapshot"]); // stale
  assert.deepEqual(
    types(sync.onSnapshot({ lastUpdateId: "9007199254740992", bids: [], asks: [] })),
    ["applied"],
  );
  assert.deepEqual(
    types(sync.onDiff({ U: "9007199254740995", u: "9007199254740995", a: [], b: [] })),
    [
      "resync",
      "needSnapshot",
    ],
  );
});

// --- Random replay: a true book, a faulty stream, lagging snapshots -----------------------------

const mulberry32 = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

Deno.test("random replay: whenever Live, the book equals the true book at its update id", () => {
  fc.assert(
    fc.property(
      fc.integer(),
      fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.15, noNaN: true })),
      (seed, faultRate) => {
        const random = mulberry32(seed);
        const pick = (n: number) => Math.floor(random() * n);
        const levels = (): Level[] =>
          Array.from({ length: pick(4) }, () => [
            `${100 + pick(20)}.${pick(10)}`,
            pick(3) === 0 ? "0" : `${pick(50)}.${pick(100)}`,
          ]);
        // The true stream, and the true book after each frame (keyed by its last id).
        const truth = new ReferenceBook();
        const states = new Map<string, ReferenceBook>([["1000", truth.clone()]]);
        const frames: DepthDiff[] = [];
        let id = 1000;
        for (let i = 0; i < 150; i++) {
          const U = id + 1;
          id += 1 + pick(3);
          const f = frame(U, id, levels(), levels());
          truth.apply("bids", f.b);
          truth.apply("asks", f.a);
          states.set(String(id), truth.clone());
          frames.push(f);
        }
        // Faults: drop, duplicate, swap with the next.
        const delivered: DepthDiff[] = [];
        for (let i = 0; i < frames.length; i++) {
          const roll = random();
          if (roll < faultRate / 3) continue; // dropped
          if (roll < faultRate * 2 / 3) delivered.push(frames[i], frames[i]); // duplicated
          else if (roll < faultRate && i + 1 < frames.length) {
            delivered.push(frames[i + 1], frames[i]); // swapped with the next
            i++;
          } else delivered.push(frames[i]);
        }
        const snapshotAt = (position: number) => {
          const index = Math.max(-1, Math.min(frames.length - 1, position));
          const lastUpdateId = index < 0 ? "1000" : String(frames[index].u);
          return { lastUpdateId, ...states.get(lastUpdateId)!.levels() };
        };
        const sync = new BookSync({ minBufferedBeforeSnapshot: 1 + pick(3) });
        let pending: { due: number; position: number } | undefined;
        let liveSeen = false;
        const check = (actions: ReadonlyArray<SyncAction>, position: number) => {
          for (const action of actions) {
            if (action.type === "needSnapshot") {
              pending = { due: position + pick(6), position: position + pick(9) - 4 };
            }
          }
          const book = sync.book();
          if (book === undefined) return;
          liveSeen = true;
          assert.equal(sync.phase, "Live");
          const expected = states.get(sync.lastUpdateId!);
          assert.ok(expected !== undefined, `Live at an unknown id ${sync.lastUpdateId}`);
          assert.deepEqual(book.toLevels(), expected.levels());
        };
        delivered.forEach((f, n) => {
          const position = frames.indexOf(f);
          check(sync.onDiff(f), position);
          if (pending !== undefined && pending.due <= n) {
            const { position: at } = pending;
            pending = undefined;
            check(sync.onSnapshot(snapshotAt(at)), position);
          }
        });
        if (faultRate === 0) assert.ok(liveSeen, "a clean stream must reach Live");
      },
    ),
    { numRuns: 150 },
  );
});
