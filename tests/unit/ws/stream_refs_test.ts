/**
 * `StreamRefs` on its own: reference counting per stream, what each change reports for the socket to
 * send, and the held list a reconnect resubscribes from.
 */
import assert from "node:assert/strict";
import { StreamRefs } from "../../../src/ws/stream_refs.ts";

Deno.test("StreamRefs: only the first holder of a stream reports it as added", () => {
  const refs = new StreamRefs();
  assert.deepEqual(refs.acquire(["trade.SOL_USDC", "depth.SOL_USDC"], false), [
    "trade.SOL_USDC",
    "depth.SOL_USDC",
  ]);
  assert.deepEqual(refs.acquire(["trade.SOL_USDC", "ticker.SOL_USDC"], false), [
    "ticker.SOL_USDC",
  ]);
  assert.deepEqual(
    refs.counts,
    new Map([["trade.SOL_USDC", 2], ["depth.SOL_USDC", 1], ["ticker.SOL_USDC", 1]]),
  );
});

Deno.test("StreamRefs: a stream named twice in one call takes one reference", () => {
  const refs = new StreamRefs();
  assert.deepEqual(refs.acquire(["trade.X", "trade.X"], false), ["trade.X"]);
  assert.deepEqual(refs.counts, new Map([["trade.X", 1]]));
  assert.deepEqual(refs.release(["trade.X", "trade.X"]), [["trade.X"], []]);
  assert.equal(refs.has("trade.X"), false);
});

Deno.test("StreamRefs: subscribed twice, released once, the stream stays; the last release removes it", () => {
  const refs = new StreamRefs();
  refs.acquire(["trade.X"], false);
  refs.acquire(["trade.X"], false);
  assert.deepEqual(refs.release(["trade.X"]), [[], []]);
  assert.equal(refs.has("trade.X"), true);
  assert.deepEqual(refs.counts, new Map([["trade.X", 1]]));
  assert.deepEqual(refs.release(["trade.X"]), [["trade.X"], []]);
  assert.equal(refs.has("trade.X"), false);
  assert.deepEqual(refs.counts, new Map());
  assert.deepEqual(refs.release(["trade.X"]), [[], []], "releasing a stream not held is a no-op");
});

Deno.test("StreamRefs: released streams are split into public and private", () => {
  const refs = new StreamRefs();
  refs.acquire(["trade.X", "ticker.X"], false);
  refs.acquire(["account.orderUpdate"], true);
  assert.deepEqual(refs.release(["account.orderUpdate", "trade.X", "unknown"]), [
    ["trade.X"],
    ["account.orderUpdate"],
  ]);
});

Deno.test("StreamRefs: a stream keeps the kind of its first holder", () => {
  const refs = new StreamRefs();
  refs.acquire(["account.orderUpdate"], true);
  assert.deepEqual(refs.acquire(["account.orderUpdate"], false), []);
  assert.deepEqual(refs.held(), [[], ["account.orderUpdate"]]);
  refs.release(["account.orderUpdate"]);
  assert.deepEqual(refs.release(["account.orderUpdate"]), [[], ["account.orderUpdate"]]);
});

Deno.test("StreamRefs: held() lists every held stream by kind, in subscription order", () => {
  const refs = new StreamRefs();
  refs.acquire(["trade.A"], false);
  refs.acquire(["account.orderUpdate"], true);
  refs.acquire(["trade.B", "trade.A"], false);
  refs.acquire(["account.positionUpdate"], true);
  assert.deepEqual(refs.held(), [
    ["trade.A", "trade.B"],
    ["account.orderUpdate", "account.positionUpdate"],
  ]);
  // still held after one of two releases; re-subscribing after the last release moves it last
  refs.release(["trade.A"]);
  assert.deepEqual(refs.held()[0], ["trade.A", "trade.B"]);
  refs.release(["trade.A"]);
  refs.acquire(["trade.A"], false);
  assert.deepEqual(refs.held()[0], ["trade.B", "trade.A"]);
});

Deno.test("StreamRefs: counts is a copy", () => {
  const refs = new StreamRefs();
  refs.acquire(["trade.X"], false);
  const counts = refs.counts as Map<string, number>;
  counts.set("trade.Y", 1);
  counts.delete("trade.X");
  assert.equal(refs.has("trade.X"), true);
  assert.equal(refs.has("trade.Y"), false);
  assert.deepEqual(refs.counts, new Map([["trade.X", 1]]));
});

Deno.test("StreamRefs: clear() forgets every stream and its count", () => {
  const refs = new StreamRefs();
  refs.acquire(["trade.X", "trade.X"], false);
  refs.acquire(["trade.X"], false);
  refs.acquire(["account.orderUpdate"], true);
  refs.clear();
  assert.deepEqual(refs.held(), [[], []]);
  assert.deepEqual(refs.counts, new Map());
  assert.deepEqual(refs.release(["trade.X"]), [[], []]);
  assert.deepEqual(refs.acquire(["trade.X"], false), ["trade.X"]);
  assert.deepEqual(refs.counts, new Map([["trade.X", 1]]));
});
