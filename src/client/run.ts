/**
 * Running an SDK `Effect` as a `Promise` that rejects with the SDK's own tagged error.
 *
 * `ManagedRuntime.runPromise` would reject with a wrapper around the `Cause`; Promise users could
 * not `switch (err._tag)` on that. Here a typed failure is rethrown as the error instance itself,
 * and a defect (a bug, not an expected failure) is rethrown as is. Once the facade object is closed,
 * its calls reject with `UnavailableError` (code `CLIENT_CLOSED`) instead of reaching the disposed
 * runtime (whose own answer would be a bare string defect).
 *
 * Closing is graceful: calls already running may finish (an order placement in flight gets its
 * answer instead of an unknown outcome) for up to a drain period, the request timeout; only what
 * still runs after it is interrupted.
 *
 * @module
 */
import * as Cause from "effect/Cause";
import * as Exit from "effect/Exit";
import type * as ManagedRuntime from "effect/ManagedRuntime";
import * as Option from "effect/Option";
import { UnavailableError } from "../error_classes.ts";
import type { Runner } from "./promisify.ts";

/** Turns an `Exit` into a value or a thrown error (the typed failure first, else the squashed cause). */
export const unwrapExit = <A, E>(exit: Exit.Exit<A, E>): A => {
  if (Exit.isSuccess(exit)) return exit.value;
  const failure = Cause.findErrorOption(exit.cause);
  throw Option.isSome(failure) ? failure.value : Cause.squash(exit.cause);
};

/** The error of a call made on a closed facade object: `UnavailableError`, code `CLIENT_CLOSED`. */
export const closedError = (owner: string): UnavailableError =>
  new UnavailableError({
    endpoint: owner,
    status: 0,
    code: "CLIENT_CLOSED",
    detail: `${owner} was closed; create a new one`,
  });

/** The runtime of a Promise facade object: runs its calls until `close()`. */
export interface FacadeRuntime<R> {
  /**
   * Runs `effect`; resolves with its value or rejects with its typed error itself. After `close()`
   * (and for a call that `close()` interrupted) it rejects with {@link closedError}.
   */
  readonly run: Runner<R>;
  /**
   * Closes once (later calls return the same promise): new calls are refused at once, calls in
   * flight may finish for up to the drain period, then the runtime is disposed (interrupting what
   * still runs) and `onClose` runs.
   */
  readonly close: () => Promise<void>;
}

/** Options of {@link facadeRuntime}. */
export interface FacadeRuntimeOptions {
  /** Runs after the runtime is disposed. */
  readonly onClose?: () => void;
  /** How long `close()` lets calls in flight finish before it interrupts them (ms). Default 0. */
  readonly drainMs?: number;
}

/** Resolves once every promise of `running` settled, or after `ms`, whichever comes first. */
const settledWithin = async (running: Iterable<Promise<unknown>>, ms: number): Promise<void> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  await Promise.race([Promise.allSettled(running), expired]);
  clearTimeout(timer);
};

/** Wraps `runtime` for a facade object named `owner` (as in its description, e.g. `BackpackClient`). */
export const facadeRuntime = <R, ER>(
  runtime: ManagedRuntime.ManagedRuntime<R, ER>,
  owner: string,
  options: FacadeRuntimeOptions = {},
): FacadeRuntime<R> => {
  const { onClose = () => {}, drainMs = 0 } = options;
  const running = new Set<Promise<unknown>>();
  let closing: Promise<void> | undefined;
  return {
    run: async (effect) => {
      if (closing !== undefined) throw closedError(owner);
      const pending = runtime.runPromiseExit(effect);
      running.add(pending);
      const exit = await pending.finally(() => running.delete(pending));
      if (closing !== undefined && Exit.isFailure(exit) && Cause.hasInterruptsOnly(exit.cause)) {
        throw closedError(owner);
      }
      return unwrapExit(exit);
    },
    close: () =>
      closing ??= (async () => {
        if (running.size > 0 && drainMs > 0) await settledWithin([...running], drainMs);
        await runtime.dispose();
      })().finally(onClose),
  };
};
