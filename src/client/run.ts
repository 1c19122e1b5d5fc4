/**
 * Running an SDK `Effect` as a `Promise` that rejects with the SDK's own tagged error.
 *
 * `ManagedRuntime.runPromise` would reject with a wrapper around the `Cause`; Promise users could
 * not `switch (err._tag)` on that. Here a typed failure is rethrown as the error instance itself,
 * and a defect (a bug, not an expected failure) is rethrown as is.
 *
 * @module
 */
import * as Cause from "effect/Cause";
import type * as Effect from "effect/Effect";
import * as Exit from "effect/Exit";
import type * as ManagedRuntime from "effect/ManagedRuntime";
import * as Option from "effect/Option";

/** Turns an `Exit` into a value or a thrown error (the typed failure first, else the squashed cause). */
export const unwrapExit = <A, E>(exit: Exit.Exit<A, E>): A => {
  if (Exit.isSuccess(exit)) return exit.value;
  const failure = Cause.findErrorOption(exit.cause);
  throw Option.isSome(failure) ? failure.value : Cause.squash(exit.cause);
};

/** Runs `effect` on `runtime`; resolves with its value or rejects with its typed error itself. */
export const runPromise = async <A, E, R, ER>(
  runtime: ManagedRuntime.ManagedRuntime<R, ER>,
  effect: Effect.Effect<A, E, R>,
): Promise<A> => unwrapExit(await runtime.runPromiseExit(effect));
