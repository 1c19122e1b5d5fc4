import assert from "node:assert/strict";
import { eventRelay, nextTurn, type TurnScheduler } from "../../../src/orderbook/event_relay.ts";
import type { FeedEvent, FeedStatus } from "../../../src/orderbook/protocol.ts";

const top = (id: number): FeedEvent => ({
  type: "topOfBook",
  top: { bid: ["100", `${id}`], ask: ["101", "1"], lastUpdateId: String(id), appliedAt: id },
});
const status = (phase: FeedStatus["phase"]): FeedEvent => ({
  type: "status",
  status: {
    symbol: "SOL_USDC",
    phase,
    lastUpdateId: undefined,
    connected: true,
    resyncs: 0,
    lastError: undefined,
  },
});
const label = (event: FeedEvent): string =>
  event.type === "topOfBook" ? `top ${event.top.lastUpdateId}` : event.type;

/** A scheduler the test runs by hand: `endTurn()` runs what was scheduled so far. */
const manualTurns = () => {
  let queue: Array<() => void> = [];
  let closed = false;
  const turns: TurnScheduler = {
    schedule: (callback) => void queue.push(callback),
    close: () => void (closed = true),
  };
  const endTurn = (): void => {
    const due = queue;
    queue = [];
    for (const callback of due) callback();
  };
  return { turns, endTurn, pending: () => queue.length, closed: () => closed };
};

const recorder = () => {
  const posted: string[] = [];
  return { posted, sink: { postMessage: (event: FeedEvent) => void posted.push(label(event)) } };
};

Deno.test("the first top of a turn is posted at once; later ones in the turn only as the latest", () => {
  const { posted, sink } = recorder();
  const { turns, endTurn } = manualTurns();
  const relay = eventRelay(sink, turns);
  relay.listener(top(1));
  assert.deepEqual(posted, ["top 1"]);
  relay.listener(top(2));
  relay.listener(top(3));
  relay.listener(top(4));
  assert.deepEqual(posted, ["top 1"]);
  endTurn();
  assert.deepEqual(posted, ["top 1", "top 4"]);
  // Still throttled for one more turn: a top now waits for its end.
  relay.listener(top(5));
  assert.deepEqual(posted, ["top 1", "top 4"]);
  endTurn();
  assert.deepEqual(posted, ["top 1", "top 4", "top 5"]);
  // A turn without tops ends the throttling: the next top goes out at once again.
  endTurn();
  relay.listener(top(6));
  assert.deepEqual(posted, ["top 1", "top 4", "top 5", "top 6"]);
});

Deno.test("status and resynced events are never held and keep their place after a held top", () => {
  const { posted, sink } = recorder();
  const { turns, endTurn } = manualTurns();
  const relay = eventRelay(sink, turns);
  relay.listener(top(1));
  relay.listener(top(2));
  relay.listener(status("Resyncing"));
  relay.listener({
    type: "resynced",
    reason: { _tag: "Gap", expected: "3", received: "5" },
    lastUpdateId: "7",
  });
  relay.listener(top(7));
  assert.deepEqual(posted, ["top 1", "top 2", "status", "resynced"]);
  endTurn();
  assert.deepEqual(posted, ["top 1", "top 2", "status", "resynced", "top 7"]);
});

Deno.test("close posts the held top and closes the scheduler", () => {
  const { posted, sink } = recorder();
  const manual = manualTurns();
  const relay = eventRelay(sink, manual.turns);
  relay.listener(top(1));
  relay.listener(top(2));
  relay.close();
  assert.deepEqual(posted, ["top 1", "top 2"]);
  assert.equal(manual.closed(), true);
});

Deno.test("nextTurn runs callbacks in order after the current task, and close drops pending ones", async () => {
  const turns = nextTurn();
  const ran: number[] = [];
  turns.schedule(() => ran.push(1));
  turns.schedule(() => ran.push(2));
  assert.equal(ran.length, 0);
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(ran.join(), "1,2");
  turns.schedule(() => ran.push(3));
  turns.close();
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.deepEqual(ran, [1, 2]);
});

Deno.test("a relay over a real MessageChannel delivers the first and the latest top of a burst", async () => {
  const channel = new MessageChannel();
  const received: string[] = [];
  channel.port1.onmessage = (message) => received.push(label(message.data as FeedEvent));
  const relay = eventRelay(channel.port2);
  for (let id = 1; id <= 50; id++) relay.listener(top(id));
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.deepEqual(received, ["top 1", "top 50"]);
  relay.close();
  channel.port1.close();
  channel.port2.close();
});
