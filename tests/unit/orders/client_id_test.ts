import assert from "node:assert/strict";
import fc from "fast-check";
import { isClientId, makeClientIdGenerator, MAX_CLIENT_ID } from "../../../src/orders/client_id.ts";

const clockFrom = (times: ReadonlyArray<number>): () => number => {
  let i = 0;
  return () => times[Math.min(i++, times.length - 1)];
};

Deno.test("ids are uint32 and increase by one within a millisecond", () => {
  const ids = makeClientIdGenerator({ now: () => 1_700_000_000_000 });
  const a = ids.next();
  const b = ids.next();
  assert.ok(isClientId(a) && isClientId(b));
  assert.equal(b, (a + 1) % 2 ** 32);
  assert.equal(a, 1_700_000_000_000 % 2 ** 32);
});

Deno.test("wraps from 2^32 − 1 to 0", () => {
  const ids = makeClientIdGenerator({ now: () => 2 ** 32 * 7 + MAX_CLIENT_ID });
  assert.equal(ids.next(), MAX_CLIENT_ID);
  assert.equal(ids.next(), 0);
});

Deno.test("isClientId: integers in [0, 2^32 − 1] only", () => {
  for (const ok of [0, 1, MAX_CLIENT_ID]) assert.equal(isClientId(ok), true);
  for (const bad of [-1, 2 ** 32, 1.5, NaN, "7", null]) assert.equal(isClientId(bad), false);
});

Deno.test("property: no repeats within a generator, whatever the clock does", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 2 ** 40 }),
      fc.array(fc.integer({ min: -5_000, max: 5_000 }), { minLength: 1, maxLength: 300 }),
      (start, steps) => {
        let t = start;
        const times = steps.map((s) => (t = Math.max(0, t + s)));
        const ids = makeClientIdGenerator({ now: clockFrom(times) });
        const seen = new Set<number>();
        for (let i = 0; i < times.length; i++) {
          const id = ids.next();
          if (!isClientId(id) || seen.has(id)) return false;
          seen.add(id);
        }
        return true;
      },
    ),
  );
});

Deno.test("property: a restarted generator never reuses the previous one's ids", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 2 ** 40 }),
      fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 200 }),
      fc.integer({ min: 0, max: 50 }),
      fc.integer({ min: 1, max: 200 }),
      (start, gaps, extraDowntime, secondRun) => {
        // First run: ids issued at non-decreasing times (possibly many per ms, running ahead).
        let t = start;
        const first = makeClientIdGenerator({ now: () => t });
        const issued = new Set<number>();
        let lastTimeline = -1;
        for (const gap of gaps) {
          t += gap;
          const id = first.next();
          issued.add(id);
          lastTimeline = Math.max(lastTimeline + 1, t);
        }
        // Restart after at least as long as the first run was ahead of its clock.
        const restartAt = Math.max(t, lastTimeline) + 1 + extraDowntime;
        let u = restartAt;
        const second = makeClientIdGenerator({ now: () => u++ });
        for (let i = 0; i < secondRun; i++) if (issued.has(second.next())) return false;
        return true;
      },
    ),
  );
});
