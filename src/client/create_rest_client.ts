/**
 * `createRestClient`: the tree-shakeable Promise facade ("pick the endpoints you use", as in viem).
 * It takes a record of Effect endpoint functions and returns exactly those methods in Promise form,
 * so a bundler keeps only the endpoints (and response schemas) the app imports. `createClient` is
 * the same client over every endpoint.
 *
 * Every method runs its Effect on one `ManagedRuntime` kept for the client's lifetime and rejects
 * with the SDK's tagged error instance, never with an Effect wrapper.
 *
 * @module
 */
import type * as Effect from "effect/Effect";
import * as ManagedRuntime from "effect/ManagedRuntime";
import { DEFAULT_CONFIG } from "../config.ts";
import { type BackpackOptions, type BackpackServices, layerBackpack } from "../rest/layer.ts";
import { asyncDispose, describedAs } from "./described.ts";
import { type Promisified, promisify, type Runner } from "./promisify.ts";
import { facadeRuntime } from "./run.ts";

/**
 * Options of {@link createRestClient}. All optional: without `apiSecret` only public endpoints work
 * (signed ones reject with `InvalidInputError`, reason `Missing`).
 */
export type CreateRestClientOptions = BackpackOptions;

/** An Effect endpoint the REST client can run: it needs nothing beyond the REST stack's services. */
// deno-lint-ignore no-explicit-any
export type RestEndpointFn = (...args: any[]) => Effect.Effect<any, any, BackpackServices>;

/** A record of Effect endpoint functions, by method name (e.g. `{ getDepth, getBalances }`). */
export type RestEndpoints<T> = { readonly [K in keyof T]: RestEndpointFn };

/** What every REST client has besides its endpoint methods: releasing its resources. */
export interface Closable {
  /**
   * Closes the client: calls made after `close()` reject with `UnavailableError`, code
   * `CLIENT_CLOSED`; calls already in flight may finish for up to the request timeout (`timeoutMs`,
   * default 10 s), so an order placement gets its answer; whatever still runs then is interrupted
   * (and rejects with `CLIENT_CLOSED`); then the resources are released.
   */
  close(): Promise<void>;
  /** Same as {@link Closable.close}, for `await using`. */
  [Symbol.asyncDispose](): Promise<void>;
}

/**
 * A client built by {@link createRestClient}: one Promise method per endpoint it was given (same
 * name, same parameters), each rejecting with a `BackpackError` instance, plus `close()`.
 */
export type RestClient<T extends RestEndpoints<T>> = Promisified<T> & Closable;

/**
 * The client of {@link createRestClient} with extra members built on the same runtime by
 * `extend(run)` (`createClient` adds its `iterate*` methods this way).
 */
export const makeRestClient = <T extends RestEndpoints<T>, X extends object>(
  endpoints: T,
  options: CreateRestClientOptions,
  extend: (run: Runner<BackpackServices>) => X,
): RestClient<T> & X => {
  const { run, close } = facadeRuntime(
    ManagedRuntime.make(layerBackpack(options)),
    "BackpackClient",
    { drainMs: options.timeoutMs ?? DEFAULT_CONFIG.timeoutMs },
  );
  const description = `BackpackClient(${options.baseUrl ?? "default"}, ${
    options.apiSecret === undefined ? "public" : "signed"
  })`;
  return describedAs(
    {
      ...promisify<BackpackServices, T>(endpoints, run),
      ...extend(run),
      close,
      [asyncDispose]: close,
    } as RestClient<T> & X,
    description,
  );
};

/**
 * Creates a client with exactly the Promise methods of `endpoints`, a record of Effect endpoint
 * functions from `@backpack-edge/sdk/effect`. Only those endpoints end up in a bundle, unlike
 * `createClient`, which has them all. Credentials are validated when the first call runs: a
 * malformed secret (or an `apiKey` that does not match it) makes every call, public ones
 * included, reject with `InvalidInputError` before any request. The client never reveals the
 * secret (`String(client)`, `JSON.stringify(client)`, inspection).
 *
 * @example
 * ```ts
 * import { createRestClient } from "@backpack-edge/sdk";
 * import { getBalances, getDepth } from "@backpack-edge/sdk/effect";
 *
 * const client = createRestClient({ getDepth, getBalances }, {
 *   apiSecret: Deno.env.get("BACKPACK_SECRET"), // base64 ED25519 seed; omit for public calls only
 * });
 * const book = await client.getDepth({ symbol: "SOL_USDC", limit: 5 });
 * console.log(book.bids[0]?.[0].toFixed());
 * await client.close();
 * ```
 */
export const createRestClient = <T extends RestEndpoints<T>>(
  endpoints: T,
  options: CreateRestClientOptions = {},
): RestClient<T> => makeRestClient(endpoints, options, () => ({}));
