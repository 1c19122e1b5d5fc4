/**
 * Timing of the reconnecting socket: the injectable timer functions, the reconnect backoff, and the
 * stepped wait {@link ReconnectingSocket.close} uses for its sockets' close events.
 *
 * @module
 */

/** Timer functions; inject fakes in tests. */
export interface SocketTimers {
  /** Like `globalThis.setTimeout`. */
  readonly setTimeout: (callback: () => void, ms: number) => unknown;
  /** Like `globalThis.clearTimeout`. */
  readonly clearTimeout: (handle: unknown) => void;
}

/** The global `setTimeout`/`clearTimeout`. */
export const globalTimers: SocketTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as number),
};

/** Reconnect delays: `min(maxMs, initialMs × factor^(attempt−1)) × (1 − jitter × random())`. */
export interface BackoffOptions {
  /** Delay before the first reconnect attempt, in ms. Default 250. */
  readonly initialMs?: number;
  /** Upper bound of a delay, in ms. Default 30000. */
  readonly maxMs?: number;
  /** Growth per attempt. Default 2. */
  readonly factor?: number;
  /** Fraction (0..1) of the delay that is randomised away. Default 0.5. */
  readonly jitter?: number;
}

/** Computes the backoff delay of reconnect `attempt` (1-based). */
export const backoffDelay = (
  attempt: number,
  backoff: BackoffOptions = {},
  random: () => number = Math.random,
): number => {
  const { initialMs = 250, maxMs = 30000, factor = 2, jitter = 0.5 } = backoff;
  const capped = Math.min(maxMs, initialMs * factor ** Math.max(0, attempt - 1));
  return Math.round(capped * (1 - jitter * random()));
};

/** Largest timer step of {@link waitInSteps}. */
const STEP_MS = 50;

/** A wait started by {@link waitInSteps}. */
export interface SteppedWait {
  /** Resolves once `settled()` holds or the budget is used up. */
  readonly promise: Promise<void>;
  /** Checks `settled()` now (call it when the awaited condition may have changed); no-op once resolved. */
  readonly check: () => void;
}

/**
 * Waits until `settled()` holds, checking it now, on every {@link SteppedWait.check} and after each
 * timer step of at most 50 ms, for at most `budgetMs` counted in steps (so a process paused longer
 * than the budget costs one step, not the whole wait). Leaves no timer once resolved.
 */
export const waitInSteps = (
  settled: () => boolean,
  budgetMs: number,
  timers: SocketTimers,
): SteppedWait => {
  const step = Math.max(1, Math.min(STEP_MS, budgetMs));
  let waited = 0;
  let timer: unknown;
  let resolved = false;
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  const done = (): boolean => {
    if (resolved) return true;
    if (!settled() && waited < budgetMs) return false;
    resolved = true;
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
    resolve();
    return true;
  };
  const tick = () => {
    timer = undefined;
    waited += step;
    if (!done()) timer = timers.setTimeout(tick, step);
  };
  if (!done()) timer = timers.setTimeout(tick, step);
  return { promise, check: () => void done() };
};

/**
 * Dead-socket detection: after {@link Heartbeat.start}, checks every `intervalMs` whether a frame
 * was seen ({@link Heartbeat.beat}) since the last check, and calls `onSilent` with the silence so
 * far once it reaches `timeoutMs` (then stops). Checks stop when `active()` turns false.
 */
export class Heartbeat {
  readonly #timers: SocketTimers;
  readonly #timeoutMs: number;
  readonly #intervalMs: number;
  readonly #active: () => boolean;
  readonly #onSilent: (silentMs: number) => void;
  #timer: unknown;
  #silentMs = 0;
  #sawFrame = false;

  /** `intervalMs` defaults to `timeoutMs / 4`. */
  constructor(
    timers: SocketTimers,
    timeoutMs: number,
    intervalMs: number | undefined,
    active: () => boolean,
    onSilent: (silentMs: number) => void,
  ) {
    this.#timers = timers;
    this.#timeoutMs = timeoutMs;
    this.#intervalMs = intervalMs ?? Math.max(1, Math.floor(timeoutMs / 4));
    this.#active = active;
    this.#onSilent = onSilent;
  }

  /** Records that a frame (or the open) arrived. */
  beat(): void {
    this.#sawFrame = true;
  }

  /** Starts checking from silence 0 (for a new socket). */
  start(): void {
    const interval = this.#intervalMs;
    this.#silentMs = 0;
    this.#sawFrame = false;
    const tick = () => {
      this.#timer = undefined;
      if (!this.#active()) return;
      this.#silentMs = this.#sawFrame ? 0 : this.#silentMs + interval;
      this.#sawFrame = false;
      if (this.#silentMs >= this.#timeoutMs) {
        this.#onSilent(this.#silentMs);
        return;
      }
      this.#timer = this.#timers.setTimeout(tick, interval);
    };
    this.#timer = this.#timers.setTimeout(tick, interval);
  }

  /** Cancels the pending check. */
  stop(): void {
    if (this.#timer !== undefined) this.#timers.clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
