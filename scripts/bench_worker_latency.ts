/**
 * Order-book worker latency: frame → book-visible latency (p50/p99) through the worker at 1k and
 * 5k frames/s. Prints figures only.
 *
 * The simulator's engine does not produce depth events at a set rate (it emits what its synthetic
 * flow does per tick), so frames come from a local generator over a real WebSocket (`Deno.serve`,
 * the same `{stream, data}` framing and `GET /api/v1/depth` snapshot as the exchange). Every frame
 * changes the best bid's size, so each one yields a top-of-book notification on the main thread.
 * Latency = time the generator sent frame `u` → time the main thread's `onTopOfBook` saw update `u`
 * (same clock: both run on the main thread). Frames are sent in 10 ms batches (timers cannot pace
 * single frames at 5k/s), so a batch's later frames wait for the earlier ones: figures include that.
 * Memory of a 10k-level book is in `bench_orderbook.ts`.
 *
 * @module
 */
import { createOrderBook } from "../src/orderbook/client.ts";

const SYMBOL = "BENCH_USDC";
const SECONDS = 3;
const BATCH_MS = 10;

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const measure = async (rate: number): Promise<void> => {
  const sent = new Map<number, number>();
  let sockets: WebSocket[] = [];
  let updateId = 1000;
  const server = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen: () => {} }, (request) => {
    const url = new URL(request.url);
    if (url.pathname === "/api/v1/depth") {
      return Response.json({
        bids: [["99", "1"], ["100", "1"]],
        asks: [["101", "1"], ["102", "1"]],
        lastUpdateId: String(updateId),
        timestamp: Date.now() * 1000,
      });
    }
    const { socket, response } = Deno.upgradeWebSocket(request);
    socket.onopen = () => (sockets = [...sockets, socket]);
    return response;
  });
  const wsUrl = `ws://127.0.0.1:${server.addr.port}/ws`;
  const book = await createOrderBook({
    symbol: SYMBOL,
    restUrl: `http://127.0.0.1:${server.addr.port}`,
    wsUrl,
    mode: "worker",
  });
  const latencies: number[] = [];
  book.onTopOfBook((top) => {
    const at = sent.get(Number(top.lastUpdateId));
    if (at !== undefined) latencies.push(performance.now() - at);
  });
  const send = (count: number, record: boolean): void => {
    for (let i = 0; i < count; i++) {
      updateId++;
      const data = {
        e: "depth",
        s: SYMBOL,
        U: updateId,
        u: updateId,
        b: [["100", `${1 + (updateId % 1000)}.5`]],
        a: [],
        T: Date.now() * 1000,
      };
      const text = JSON.stringify({ stream: `depth.${SYMBOL}`, data });
      if (record) sent.set(updateId, performance.now());
      for (const socket of sockets) socket.send(text);
    }
  };
  // Warm up until the book is Live, then measure.
  while ((await book.status()).phase !== "Live") {
    send(1, false);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const perBatch = Math.max(1, Math.round((rate * BATCH_MS) / 1000));
  const started = performance.now();
  let batches = 0;
  while (performance.now() - started < SECONDS * 1000) {
    send(perBatch, true);
    batches++;
    const next = started + batches * BATCH_MS;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
  const elapsed = (performance.now() - started) / 1000;
  await book.close();
  for (const socket of sockets) socket.close();
  await server.shutdown();
  latencies.sort((a, b) => a - b);
  console.log(
    `${rate} frames/s target: sent ${sent.size} frames in ${elapsed.toFixed(1)} s ` +
      `(${Math.round(sent.size / elapsed)}/s), seen ${latencies.length}; ` +
      `frame→book-visible latency p50 ${percentile(latencies, 50).toFixed(2)} ms, ` +
      `p99 ${percentile(latencies, 99).toFixed(2)} ms, max ${latencies.at(-1)!.toFixed(2)} ms`,
  );
};

for (const rate of [1000, 5000]) await measure(rate);
