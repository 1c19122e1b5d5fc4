/**
 * Order-book worker latency: frame → book-visible latency (p50/p99) through the worker at 1k and
 * 5k frames/s. Prints figures only; nothing is asserted. Results: `docs/benchmarks.md`.
 *
 * Three threads, like a real deployment: a **generator** worker (this file, `name: "generator"`)
 * serves the `GET /api/v1/depth` snapshot (`Deno.serve`) and sends `{stream, data}` depth frames
 * over a minimal WebSocket server on raw TCP; the **order-book worker**
 * (`createOrderBook({ mode: "worker" })`) receives them; the **main thread** only listens to
 * `onTopOfBook`. The generator runs on its own thread so that sending a burst does not hold up the
 * main thread that observes it, and it writes all the frames of a tick in one TCP write
 * (`TCP_NODELAY`) right after stamping them (`Deno.upgradeWebSocket` queues each `send` as its own
 * later write, so a stamp would not say when a frame left).
 *
 * Two latencies per book row, both for frame `u` against the first main-thread `onTopOfBook`
 * whose `lastUpdateId >= u` (top-of-book notifications are coalesced per turn of the worker's
 * event loop, so that top is at `u` or later), minus the time the generator wrote `u`:
 * - **visible**: that top's `appliedAt`, when the worker applied it and published it to the shared
 *   memory `peekTop()` reads (and from when every query sees it). An upper bound for `u`: the top
 *   may be a later frame of the same burst, applied after `u`.
 * - **notified**: when the main thread received that notification (`onTopOfBook`).
 * Every stamp is `performance.timeOrigin + performance.now()` (one clock for every thread of the
 * process; the bench measures the offset between the threads with a ping-pong first and prints
 * it). Every frame changes the best bid's size.
 *
 * Pacing: timers cannot send one frame every 200 µs, so the generator wakes up on a timer and sends
 * the frames that are due. `burst 10ms` wakes every 10 ms (10 frames at 1k/s, 50 at 5k/s, in one
 * write): the later frames of a burst queue behind the earlier ones in the worker, and that
 * queueing is part of their latency. `paced 1ms` wakes every millisecond (1 or 5 frames).
 * Each row runs **cold** right after the book is Live (V8 tiers the hot code up in it: its
 * background TurboFan jobs compete with the worker for the cores), then **warm** in 3 windows of
 * the same length, printed as the medians of the windows' p50 and p99 and the range of their p99
 * (one noisy window on a shared machine does not make the figure). The **floor** rows are the same
 * traffic to a bare worker that parses each frame and posts its update id to the main thread: the
 * cost of the WebSocket and the thread hop alone, without the book. Run `--short` for a quicker
 * pass (1 s windows, 1 warm window).
 *
 * Memory of a 10k-level book is in `bench_orderbook.ts`.
 *
 * @module
 */
import { createOrderBook } from "../src/orderbook/client.ts";

const SYMBOL = "BENCH_USDC";
const SHORT = Deno.args.includes("--short");
const SECONDS = SHORT ? 1 : 3;
const WARM_WINDOWS = SHORT ? 1 : 3;
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
  | { readonly type: "listening"; readonly restPort: number; readonly wsPort: number }
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

const WS_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC11B65";
const encoder = new TextEncoder();

/** A server→client WebSocket text frame (unmasked, RFC 6455 §5.2). */
const wsFrame = (payload: Uint8Array): Uint8Array => {
  const n = payload.length;
  const header = n < 126
    ? [0x81, n]
    : n < 65536
    ? [0x81, 126, n >> 8, n & 0xff]
    : [0x81, 127, 0, 0, 0, 0, (n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
  const frame = new Uint8Array(header.length + n);
  frame.set(header);
  frame.set(payload, header.length);
  return frame;
};

/** Accepts a WebSocket upgrade on a raw TCP connection; resolves once the 101 is written. */
const upgrade = async (conn: Deno.TcpConn): Promise<void> => {
  const buffer = new Uint8Array(8192);
  let request = "";
  while (!request.includes("\r\n\r\n")) {
    const n = await conn.read(buffer);
    if (n === null) throw new Error("closed before the upgrade");
    request += new TextDecoder().decode(buffer.subarray(0, n));
  }
  const key = /sec-websocket-key:\s*(\S+)/i.exec(request)?.[1] ?? "";
  const digest = await crypto.subtle.digest("SHA-1", encoder.encode(key + WS_GUID));
  const accept = btoa(String.fromCharCode(...new Uint8Array(digest)));
  await conn.write(encoder.encode(
    "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
      `Sec-WebSocket-Accept: ${accept}\r\n\r\n`,
  ));
};

const writeAll = async (conn: Deno.Conn, bytes: Uint8Array): Promise<void> => {
  for (let off = 0; off < bytes.length;) off += await conn.write(bytes.subarray(off));
};

/**
 * The generator worker: the depth snapshot over `Deno.serve`, and depth frames over a minimal
 * WebSocket server on raw TCP (`TCP_NODELAY`), so that the frames of one tick leave in one write
 * the moment they are stamped (`Deno.upgradeWebSocket` queues each `send` as its own write, so a
 * stamp would not say when a frame of a burst actually left).
 */
const generator = (): void => {
  const post = (report: Report, transfer: Transferable[] = []): void =>
    scope.postMessage(report, transfer);
  let conns: Deno.TcpConn[] = [];
  let updateId = 1000;
  const rest = Deno.serve(
    { port: 0, hostname: "127.0.0.1", onListen: () => {} },
    () =>
      Response.json({
        bids: [["99", "1"], ["100", "1"]],
        asks: [["101", "1"], ["102", "1"]],
        lastUpdateId: String(updateId),
        timestamp: Date.now() * 1000,
      }),
  );
  const listener = Deno.listen({ port: 0, hostname: "127.0.0.1" });
  const serve = async (conn: Deno.TcpConn): Promise<void> => {
    conn.setNoDelay(true);
    await upgrade(conn);
    conns = [...conns, conn];
    // Client frames (SUBSCRIBE, close) are read and ignored until the connection ends.
    const sink = new Uint8Array(4096);
    while ((await conn.read(sink).catch(() => null)) !== null);
    conns = conns.filter((c) => c !== conn);
    conn.close();
  };
  void (async () => {
    for await (const conn of listener) void serve(conn).catch(() => {});
  })().catch(() => {});
  const frame = (): Uint8Array => {
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
    return wsFrame(encoder.encode(JSON.stringify({ stream: `depth.${SYMBOL}`, data })));
  };
  /** Builds `count` frames, stamps them and writes them in one write per connection. */
  const send = async (count: number, sentAt?: Float64Array, from = 0): Promise<void> => {
    const frames = Array.from({ length: count }, frame);
    const bytes = new Uint8Array(frames.reduce((sum, f) => sum + f.length, 0));
    let off = 0;
    for (const f of frames) {
      bytes.set(f, off);
      off += f.length;
    }
    const at = now();
    if (sentAt !== undefined) sentAt.fill(at, from, from + count);
    await Promise.all(conns.map((conn) => writeAll(conn, bytes).catch(() => {})));
  };
  const run = async (rate: number, tickMs: number, ms: number): Promise<void> => {
    const total = Math.round((rate * ms) / 1000);
    const sentAt = new Float64Array(total);
    const first = updateId + 1;
    const started = now();
    let sent = 0;
    for (let tick = 1; sent < total; tick++) {
      const due = Math.min(total, Math.round(((now() - started) * rate) / 1000) + 1);
      await send(due - sent, sentAt, sent);
      sent = due;
      await sleep(Math.max(0, started + tick * tickMs - now()));
    }
    post({ type: "sent", first, sentAt }, [sentAt.buffer]);
  };
  scope.onmessage = (event: MessageEvent<Command>) => {
    const command = event.data;
    if (command.type === "warm") void send(1).then(() => post({ type: "ok" }));
    else if (command.type === "ping") post({ type: "pong", at: now() });
    else if (command.type === "run") void run(command.rate, command.tickMs, command.ms);
    else {
      for (const conn of conns) conn.close();
      listener.close();
      void rest.shutdown().then(() => post({ type: "ok" }));
    }
  };
  post({ type: "listening", restPort: rest.addr.port, wsPort: listener.addr.port });
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
  seenIds: ReadonlyArray<number>,
  seenAt: ReadonlyArray<number>,
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

const median = (values: ReadonlyArray<number>): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** One printed row: a window's figures, or the medians of several windows and their p99 range. */
const line = (label: string, frames: number, windows: ReadonlyArray<Float64Array>): string => {
  const p99s = windows.map((lat) => percentile(lat, 99));
  const seen = windows.reduce((sum, lat) => sum + lat.length, 0);
  const head = `${label.padEnd(40)} ${String(frames).padStart(6)} frames, ` +
    `${String(seen).padStart(6)} seen: p50 ${
      median(windows.map((l) => percentile(l, 50))).toFixed(2)
    } ms, ` +
    `p99 ${median(p99s).toFixed(2)} ms`;
  return windows.length === 1
    ? `${head}, max ${windows[0][windows[0].length - 1].toFixed(2)} ms`
    : `${head} (medians of ${windows.length} windows; p99 ${Math.min(...p99s).toFixed(2)}–${
      Math.max(...p99s).toFixed(2)
    } ms)`;
};

const main = async (): Promise<void> => {
  const gen = new Worker(import.meta.url, { type: "module", name: "generator" });
  const ready = await new Promise<Report>((resolve) => (gen.onmessage = (e) => resolve(e.data)));
  if (ready.type !== "listening") throw new Error("generator did not start");
  const ask = control(gen);
  const restUrl = `http://127.0.0.1:${ready.restPort}`;
  const wsUrl = `ws://127.0.0.1:${ready.wsPort}/ws`;
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
  /** One window of traffic: the latencies by what was observed (`visible` only for the book). */
  const window = async (rate: number, tickMs: number) => {
    seenIds.length = 0;
    seenAt.length = 0;
    appliedAt.length = 0;
    const sent = await ask({ type: "run", rate, tickMs, ms });
    await sleep(200);
    if (sent.type !== "sent") throw new Error("generator did not run");
    return {
      frames: sent.sentAt.length,
      visible: appliedAt.length > 0 ? latencies(sent, seenIds, appliedAt) : undefined,
      notified: latencies(sent, seenIds, seenAt),
    };
  };
  /** Runs a cold window (right after start-up), then the warm ones, and prints their rows. */
  const measure = async (name: string, rate: number, tickMs: number): Promise<void> => {
    const cold = await window(rate, tickMs);
    const warm = [];
    for (let i = 0; i < WARM_WINDOWS; i++) warm.push(await window(rate, tickMs));
    const book = cold.visible !== undefined;
    for (const [phase, windows] of [["cold", [cold]], ["warm", warm]] as const) {
      if (book) {
        const visible = windows.flatMap((w) => w.visible ?? []);
        console.log(line(`${name} ${phase} visible`, cold.frames, visible));
        const notified = windows.map((w) => w.notified);
        console.log(line(`${name} ${phase} notified`, cold.frames, notified));
      } else console.log(line(`${name} ${phase}`, cold.frames, windows.map((w) => w.notified)));
    }
  };
  const seenIds: number[] = [];
  const seenAt: number[] = [];
  const appliedAt: number[] = [];
  const seen = (id: number, applied?: number): void => {
    seenAt.push(now());
    seenIds.push(id);
    if (applied !== undefined) appliedAt.push(applied);
  };
  for (const rate of RATES) {
    for (const { label, tickMs } of PACINGS) {
      // Through the order-book worker.
      const book = await createOrderBook({ symbol: SYMBOL, restUrl, wsUrl, mode: "worker" });
      book.onTopOfBook((top) => seen(Number(top.lastUpdateId), top.appliedAt));
      while ((await book.status()).phase !== "Live") {
        await ask({ type: "warm" });
        await sleep(20);
      }
      await sleep(100);
      await measure(`${rate}/s ${label} book`, rate, tickMs);
      await book.close();

      // The floor: WebSocket + thread hop, no book.
      const bare = new Worker(import.meta.url, { type: "module", name: "floor" });
      const open = new Promise<void>((resolve) => {
        bare.onmessage = (event: MessageEvent<FloorReport>) => {
          if (event.data.type === "open") resolve();
          else seen(event.data.u);
        };
      });
      bare.postMessage(wsUrl);
      await open;
      await sleep(100);
      await measure(`${rate}/s ${label} floor`, rate, tickMs);
      bare.terminate();
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
