/**
 * Order-book worker latency: frame → book-visible latency (p50/p99) through the worker at 1k and
 * 5k frames/s. Prints figures only; nothing is asserted.
 *
 * Three threads, like a real deployment: a **generator** worker (this file, `name: "generator"`)
 * serves the `GET /api/v1/depth` snapshot and sends `{stream, data}` depth frames over a real
 * WebSocket (`Deno.serve`); the **order-book worker** (`createOrderBook({ mode: "worker" })`)
 * receives them; the **main thread** only listens to `onTopOfBook`. The generator runs on its own
 * thread so that sending a burst does not hold up the main thread that observes it.
 *
 * Latency of frame `u` = the first main-thread `onTopOfBook` whose `lastUpdateId >= u` (the book
 * is visible at `u` or later) minus the time the generator sent `u`. Both stamps are
 * `performance.timeOrigin + performance.now()` (one monotonic clock for every thread of the
 * process; the bench measures the offset between the threads with a ping-pong first and prints
 * it). Every frame changes the best bid's size.
 *
 * Pacing: timers cannot send one frame every 200 µs, so the generator wakes up on a timer and sends
 * the frames that are due. `burst 10ms` wakes every 10 ms (10 frames at 1k/s, 50 at 5k/s, sent
 * back to back): the later frames of a burst queue behind the earlier ones in the socket, the
 * worker and the main thread, and that queueing is part of their latency. `paced 1ms` wakes every
 * millisecond (1 or 5 frames). The **floor** row is the same traffic to a bare worker that parses
 * each frame and posts its update id to the main thread: the cost of the WebSocket and the thread
 * hop alone, without the book. Run `--short` for a quicker pass (1 s per row instead of 3).
 *
 * Memory of a 10k-level book is in `bench_orderbook.ts`.
 *
 * @module
 */
import { createOrderBook } from "../src/orderbook/client.ts";

const SYMBOL = "BENCH_USDC";
const SECONDS = Deno.args.includes("--short") ? 1 : 3;
const RATES: ReadonlyArray<number> = [1000, 5000];
const PACINGS: ReadonlyArray<{ readonly label: string; readonly tickMs: number }> = [
  { label: "burst 10ms", tickMs: 10 },
  { label: "paced 1ms", tickMs: 1 },
];

/** One clock for every thread of the process. */
const now = (): number => performance.timeOrigin + performance.now();

/** Main thread → generator. */
type Command =
  | { readonly type: "warm" }
  | { readonly type: "run"; readonly rate: number; readonly tickMs: number; readonly ms: number }
  | { readonly type: "ping" }
  | { readonly type: "close" };

/** Generator → main thread. */
type Report =
  | { readonly type: "listening"; readonly port: number }
  | { readonly type: "sent"; readonly first: number; readonly sentAt: Float64Array }
  | { readonly type: "pong"; readonly at: number }
  | { readonly type: "ok" };

/** Floor worker → main thread: update id of a frame. */
type FloorReport = { readonly type: "open" } | { readonly type: "frame"; readonly u: number };

/** This file's own worker scope (the `deno.window` types do not describe one). */
interface WorkerScope {
  readonly name: string;
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
}
const scope = self as unknown as WorkerScope;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The generator worker: depth snapshot + WebSocket frames on command. */
const generator = (): void => {
  const post = (report: Report, transfer: Transferable[] = []): void =>
    scope.postMessage(report, transfer);
  let sockets: WebSocket[] = [];
  let updateId = 1000;
  const server = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen: () => {} }, (request) => {
    if (new URL(request.url).pathname === "/api/v1/depth") {
      return Response.json({
        bids: [["99", "1"], ["100", "1"]],
        asks: [["101", "1"], ["102", "1"]],
        lastUpdateId: String(updateId),
        timestamp: Date.now() * 1000,
      });
    }
    const { socket, response } = Deno.upgradeWebSocket(request);
    socket.onopen = () => (sockets = [...sockets, socket]);
    socket.onclose = () => (sockets = sockets.filter((s) => s !== socket));
    return response;
  });
  const send = (): void => {
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
    for (const socket of sockets) socket.send(text);
  };
  const run = async (rate: number, tickMs: number, ms: number): Promise<void> => {
    const total = Math.round((rate * ms) / 1000);
    const sentAt = new Float64Array(total);
    const first = updateId + 1;
    const started = now();
    let sent = 0;
    for (let tick = 1; sent < total; tick++) {
      const due = Math.min(total, Math.round(((now() - started) * rate) / 1000) + 1);
      while (sent < due) {
        sentAt[sent++] = now();
        send();
      }
      await sleep(Math.max(0, started + tick * tickMs - now()));
    }
    post({ type: "sent", first, sentAt }, [sentAt.buffer]);
  };
  scope.onmessage = (event: MessageEvent<Command>) => {
    const command = event.data;
    if (command.type === "warm") {
      send();
      post({ type: "ok" });
    } else if (command.type === "ping") post({ type: "pong", at: now() });
    else if (command.type === "run") void run(command.rate, command.tickMs, command.ms);
    else {
      for (const socket of sockets) socket.close();
      void server.shutdown().then(() => post({ type: "ok" }));
    }
  };
  post({ type: "listening", port: server.addr.port });
};

/** The floor worker: a bare WebSocket whose frames' update ids go straight to the main thread. */
const floor = (): void => {
  scope.onmessage = (event: MessageEvent<string>) => {
    const socket = new WebSocket(event.data);
    socket.onopen = () => scope.postMessage({ type: "open" } satisfies FloorReport);
    socket.onmessage = (message) => {
      const frame = JSON.parse(message.data as string) as { data: { u: number } };
      scope.postMessage({ type: "frame", u: frame.data.u } satisfies FloorReport);
    };
  };
};

/** A request/answer channel to the generator (one command at a time). */
const control = (worker: Worker) => {
  let pending: ((report: Report) => void) | undefined;
  worker.onmessage = (event: MessageEvent<Report>) => pending?.(event.data);
  return (command: Command): Promise<Report> =>
    new Promise((resolve) => {
      pending = resolve;
      worker.postMessage(command);
    });
};

const percentile = (sorted: Float64Array, p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Latency of each sent frame: first observation of an id at or above it, minus its send time. */
const latencies = (
  sent: Extract<Report, { type: "sent" }>,
  seenIds: number[],
  seenAt: number[],
): Float64Array => {
  const out = new Float64Array(sent.sentAt.length);
  let j = 0;
  let n = 0;
  for (let i = 0; i < sent.sentAt.length; i++) {
    while (j < seenIds.length && seenIds[j] < sent.first + i) j++;
    if (j < seenIds.length) out[n++] = seenAt[j] - sent.sentAt[i];
  }
  return out.subarray(0, n).sort();
};

const line = (label: string, sent: Extract<Report, { type: "sent" }>, lat: Float64Array): string =>
  `${label.padEnd(30)} ${String(sent.sentAt.length).padStart(6)} frames, ` +
  `${String(lat.length).padStart(6)} seen: p50 ${percentile(lat, 50).toFixed(2)} ms, ` +
  `p99 ${percentile(lat, 99).toFixed(2)} ms, max ${lat[lat.length - 1].toFixed(2)} ms`;

const main = async (): Promise<void> => {
  const gen = new Worker(import.meta.url, { type: "module", name: "generator" });
  const ready = await new Promise<Report>((resolve) => (gen.onmessage = (e) => resolve(e.data)));
  if (ready.type !== "listening") throw new Error("generator did not start");
  const ask = control(gen);
  const restUrl = `http://127.0.0.1:${ready.port}`;
  const wsUrl = `ws://127.0.0.1:${ready.port}/ws`;
  const offsets: number[] = [];
  for (let i = 0; i < 101; i++) {
    const before = now();
    const pong = await ask({ type: "ping" });
    const after = now();
    if (pong.type === "pong") offsets.push(pong.at - (before + after) / 2);
  }
  offsets.sort((a, b) => a - b);
  console.log(
    `clock offset generator − main thread: median ${(offsets[50] * 1000).toFixed(1)} µs ` +
      `(measurement, ${SECONDS} s per row; load average ${Deno.loadavg().join(" ")})`,
  );
  const ms = SECONDS * 1000;
  for (const rate of RATES) {
    for (const { label, tickMs } of PACINGS) {
      // Through the order-book worker.
      const book = await createOrderBook({ symbol: SYMBOL, restUrl, wsUrl, mode: "worker" });
      const ids: number[] = [];
      const at: number[] = [];
      book.onTopOfBook((top) => {
        at.push(now());
        ids.push(Number(top.lastUpdateId));
      });
      while ((await book.status()).phase !== "Live") {
        await ask({ type: "warm" });
        await sleep(20);
      }
      await sleep(100);
      ids.length = 0;
      at.length = 0;
      const sent = await ask({ type: "run", rate, tickMs, ms });
      await sleep(200);
      await book.close();
      if (sent.type !== "sent") throw new Error("generator did not run");
      console.log(line(`${rate}/s ${label} book`, sent, latencies(sent, ids, at)));

      // The floor: WebSocket + thread hop, no book.
      const bare = new Worker(import.meta.url, { type: "module", name: "floor" });
      const floorIds: number[] = [];
      const floorAt: number[] = [];
      const open = new Promise<void>((resolve) => {
        bare.onmessage = (event: MessageEvent<FloorReport>) => {
          if (event.data.type === "open") resolve();
          else {
            floorAt.push(now());
            floorIds.push(event.data.u);
          }
        };
      });
      bare.postMessage(wsUrl);
      await open;
      await sleep(100);
      const floorSent = await ask({ type: "run", rate, tickMs, ms });
      await sleep(200);
      bare.terminate();
      if (floorSent.type !== "sent") throw new Error("generator did not run");
      console.log(
        line(`${rate}/s ${label} floor`, floorSent, latencies(floorSent, floorIds, floorAt)),
      );
      await sleep(100); // the generator drops the floor's socket
    }
  }
  await ask({ type: "close" });
  gen.terminate();
};

const role = typeof self === "object" && "WorkerGlobalScope" in globalThis ? scope.name : "main";
if (role === "generator") generator();
else if (role === "floor") floor();
else await main();
