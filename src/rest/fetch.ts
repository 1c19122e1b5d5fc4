/**
 * The `Fetch` service: the `fetch` function every REST call goes through. The default layer uses
 * `globalThis.fetch` (Deno, Node ≥ 18, Bun, Workers, browsers); tests and users inject their own.
 *
 * @module
 */
import * as Context from "effect/Context";
import * as Layer from "effect/Layer";

/** A `fetch`-compatible function (the subset of `typeof fetch` the SDK calls). */
export type FetchFn = (input: string, init: RequestInit) => Promise<Response>;

// The base is a typed variable so the class has no "slow type" (JSR no-slow-types rule).
/** Base class of {@link Fetch} (its type spelled out for JSR); extend or use Fetch instead. */
export const FetchBase: Context.ServiceClass<Fetch, "backpack-edge/Fetch", FetchFn> = Context
  .Service<
    Fetch,
    FetchFn
  >()("backpack-edge/Fetch");

/** The injectable `fetch` used for REST requests. */
export class Fetch extends FetchBase {}

/** A layer providing the runtime's global `fetch`, looked up at call time (so it can be patched). */
export const layer: Layer.Layer<Fetch> = Layer.succeed(
  Fetch,
  (input, init) => globalThis.fetch(input, init),
);

/** A layer providing the given `fetch` implementation (a test double, a proxying fetch...). */
export const layerFetch = (fetch: FetchFn): Layer.Layer<Fetch> => Layer.succeed(Fetch, fetch);
