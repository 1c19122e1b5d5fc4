/**
 * `timing.ts` on its own: reconnect backoff (growth, cap, jitter bounds), the stepped close wait
 * `waitInSteps`, and `Heartbeat` dead-socket detection, all on manual timers (no real sleeps).
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { backoffDelay, Heartbeat, waitInSteps } from "../../../src/ws/timing.ts";
import { ManualTimers } from "./fake_socket.ts";

/** Lets promise callbacks run. */
const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

Deno.test("backoffDelay: grows by factor per attempt from initialMs and stops at maxMs", () => {
  const b = { initialMs: 100, maxMs: 1000, factor: 2, jitter: 0.5 };
  assert.deepEqual(
    [1, 2, 3, 4, 5, 6, 50].map((a) => backoffDelay(a, b, () => 0)),
    [100, 200, 400, 800, 1000, 1000, 1000],
  );
  assert.deepEqual([1, 2, 3].map((a) => backoffDelay(a, { ...b, factor: 3 }, () => 0)), [
    100,
    300,
    900,
  ]);
  // attempt 0 (or below) counts as the first
  assert.equal(backoffDelay(0, b, () => 0), 100);
  assert.equal(backoffDelay(-3, b, () => 0), 100);
});

Deno.test("backoffDelay: defaults are 250 ms doubling up to 30 s with half the delay jittered", () => {
  assert.deepEqual(
    [1, 2, 3, 8, 9, 20].map((a) => backoffDelay(a, {}, () => 0)),
    [250, 500, 1000, 30000, 30000, 30000],
  );
  assert.equal(backoffDelay(1, undefined, () => 0.5), 188); // round(250 × 0.75)
  assert.equal(backoffDelay(20, {}, () => 0.999999), 15000);
});

Deno.test("backoffDelay: jitter only shortens the delay, by at most jitter × delay", () => {
  const b = { initialMs: 100, maxMs: 1000, factor: 2, jitter: 0.5 };
  assert.equal(backoffDelay(3, b, () => 0), 400);
  assert.equal(backoffDelay(3, b, () => 0.5), 300);
  assert.equal(backoffDelay(3, b, () => 0.999999), 200);
  assert.equal(backoffDelay(3, { ...b, jitter: 0 }, () => 0.999999), 400);
  assert.equal(backoffDelay(3, { ...b, jitter: 1 }, () => 0.75), 100);
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 60 }),
      fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (attempt, random, jitter) => {
        const full = backoffDelay(attempt, { ...b, jitter }, () => 0);
        const delay = backoffDelay(attempt, { ...b, jitter }, () => random);
        assert.equal(full, Math.min(1000, 100 * 2 ** (attempt - 1)));
        assert.ok(delay <= full, `${delay} > ${full}`);
        assert.ok(delay >= Math.floor(full * (1 - jitter)), `${delay} < (1 - ${jitter}) × ${full}`);
      },
    ),
  );
});

Deno.test("waitInSteps: a condition that already holds resolves at once and sets no timer", async () => {
  const timers = new ManualTimers();
  let calls = 0;
  const wait = waitInSteps(() => (calls++, true), 1000, timers);
  assert.equal(timers.pending, 0);
  await wait.promise;
  wait.check();
  assert.equal(calls, 1, "check() after resolving does not ask again");
});

Deno.test("waitInSteps: check() resolves once the condition holds and clears the step timer", async () => {
  const timers = new ManualTimers();
  let ready = false;
  let resolved = false;
  const wait = waitInSteps(() => ready, 1000, timers);
  void wait.promise.then(() => (resolved = true));
  assert.deepEqual(timers.delays, [50]);
  wait.check();
  await flush();
  assert.equal(resolved, false);
  ready = true;
  wait.check();
  await flush();
  assert.equal(resolved, true);
  assert.equal(timers.pending, 0);
});

Deno.test("waitInSteps: the condition is asked again after every step", async () => {
  const timers = new ManualTimers();
  let calls = 0;
  let resolved = false;
  const wait = waitInSteps(() => ++calls === 3, 1000, timers);
  void wait.promise.then(() => (resolved = true));
  timers.advance(50);
  await flush();
  assert.equal(resolved, false);
  timers.advance(50);
  await flush();
  assert.equal(resolved, true);
  assert.equal(calls, 3);
  assert.equal(timers.pending, 0);
});

Deno.test("waitInSteps: gives up once the budget is used up, counted in steps", async () => {
  const timers = new ManualTimers();
  let resolved = false;
  const wait = waitInSteps(() => false, 120, timers);
  void wait.promise.then(() => (resolved = true));
  timers.advance(100); // two steps: 100 of 120 waited
  await flush();
  assert.equal(resolved, false);
  assert.deepEqual(timers.delays, [50]);
  timers.advance(50); // third step: 150 ≥ 120
  await flush();
  assert.equal(resolved, true);
  assert.equal(timers.pending, 0);
});

Deno.test("waitInSteps: a step fired late counts as one step, not as the time that passed", async () => {
  // Timers whose callbacks the test fires by hand, as a paused process would fire them late.
  const due: Array<() => void> = [];
  const timers = {
    setTimeout: (callback: () => void) => due.push(callback),
    clearTimeout: () => {},
  };
  let resolved = false;
  const wait = waitInSteps(() => false, 100, timers);
  void wait.promise.then(() => (resolved = true));
  due.shift()!(); // however late: 50 of 100 waited
  await flush();
  assert.equal(resolved, false);
  due.shift()!();
  await flush();
  assert.equal(resolved, true);
  assert.equal(due.length, 0);
});

Deno.test("waitInSteps: a budget below one step uses the budget as the step; 0 waits not at all", async () => {
  const timers = new ManualTimers();
  const short = waitInSteps(() => false, 20, timers);
  assert.deepEqual(timers.delays, [20]);
  timers.advance(20);
  await short.promise;
  assert.equal(timers.pending, 0);
  await waitInSteps(() => false, 0, timers).promise;
  assert.equal(timers.pending, 0);
});

/** A started heartbeat on manual timers, recording what it reports. */
const heartbeat = (timeoutMs: number, intervalMs?: number) => {
  const timers = new ManualTimers();
  const silences: number[] = [];
  const state = { active: true };
  const beat = new Heartbeat(timers, timeoutMs, intervalMs, () => state.active, (silentMs) => {
    silences.push(silentMs);
  });
  return { timers, silences, state, beat };
};

Deno.test("Heartbeat: reports a silence of timeoutMs once, then stops checking", () => {
  const { timers, silences, beat } = heartbeat(1000, 250);
  beat.start();
  assert.deepEqual(timers.delays, [250]);
  timers.advance(999);
  assert.deepEqual(silences, []);
  timers.advance(1);
  assert.deepEqual(silences, [1000]);
  assert.equal(timers.pending, 0);
  timers.advance(10_000);
  assert.deepEqual(silences, [1000]);
});

Deno.test("Heartbeat: the silence is counted in whole intervals", () => {
  const { timers, silences, beat } = heartbeat(1000, 300);
  beat.start();
  timers.advance(900);
  assert.deepEqual(silences, []);
  timers.advance(300);
  assert.deepEqual(silences, [1200]);
});

Deno.test("Heartbeat: the interval defaults to a quarter of the timeout, at least 1 ms", () => {
  const quarter = heartbeat(1000);
  quarter.beat.start();
  assert.deepEqual(quarter.timers.delays, [250]);
  const tiny = heartbeat(3);
  tiny.beat.start();
  assert.deepEqual(tiny.timers.delays, [1]);
  tiny.timers.advance(3);
  assert.deepEqual(tiny.silences, [3]);
});

Deno.test("Heartbeat: frames between checks keep it quiet and restart the silence", () => {
  const { timers, silences, beat } = heartbeat(1000, 250);
  beat.start();
  for (let i = 0; i < 20; i++) {
    timers.advance(250);
    beat.beat();
  }
  assert.deepEqual(silences, []);
  assert.equal(timers.pending, 1, "still checking");
  // the last frame (at 5000) is seen by the check at 5250; 1000 ms of silence after it end at 6250
  timers.advance(1249);
  assert.deepEqual(silences, []);
  timers.advance(1);
  assert.deepEqual(silences, [1000]);
});

Deno.test("Heartbeat: stop() clears the pending check", () => {
  const { timers, silences, beat } = heartbeat(1000, 250);
  beat.start();
  timers.advance(750);
  beat.stop();
  assert.equal(timers.pending, 0);
  timers.advance(10_000);
  assert.deepEqual(silences, []);
  beat.stop(); // idempotent
  assert.equal(timers.pending, 0);
});

Deno.test("Heartbeat: start() begins from silence 0 and forgets a frame seen before it", () => {
  const { timers, silences, beat } = heartbeat(1000, 250);
  beat.start();
  timers.advance(750);
  beat.stop();
  beat.beat();
  beat.start();
  timers.advance(750);
  assert.deepEqual(silences, [], "the silence before the restart does not count");
  timers.advance(250);
  assert.deepEqual(silences, [1000], "the frame before start() does not count either");
});

Deno.test("Heartbeat: once active() is false a check neither reports nor reschedules", () => {
  const { timers, silences, state, beat } = heartbeat(1000, 250);
  beat.start();
  timers.advance(750);
  state.active = false;
  timers.advance(250);
  assert.deepEqual(silences, []);
  assert.equal(timers.pending, 0);
});
