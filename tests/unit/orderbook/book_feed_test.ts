import assert from "node:assert/strict";
import { BookFeed } from "../../../src/orderbook/book_feed.ts";
import type { FeedEvent } from "../../../src/orderbook/protocol.ts";
import { sharedTopBuffer, SharedTopReader } from "../../../src/orderbook/shared_top.ts";

const frame = (
  u: number,
  b: ReadonlyArray<[string, string]>,
  a: ReadonlyArray<[string, string]> = [],
) => ({
  e: "depth",
  U: u,
  u,
  b,
  a,
  T: 1_700_000_000_000_000 + u,
});

const liveFeed = () => {
  const feed = new BookFeed({ symbol: "SOL_USDC", requestSnapshot: () => {} });
  const tops: string[] = [];
  feed.onEvent((event: FeedEvent) => {
    if (event.type === "topOfBook") {
      const { bid, ask, lastUpdateId } = event.top;
      tops.push(`${lastUpdateId} ${bid?.join("@")} ${ask?.join("@")}`);
    }
  });
  feed.onFrame(frame(10, []));
  feed.onSnapshot({ lastUpdateId: "9", bids: [["99", "1"], ["100", "2"]], asks: [["101", "3"]] });
  return { feed, tops };
};

Deno.test("a top-of-book event only when the best bid or ask changes (not for deeper levels nor a rescale)", () => {
  const { feed, tops } = liveFeed();
  assert.equal(feed.phase, "Live");
  assert.deepEqual(tops, ["10 100@2 101@3"]);
  feed.onFrame(frame(11, [["99", "7"]])); // below the best bid
  feed.onFrame(frame(12, [["98.25", "1"]])); // rescales prices to 2 decimals; same top
  assert.deepEqual(tops, ["10 100@2 101@3"]);
  feed.onFrame(frame(13, [["100", "2.5"]]));
  feed.onFrame(frame(14, [], [["100.75", "1"]]));
  assert.deepEqual(tops, ["10 100@2 101@3", "13 100@2.5 101@3", "14 100@2.5 100.75@1"]);
  assert.equal(feed.status().lastUpdateId, "14");
  const snapshot = feed.snapshot(1);
  assert.equal(snapshot._tag, "Ok");
  if (snapshot._tag === "Ok") assert.equal(snapshot.value.timestamp, "1700000000000014");
});

Deno.test("after a gap and a resync, the first Live top is announced again even if unchanged", () => {
  const { feed, tops } = liveFeed();
  feed.onFrame(frame(20, [["100", "9"]])); // gap: 11..19 missing
  assert.equal(feed.phase, "Resyncing");
  feed.onSnapshot({ lastUpdateId: "20", bids: [["100", "2"]], asks: [["101", "3"]] });
  feed.onFrame(frame(21, [["99", "1"]]));
  assert.equal(feed.phase, "Live");
  assert.deepEqual(tops, ["10 100@2 101@3", "21 100@2 101@3"]);
});

Deno.test("the shared top follows every applied frame and is withdrawn when the book is not Live", () => {
  const buffer = sharedTopBuffer(false);
  const top = new SharedTopReader(buffer);
  let clock = 1000.25;
  const feed = new BookFeed({
    symbol: "SOL_USDC",
    requestSnapshot: () => {},
    topBuffer: buffer,
    now: () => clock,
  });
  const events: string[] = [];
  feed.onEvent((event) => {
    if (event.type === "topOfBook") events.push(`top ${event.top.lastUpdateId}`);
    if (event.type === "topWithdrawn") events.push(`withdrawn ${event.lastUpdateId}`);
  });
  feed.onFrame(frame(10, []));
  assert.equal(top.read(), undefined); // buffering: never Live yet
  feed.onSnapshot({ lastUpdateId: "9", bids: [["99", "1"], ["100", "2"]], asks: [["101", "3"]] });
  assert.deepEqual(top.read(), {
    bid: ["100", "2"],
    ask: ["101", "3"],
    lastUpdateId: "10",
    appliedAt: 1000.25,
  });
  clock = 1001.5;
  feed.onFrame(frame(11, [["99", "7"]])); // the top is unchanged, the book moved on
  assert.equal(top.read()?.lastUpdateId, "11");
  assert.equal(top.read()?.appliedAt, 1001.5);
  feed.onFrame(frame(12, [], [["100", "1"]])); // crossed: never served
  assert.equal(feed.bestBid()._tag, "Err");
  assert.equal(top.read(), undefined);
  feed.onFrame(frame(13, [], [["100", "0"]]));
  assert.deepEqual(top.read()?.ask, ["101", "3"]);
  // Crossing is said once, and the uncrossed top is announced again although it did not change.
  assert.deepEqual(events, ["top 10", "withdrawn 12", "top 13"]);
  feed.onFrame(frame(20, [["100", "9"]])); // gap
  assert.equal(feed.phase, "Resyncing");
  assert.equal(top.read(), undefined);
  feed.onSnapshot({ lastUpdateId: "20", bids: [["100", "2"]], asks: [["101", "3"]] });
  feed.onFrame(frame(21, [["99", "1"]]));
  assert.equal(top.read()?.lastUpdateId, "21");
  feed.onDisconnected("socket closed");
  assert.equal(top.read(), undefined);
  feed.onSnapshot({ lastUpdateId: "21", bids: [["100", "2"]], asks: [["101", "3"]] });
  feed.onFrame(frame(22, []));
  assert.equal(top.read()?.lastUpdateId, "22");
  feed.close();
  assert.equal(top.read(), undefined);
});
