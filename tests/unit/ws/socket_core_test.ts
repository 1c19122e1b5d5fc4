import assert from "node:assert/strict";
import { classifyFrame, type SocketEvent } from "../../../src/ws/frames.ts";
import {
  ReconnectingSocket,
  type SocketOptions,
  type SocketStatus,
} from "../../../src/ws/socket_core.ts";
import type { SubscriptionMethod } from "../../../src/ws/subscription_messages.ts";
import { fakeWebSocketFactory, ManualTimers } from "./fake_socket.ts";

const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const setup = (options: Partial<SocketOptions> = {}) => {
  const { Ctor, sockets } = fakeWebSocketFactory();
  const timers = new ManualTimers();
  const signCalls: Array<{ streams: ReadonlyArray<string>; method: SubscriptionMethod }> = [];
  let stamp = 0;
  const socket = new ReconnectingSocket({
    url: "ws://test/ws",
    WebSocket: Ctor,
    timers,
    random: () => 0.5,
    backoff: { initialMs: 100, maxMs: 1000, factor: 2, jitter: 0.5 },
    sign: (streams, method) => {
      signCalls.push({ streams, method });
      stamp++;
      return Promise.resolve({
        method,
        params: [...streams],
        signature: ["k", "s", `${stamp}`, "5000"],
      });
    },
    ...options,
  });
  const events: SocketEvent[] = [];
  const statuses: SocketStatus[] = [];
  socket.onMessage((e) => events.push(e));
  socket.onStatus((s) => statuses.push(s));
  return { socket, sockets, timers, signCalls, events, statuses };
};

Deno.test("classifyFrame: data, error, not JSON, unknown shape", () => {
  assert.deepEqual(classifyFrame('{"stream":"trade.X","data":{"e":"trade"}}'), {
    type: "data",
    stream: "trade.X",
    data: { e: "trade" },
  });
  assert.deepEqual(classifyFrame('{"id":null,"error":{"code":4006,"message":"Invalid stream"}}'), {
    type: "error",
    id: null,
    code: 4006,
    message: "Invalid stream",
  });
  assert.equal(classifyFrame("nope").type, "unrecognized");
  assert.deepEqual(classifyFrame('{"result":null,"id":1}'), {
    type: "unrecognized",
    raw: '{"result":null,"id":1}',
    reason: "unknown frame shape",
  });
});

Deno.test("connects lazily; subscriptions made while connecting are sent on open", async () => {
  const { socket, sockets, statuses } = setup();
  assert.equal(sockets.length, 0);
  socket.subscribe(["trade.SOL_USDC", "depth.SOL_USDC"]);
  assert.equal(sockets.length, 1);
  assert.equal(sockets[0].url, "ws://test/ws");
  sockets[0].open();
  assert.deepEqual(sockets[0].messages, [{
    method: "SUBSCRIBE",
    params: ["trade.SOL_USDC", "depth.SOL_USDC"],
  }]);
  assert.deepEqual(statuses.map((s) => s.status), ["connecting", "open"]);
  await socket.close();
});

Deno.test("ref-counting: one SUBSCRIBE per stream, UNSUBSCRIBE when the last holder leaves", async () => {
  const { socket, sockets } = setup();
  socket.connect();
  sockets[0].open();
  socket.subscribe(["trade.SOL_USDC"]);
  socket.subscribe(["trade.SOL_USDC"]);
  assert.equal(socket.subscriptions.get("trade.SOL_USDC"), 2);
  socket.unsubscribe(["trade.SOL_USDC"]);
  assert.equal(sockets[0].sent.length, 1);
  socket.unsubscribe(["trade.SOL_USDC"]);
  socket.unsubscribe(["trade.SOL_USDC"]); // extra release is ignored
  assert.deepEqual(sockets[0].messages, [
    { method: "SUBSCRIBE", params: ["trade.SOL_USDC"] },
    { method: "UNSUBSCRIBE", params: ["trade.SOL_USDC"] },
  ]);
  assert.equal(socket.subscriptions.size, 0);
  await socket.close();
});

Deno.test("signed subscriptions go through sign; unsubscribe of a private stream is signed", async () => {
  const { socket, sockets, signCalls } = setup();
  socket.connect();
  sockets[0].open();
  socket.subscribe(["account.orderUpdate"], { signed: true });
  await flush();
  socket.unsubscribe(["account.orderUpdate"]);
  await flush();
  assert.deepEqual(signCalls.map((c) => c.method), ["SUBSCRIBE", "UNSUBSCRIBE"]);
  assert.deepEqual(sockets[0].messages, [
    {
      method: "SUBSCRIBE",
      params: ["account.orderUpdate"],
      signature: ["k", "s", "1", "5000"],
    },
    {
      method: "UNSUBSCRIBE",
      params: ["account.orderUpdate"],
      signature: ["k", "s", "2", "5000"],
    },
  ]);
  await socket.close();
});

Deno.test("signed subscribe without a sign callback throws before anything is sent", async () => {
  const { socket, sockets } = setup({ sign: undefined });
  assert.throws(() => socket.subscribe(["account.orderUpdate"], { signed: true }), /sign callback/);
  assert.equal(sockets.length, 0);
  await socket.close();
});

Deno.test("reconnect with jittered backoff, resubscribe everything, private ones re-signed", async () => {
  const { socket, sockets, timers, signCalls, statuses } = setup();
  socket.subscribe(["trade.SOL_USDC"]);
  socket.subscribe(["account.orderUpdate"], { signed: true });
  sockets[0].open();
  await flush();
  assert.equal(sockets[0].sent.length, 2);

  sockets[0].closed(1001, "going away");
  const reconnecting = statuses.at(-1);
  assert.deepEqual(reconnecting, {
    status: "reconnecting",
    attempt: 1,
    delayMs: 75, // 100 × (1 − 0.5 × 0.5)
    reason: "closed with code 1001: going away",
  });
  timers.advance(74);
  assert.equal(sockets.length, 1);
  timers.advance(1);
  assert.equal(sockets.length, 2);
  // the new socket fails too: the next delay doubles
  sockets[1].closed();
  assert.deepEqual(statuses.at(-1), {
    status: "reconnecting",
    attempt: 2,
    delayMs: 150,
    reason: "closed with code 1006",
  });
  timers.advance(150);
  sockets[2].open();
  await flush();
  assert.deepEqual(sockets[2].messages, [
    { method: "SUBSCRIBE", params: ["trade.SOL_USDC"] },
    {
      method: "SUBSCRIBE",
      params: ["account.orderUpdate"],
      signature: ["k", "s", "2", "5000"], // a fresh signature, not the first one replayed
    },
  ]);
  assert.equal(signCalls.length, 2);
  // success resets the attempt counter
  sockets[2].closed();
  assert.equal((statuses.at(-1) as { attempt: number }).attempt, 1);
  await socket.close();
  assert.equal(timers.pending, 0);
});

Deno.test("a signature that resolves after the socket was replaced is not sent on the new socket", async () => {
  let release: () => void = () => {};
  const { socket, sockets, timers } = setup({
    sign: (streams, method) =>
      new Promise((resolve) => {
        release = () => resolve({ method, params: [...streams], signature: ["k", "s", "t", "w"] });
      }),
  });
  socket.subscribe(["account.orderUpdate"], { signed: true });
  sockets[0].open();
  sockets[0].closed();
  timers.advance(1000);
  release(); // signature for the dead socket arrives late
  await flush();
  assert.equal(sockets[0].sent.length, 0);
  sockets[1].open();
  release();
  await flush();
  assert.equal(sockets[1].sent.length, 1);
  await socket.close();
});

Deno.test("heartbeat timeout: a silent socket is closed and replaced", async () => {
  const { socket, sockets, timers, statuses, events } = setup({
    heartbeatTimeoutMs: 1000,
    heartbeatIntervalMs: 250,
  });
  socket.subscribe(["ticker.SOL_USDC"]);
  sockets[0].open();
  for (let i = 0; i < 8; i++) {
    timers.advance(250);
    sockets[0].receive({ stream: "ticker.SOL_USDC", data: {} });
  }
  assert.equal(sockets.length, 1, "a socket that keeps talking stays");
  timers.advance(1250);
  assert.deepEqual(sockets[0].closedWith.length, 1);
  const status = statuses.at(-1);
  assert.equal(status?.status, "reconnecting");
  assert.match((status as { reason: string }).reason, /heartbeat timeout/);
  // frames from the abandoned socket are ignored
  const seen = events.length;
  sockets[0].receive({ stream: "ticker.SOL_USDC", data: {} });
  assert.equal(events.length, seen);
  const before = sockets.length;
  timers.advance(1000);
  assert.equal(sockets.length, before + 1);
  sockets[1].open();
  assert.deepEqual(sockets[1].messages, [{ method: "SUBSCRIBE", params: ["ticker.SOL_USDC"] }]);
  await socket.close();
  assert.equal(timers.pending, 0);
});

Deno.test("error frames and unrecognized frames are surfaced as typed events", async () => {
  const { socket, sockets, events } = setup();
  socket.subscribe(["trade.NOPE"]);
  sockets[0].open();
  sockets[0].receive({ id: null, error: { code: 4006, message: "Invalid stream" } });
  sockets[0].receive("garbage");
  sockets[0].receive({ stream: "trade.NOPE", data: { e: "trade" } });
  assert.deepEqual(events.map((e) => e.type), ["error", "unrecognized", "data"]);
  assert.deepEqual(events[0], { type: "error", id: null, code: 4006, message: "Invalid stream" });
  await socket.close();
});

Deno.test("a failing sign callback surfaces as a subscribeFailed event", async () => {
  const { socket, sockets, events } = setup({
    sign: () => Promise.reject(new Error("clock unavailable")),
  });
  socket.subscribe(["account.positionUpdate"], { signed: true });
  sockets[0].open();
  await flush();
  assert.deepEqual(events, [{
    type: "subscribeFailed",
    streams: ["account.positionUpdate"],
    reason: "Error: clock unavailable",
  }]);
  await socket.close();
});

Deno.test("a throwing listener does not stop delivery to the others", async () => {
  const { socket, sockets, events } = setup();
  const errors: unknown[] = [];
  const onError = (e: ErrorEvent) => {
    e.preventDefault();
    errors.push(e.error);
  };
  globalThis.addEventListener("error", onError);
  try {
    socket.onMessage(() => {
      throw new Error("boom");
    });
    const after: SocketEvent[] = [];
    socket.onMessage((e) => after.push(e));
    socket.subscribe(["trade.X"]);
    sockets[0].open();
    sockets[0].receive({ stream: "trade.X", data: 1 });
    assert.equal(events.length, 1);
    assert.equal(after.length, 1);
    await flush();
    assert.equal((errors[0] as Error).message, "boom");
  } finally {
    globalThis.removeEventListener("error", onError);
    await socket.close();
  }
});

Deno.test("maxAttempts: gives up with a terminal closed status and no timers", async () => {
  const { socket, sockets, timers, statuses } = setup({ maxAttempts: 2 });
  socket.subscribe(["trade.X"]);
  sockets[0].closed();
  timers.advance(10_000);
  sockets[1].closed();
  timers.advance(10_000);
  sockets[2].closed();
  assert.equal(sockets.length, 3);
  assert.equal(statuses.at(-1)?.status, "closed");
  assert.equal(timers.pending, 0);
  assert.throws(() => socket.subscribe(["trade.Y"]), /closed/);
  await socket.close();
});

Deno.test("close: no timers left, socket closed, no events afterwards, idempotent", async () => {
  const { socket, sockets, timers, events, statuses } = setup({ heartbeatTimeoutMs: 1000 });
  socket.subscribe(["trade.X"]);
  sockets[0].open();
  assert.ok(timers.pending > 0);
  const closing = socket.close();
  assert.equal(timers.pending, 1, "only the close-timeout guard");
  await closing; // the socket reported its close
  assert.equal(timers.pending, 0);
  assert.deepEqual(sockets[0].closedWith, [{ code: 1000, reason: "client closed" }]);
  assert.deepEqual(statuses.at(-1), { status: "closed", reason: "closed by the client" });
  sockets[0].receive({ stream: "trade.X", data: 1 });
  assert.equal(events.length, 0);
  await socket.close();
  assert.equal(sockets.length, 1);
});

Deno.test("close while a reconnect is scheduled cancels it", async () => {
  const { socket, sockets, timers } = setup();
  socket.subscribe(["trade.X"]);
  sockets[0].closed();
  assert.equal(timers.pending, 1);
  await socket.close();
  assert.equal(timers.pending, 0);
  timers.advance(100_000);
  assert.equal(sockets.length, 1);
});
