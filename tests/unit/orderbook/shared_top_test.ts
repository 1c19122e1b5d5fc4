import assert from "node:assert/strict";
import {
  canShareMemory,
  SHARED_TOP_BYTES,
  sharedTopBuffer,
  SharedTopReader,
  SharedTopWriter,
} from "../../../src/orderbook/shared_top.ts";

/** A signature as `OrderBook.updateTopSignature` writes it. */
const signature = (
  bid: readonly [number, number] | undefined,
  ask: readonly [number, number] | undefined,
  priceDecimals: number,
  quantityDecimals: number,
): Float64Array =>
  Float64Array.of(
    bid?.[0] ?? -1,
    bid?.[1] ?? -1,
    ask?.[0] ?? -1,
    ask?.[1] ?? -1,
    priceDecimals,
    quantityDecimals,
  );

Deno.test("shared top: nothing published reads undefined; a publication reads back as decimal strings", () => {
  const buffer = sharedTopBuffer(false);
  assert.equal(buffer.byteLength, SHARED_TOP_BYTES);
  const writer = new SharedTopWriter(buffer);
  const reader = new SharedTopReader(buffer);
  assert.equal(reader.read(), undefined);
  writer.publish(signature([10050, 1500], [10075, 20], 2, 3), 42n, 1795806586385.123);
  assert.deepEqual(reader.read(), {
    bid: ["100.5", "1.5"],
    ask: ["100.75", "0.02"],
    lastUpdateId: "42",
    appliedAt: 1795806586385.123,
  });
});

Deno.test("shared top: empty sides, update ids beyond 2^53 and prices up to 2^53 - 1 are exact", () => {
  const buffer = sharedTopBuffer(false);
  const writer = new SharedTopWriter(buffer);
  const reader = new SharedTopReader(buffer);
  const id = 2n ** 62n + 3n;
  writer.publish(signature(undefined, [Number.MAX_SAFE_INTEGER - 1, 1], 8, 0), id, 1);
  const top = reader.read();
  assert.equal(top?.bid, undefined);
  assert.deepEqual(top?.ask, ["90071992.5474099", "1"]);
  assert.equal(top?.lastUpdateId, String(id));
  writer.publish(signature([0, 7], undefined, 0, 0), 1n, 2);
  assert.deepEqual(reader.read()?.bid, ["0", "7"]);
  assert.equal(reader.read()?.ask, undefined);
});

Deno.test("shared top: withdraw() hides the top until the next publication; an unchanged top is the same object", () => {
  const buffer = sharedTopBuffer(false);
  const writer = new SharedTopWriter(buffer);
  const reader = new SharedTopReader(buffer);
  writer.publish(signature([100, 1], [101, 1], 0, 0), 5n, 1);
  const first = reader.read();
  assert.equal(reader.read(), first);
  writer.withdraw();
  assert.equal(reader.read(), undefined);
  writer.publish(signature([100, 2], [101, 1], 0, 0), 6n, 2);
  assert.deepEqual(reader.read()?.bid, ["100", "2"]);
  assert.notEqual(reader.read(), first);
});

Deno.test("shared top: the publication counter wraps around 2^32 without reading as 'never published'", () => {
  const buffer = sharedTopBuffer(false);
  const writer = new SharedTopWriter(buffer);
  const reader = new SharedTopReader(buffer);
  new Int32Array(buffer)[0] = -1; // the counter, one publication before it wraps to 0
  writer.publish(signature([100, 1], [101, 1], 0, 0), 7n, 1);
  assert.equal(reader.read()?.lastUpdateId, "7");
  writer.publish(signature([100, 1], [101, 1], 0, 0), 8n, 1);
  assert.equal(reader.read()?.lastUpdateId, "8");
});

Deno.test("shared top: a reader on another thread never sees a torn top while a worker publishes flat out", async () => {
  assert.ok(canShareMemory());
  const buffer = sharedTopBuffer(true);
  assert.ok(buffer instanceof SharedArrayBuffer);
  const stop = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(new URL("./shared_top_writer_worker.ts", import.meta.url), {
    type: "module",
  });
  const published = new Promise<number>((resolve) => (worker.onmessage = (e) => resolve(e.data)));
  worker.postMessage({ buffer, stop });
  const reader = new SharedTopReader(buffer);
  try {
    // Wait for the writer to start, then read while it keeps publishing.
    while (reader.read() === undefined) await new Promise((resolve) => setTimeout(resolve, 1));
    let distinct = 0;
    let last = 0n;
    for (let reads = 0; reads < 200_000; reads++) {
      const top = reader.read();
      if (top === undefined) continue; // a withdrawal
      const n = BigInt(top.lastUpdateId);
      // Every field of publication n is derived from n: a torn read mixes two publications.
      assert.deepEqual(top.bid, [String(n), String(n * 3n)]);
      assert.deepEqual(top.ask, [String(n + 1n), String(n % 1000n)]);
      assert.equal(top.appliedAt, Number(n) / 4);
      assert.ok(n >= last, `went back from ${last} to ${n}`);
      if (n !== last) distinct++;
      last = n;
    }
    Atomics.store(stop, 0, 1);
    const total = await published;
    assert.ok(distinct > 10, `only ${distinct} distinct tops seen while the writer ran`);
    assert.equal(reader.read()?.lastUpdateId, String(total));
  } finally {
    Atomics.store(stop, 0, 1);
    worker.terminate();
  }
});
