/**
 * `clientId` generation. Backpack's `clientId` is a uint32 that must be unique among your open
 * orders (a duplicate is rejected with `INVALID_ORDER` "Order with client ID already exists").
 *
 * The generator is a clock-anchored counter: each id is `max(previous + 1, now in ms)` taken modulo
 * 2^32 (ids are the low 32 bits of a millisecond timeline that the counter may run ahead of).
 *
 * Guarantees:
 * - **Within one generator**: ids are strictly increasing on that timeline, so no id repeats among
 *   any 2^32 consecutive ids, whatever the clock does (a clock stepping back never repeats an id).
 * - **Across restarts** (a new generator, e.g. after a crash): the new ids do not collide with the
 *   previous generator's ids as long as (a) the previous generator was not ahead of the clock by more
 *   than the restart took — it runs ahead only while issuing more than one id per millisecond on
 *   average — and (b) both lie within one window of 2^32 ms (≈ 49.7 days): an order resting longer
 *   than that may share its id with a new one.
 * - **Not covered**: several processes trading one account at the same time must not share a
 *   timeline; give them different subaccounts, or partition ids yourself.
 *
 * @module
 */

/** Largest `clientId` Backpack accepts (2^32 − 1). */
export const MAX_CLIENT_ID = 4_294_967_295;

const SPAN = 4_294_967_296;

/** Issues `clientId`s. */
export interface ClientIdGenerator {
  /** The next id, an integer in `[0, 2^32 − 1]`. */
  readonly next: () => number;
}

/** Options of {@link makeClientIdGenerator}. */
export interface ClientIdGeneratorOptions {
  /** Clock in Unix ms (default `Date.now`); injectable for tests. */
  readonly now?: () => number;
}

/** True when `value` is a valid `clientId`: an integer in `[0, 2^32 − 1]`. */
export const isClientId = (value: unknown): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAX_CLIENT_ID;

/**
 * Creates a generator (see the module documentation for its guarantees). Keep one per process and
 * account.
 *
 * @example
 * ```ts
 * import { makeClientIdGenerator } from "./client_id.ts";
 * const ids = makeClientIdGenerator();
 * const a = ids.next();
 * const b = ids.next(); // b === (a + 1) % 2 ** 32 when called within the same millisecond
 * ```
 */
export const makeClientIdGenerator = (
  options: ClientIdGeneratorOptions = {},
): ClientIdGenerator => {
  const now = options.now ?? Date.now;
  let last = -1;
  return {
    next: () => {
      last = Math.max(last + 1, Math.floor(now()));
      return last % SPAN;
    },
  };
};
