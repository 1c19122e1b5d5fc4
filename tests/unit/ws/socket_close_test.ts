/**
 * `ReconnectingSocket.close()` settles only after the teardown it started: every socket it opened
 * has reported its close and every signature it asked for has settled (or the close wait is used
 * up), and no timer of its own is left behind, also when called from its own status listeners.
 */
import assert from "node:assert/strict";
import {
  ReconnectingSocket,
  type SocketOptions,
  type SocketStatus,
} from "../../../src/ws/socket_core.ts";
import type { SocketTimers } from "../../../src/ws/timing.ts";
import { fakeWebSocketFactory, ManualTimers } from "./fake_socket.ts";

const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Tracks whether a Promise has settled. */
const watch = (promise: Promise<void>) => {
  const state = { settled: false };
  void promise.then(() => (state.settled = true));
  return state;
};

const setup = (timers: SocketTimers, closeTimeoutMs?: number, heartbeatTimeoutMs?: number) => {
  const { Ctor, sockets } = fakeWebSocketFactory();
  const socket = new ReconnectingSocket({
    url: "ws://test/ws",
    WebSocket: Ctor,
    timers,
    random: () => 0.5,
    backoff: { initialMs: 100, maxMs: 1000, factor: 2, jitter: 0.5 },
    ...(closeTimeoutMs === undefined ? {} : { closeTimeoutMs }),
    ...(heartbeatTimeoutMs === undefined ? {} : { heartbeatTimeoutMs }),
  });
  return { socket, sockets };
};

Deno.test("close waits for a slow close event, then leaves no timer; later calls share the wait", async () => {
  const timers = new ManualTimers();
  const { socket, sockets } = setup(timers);
  socket.subscribe(["trade.X"]);
  sockets[0].open();
  sockets[0].holdClose = true;
  const first = watch(socket.close());
  const second = watch(socket.close());
  timers.advance(500);
  await flush();
  assert.equal(first.settled, false, "the socket has not reported its close yet");
  assert.equal(second.settled, false, "a second close() does not skip the wait");
  sockets[0].closed(1000, "client closed");
  await flush();
  assert.ok(first.settled && second.settled);
  assert.equal(timers.pending, 0);
});

Deno.test("close waits for a socket that a reconnect left closing", async () => {
  const timers = new ManualTimers();
  const { socket, sockets } = setup(timers, 1000, 100);
  socket.subscribe(["trade.X"]);
  sockets[0].open();
  sockets[0].holdClose = true;
  timers.advance(125); // heartbeat timeout: socket 0 is closed (held) and a reconnect scheduled
  assert.deepEqual(sockets[0].closedWith.map((c) => c.code), [4000]);
  assert.equal(sockets[0].readyState, 2);
  const closing = watch(socket.close());
  await flush();
  assert.equal(closing.settled, false, "socket 0 is still closing");
  sockets[0].closed(4000);
  await flush();
  assert.ok(closing.settled);
  assert.equal(timers.pending, 0);
  assert.equal(sockets.length, 1, "the scheduled reconnect was cancelled");
});

Deno.test("close gives up after closeTimeoutMs without a close event and clears its timers", async () => {
  const timers = new ManualTimers();
  const { socket, sockets } = setup(timers, 1000);
  socket.subscribe(["trade.X"]);
  sockets[0].open();
  sockets[0].holdClose = true;
  const closing = watch(socket.close());
  timers.advance(999);
  await flush();
  assert.equal(closing.settled, false);
  timers.advance(1);
  await flush();
  assert.ok(closing.settled);
  assert.equal(timers.pending, 0);
});

/** Timers that only fire when told to: `turn()` runs the callbacks pending now, however late. */
class StalledTimers implements SocketTimers {
  #next = 1;
  readonly pendingCallbacks = new Map<number, () => void>();
  readonly setTimeout = (callback: () => void, _ms: number): unknown => {
    const id = this.#next++;
    this.pendingCallbacks.set(id, callback);
    return id;
  };
  readonly clearTimeout = (handle: unknown): void => {
    this.pendingCallbacks.delete(handle as number);
  };
  /** One event-loop turn after a stall: every timer pending now is overdue and fires once. */
  turn(): void {
    const due = [...this.pendingCallbacks];
    this.pendingCallbacks.clear();
    for (const [, callback] of due) callback();
  }
}

Deno.test("a process stall longer than closeTimeoutMs costs one step, not the whole close wait", async () => {
  const timers = new StalledTimers();
  const { socket, sockets } = setup(timers, 1000);
  socket.subscribe(["trade.X"]);
  sockets[0].open();
  sockets[0].holdClose = true;
  const closing = watch(socket.close());
  // The process was paused for seconds: the pending close-wait timer fires late, once.
  timers.turn();
  await flush();
  assert.equal(closing.settled, false, "one overdue timer does not use up the close wait");
  // The peer's close answer is processed in a following turn.
  sockets[0].closed(1000, "client closed");
  await flush();
  assert.ok(closing.settled);
  assert.equal(timers.pendingCallbacks.size, 0);
});

Deno.test("close waits for a signature still being computed and sends nothing with it", async () => {
  const timers = new ManualTimers();
  const { Ctor, sockets } = fakeWebSocketFactory();
  let release = () => {};
  const socket = new ReconnectingSocket({
    url: "ws://test/ws",
    WebSocket: Ctor,
    timers,
    sign: (streams, method) =>
      new Promise((resolve) => {
        release = () => resolve({ method, params: [...streams], signature: ["k", "s", "t", "w"] });
      }),
  });
  socket.subscribe(["account.orderUpdate"], { signed: true });
  sockets[0].open(); // the SUBSCRIBE is being signed
  const closing = watch(socket.close());
  await flush();
  assert.equal(sockets[0].readyState, 3);
  assert.equal(closing.settled, false, "the signature has not settled yet");
  release();
  await flush();
  assert.ok(closing.settled);
  assert.equal(sockets[0].sent.length, 0);
  assert.equal(timers.pending, 0);
});

/** Calls `close()` from inside the status listener when `status` is reported. */
const closeWhen = (socket: ReconnectingSocket, status: SocketStatus["status"]) => {
  const closing: { promise?: Promise<void> } = {};
  socket.onStatus((s) => {
    if (s.status === status) closing.promise ??= socket.close();
  });
  return closing;
};

Deno.test("close() from a reconnecting listener cancels the reconnect it announces", async () => {
  const timers = new ManualTimers();
  const { socket, sockets } = setup(timers, 1000, 1000);
  const closing = closeWhen(socket, "reconnecting");
  socket.subscribe(["trade.X"]);
  sockets[0].open();
  sockets[0].closed(1006);
  await closing.promise;
  assert.ok(closing.promise !== undefined);
  assert.equal(timers.pending, 0, "no reconnect or heartbeat timer left");
  timers.advance(10_000);
  assert.equal(sockets.length, 1);
  assert.deepEqual(socket.status, { status: "closed", reason: "closed by the client" });
});

Deno.test("close() from a connecting listener closes the socket being opened and its heartbeat", async () => {
  const timers = new ManualTimers();
  const { socket, sockets } = setup(timers, 1000, 1000);
  const closing = closeWhen(socket, "connecting");
  socket.subscribe(["trade.X"]);
  await closing.promise;
  assert.ok(closing.promise !== undefined);
  assert.ok(sockets.every((ws) => ws.readyState === 3), "no socket left open");
  assert.equal(timers.pending, 0);
});

Deno.test("close() from the connecting listener of a failed construction schedules no reconnect", async () => {
  const timers = new ManualTimers();
  const Refused = class {
    constructor() {
      throw new Error("refused");
    }
  } as unknown as SocketOptions["WebSocket"];
  const socket = new ReconnectingSocket({ url: "ws://test/ws", WebSocket: Refused, timers });
  const closing = closeWhen(socket, "connecting");
  socket.subscribe(["trade.X"]);
  await closing.promise;
  assert.ok(closing.promise !== undefined);
  assert.equal(timers.pending, 0);
  assert.equal(socket.status.status, "closed");
});

Deno.test("connect() from a reconnecting listener opens one replacement socket, not two", async () => {
  const timers = new ManualTimers();
  const { socket, sockets } = setup(timers, 1000, 1000);
  socket.onStatus((s) => {
    if (s.status === "reconnecting") socket.connect();
  });
  socket.subscribe(["trade.X"]);
  sockets[0].open();
  sockets[0].closed(1006);
  timers.advance(100);
  assert.equal(sockets.length, 2);
  sockets[1].open();
  assert.deepEqual(sockets[1].messages, [{ method: "SUBSCRIBE", params: ["trade.X"] }]);
  await socket.close();
  assert.ok(sockets.every((ws) => ws.readyState === 3));
  assert.equal(timers.pending, 0);
});
