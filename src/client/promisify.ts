/**
 * Turns a record of Effect endpoint functions into the same record of Promise-returning methods.
 * Used by the Promise facade so every Effect endpoint has exactly one Promise twin, with the same
 * name, parameters and documentation.
 *
 * @module
 */
import type * as Effect from "effect/Effect";

/** Any Effect endpoint function (parameters in, Effect out). */
// deno-lint-ignore no-explicit-any
export type EndpointFn = (...args: any[]) => Effect.Effect<any, any, any>;

/** The Promise form of a record of Effect endpoint functions. */
export type Promisified<T extends { readonly [K in keyof T]: EndpointFn }> = {
  readonly [K in keyof T]: T[K] extends
    (...args: infer A) => Effect.Effect<infer R, infer _E, infer _S> ? (...args: A) => Promise<R>
    : never;
};

/** Runs an Effect to a Promise that rejects with the typed failure itself. */
export type Runner<S> = <A, E>(effect: Effect.Effect<A, E, S>) => Promise<A>;

/** Builds the Promise methods of `endpoints`, each running its Effect through `run`. */
export const promisify = <S, T extends { readonly [K in keyof T]: EndpointFn }>(
  endpoints: T,
  run: Runner<S>,
): Promisified<T> => {
  const methods: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const [name, fn] of Object.entries<EndpointFn>(endpoints)) {
    methods[name] = (...args) => run(fn(...args));
  }
  return methods as Promisified<T>;
};
