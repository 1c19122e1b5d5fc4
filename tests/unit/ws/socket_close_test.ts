/**
 * `ReconnectingSocket.close()` settles only after the teardown it started: every socket it opened
 * has reported its close (or the close wait is used up), and no timer of its own is left behind.
 */
import assert from "node:assert/strict";
import { ReconnectingSocket } from "../../../src/ws/socket_core.ts";
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
