/**
 * `createClient`: the Promise facade. Every method runs the matching Effect endpoint on one
 * `ManagedRuntime` kept for the client's lifetime, and rejects with the SDK's tagged error instance
 * (`err instanceof ApiError`, `switch (err._tag)`), never with an Effect wrapper.
 *
 * @module
 */
import * as ManagedRuntime from "effect/ManagedRuntime";
import type * as Effect from "effect/Effect";
import { type BackpackOptions, type BackpackServices, layerBackpack } from "../rest/layer.ts";
import { getBalances } from "../rest/capital.ts";
import {
  getDepth,
  type GetDepthParams,
  getMarket,
  getMarkets,
  type GetMarketsParams,
} from "../rest/markets.ts";
import { getStatus, getTime, syncClock } from "../rest/system.ts";
import type { Balances } from "../schema/capital.ts";
import type { Depth } from "../schema/depth.ts";
import type { Market } from "../schema/market.ts";
import type { SystemStatus } from "../schema/status.ts";
import { runPromise } from "./run.ts";

/**
 * Options of {@link createClient}. All optional: without `apiSecret` only public endpoints work
 * (signed ones reject with `InvalidInputError`, reason `Missing`).
 */
export type CreateClientOptions = BackpackOptions;

/** A Backpack REST client. Its methods reject with a `BackpackError` instance. */
export interface BackpackClient {
  /** Exchange status. `GET /api/v1/status`. */
  getStatus(): Promise<SystemStatus>;
  /** Server time in Unix ms. `GET /api/v1/time`. */
  getTime(): Promise<number>;
  /** All markets (optionally of one type). `GET /api/v1/markets`. */
  getMarkets(params?: GetMarketsParams): Promise<ReadonlyArray<Market>>;
  /** One market. `GET /api/v1/market`. */
  getMarket(symbol: string): Promise<Market>;
  /** Order book snapshot, both sides best first. `GET /api/v1/depth`. */
  getDepth(params: GetDepthParams): Promise<Depth>;
  /** Balances per asset. `GET /api/v1/capital`, instruction `balanceQuery` (signed). */
  getBalances(): Promise<Balances>;
  /** Measures the offset to the server clock and uses it for `X-Timestamp`; returns it in ms. */
  syncClock(): Promise<number>;
  /** Releases the client's resources. Calls after `close()` reject. */
  close(): Promise<void>;
  /** Same as {@link BackpackClient.close}, for `await using`. */
  [Symbol.asyncDispose](): Promise<void>;
}

const asyncDispose: typeof Symbol.asyncDispose = Symbol.asyncDispose ??
  Symbol.for("Symbol.asyncDispose");

/**
 * Creates a client. Credentials are validated when the first call runs: a malformed secret (or an
 * `apiKey` that does not match it) rejects that call with `InvalidInputError` before any request.
 * The client never reveals the secret (`String(client)`, `JSON.stringify(client)`, inspection).
 *
 * @example
 * ```ts
 * import { createClient } from "@backpack-edge/sdk";
 * const client = createClient();
 * const book = await client.getDepth({ symbol: "SOL_USDC", limit: 5 });
 * console.log(book.bids[0]?.[0].toFixed());
 * await client.close();
 * ```
 */
export const createClient = (options: CreateClientOptions = {}): BackpackClient => {
  const runtime = ManagedRuntime.make(layerBackpack(options));
  const run = <A, E>(effect: Effect.Effect<A, E, BackpackServices>): Promise<A> =>
    runPromise(runtime, effect);
  const close = (): Promise<void> => runtime.dispose();
  const description = `BackpackClient(${options.baseUrl ?? "default"}, ${
    options.apiSecret === undefined ? "public" : "signed"
  })`;
  return {
    getStatus: () => run(getStatus()),
    getTime: () => run(getTime()),
    getMarkets: (params) => run(getMarkets(params)),
    getMarket: (symbol) => run(getMarket({ symbol })),
    getDepth: (params) => run(getDepth(params)),
    getBalances: () => run(getBalances()),
    syncClock: () => run(syncClock()),
    close,
    [asyncDispose]: close,
    toString: () => description,
    toJSON: () => description,
    [Symbol.for("nodejs.util.inspect.custom")]: () => description,
    [Symbol.for("Deno.customInspect")]: () => description,
  } as BackpackClient;
};
