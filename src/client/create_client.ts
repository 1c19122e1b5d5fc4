/**
 * `createClient`: the Promise facade. Every method runs the matching Effect endpoint on one
 * `ManagedRuntime` kept for the client's lifetime, and rejects with the SDK's tagged error instance
 * (`err instanceof ApiError`, `switch (err._tag)`), never with an Effect wrapper.
 *
 * @module
 */
import * as ManagedRuntime from "effect/ManagedRuntime";
import { type BackpackOptions, type BackpackServices, layerBackpack } from "../rest/layer.ts";
import { type CapitalEndpoints, capitalEndpoints } from "../rest/capital.ts";
import { type BorrowLendEndpoints, borrowLendEndpoints } from "../rest/borrow_lend.ts";
import { type HistoryEndpoints, historyEndpoints } from "../rest/history.ts";
import {
  type Iterables,
  iterables,
  type IteratorEndpoints,
  iteratorEndpoints,
} from "../rest/iterators.ts";
import { type RfqEndpoints, rfqEndpoints } from "../rest/rfq.ts";
import { type StrategyEndpoints, strategyEndpoints } from "../rest/strategies.ts";
import { type VaultEndpoints, vaultEndpoints } from "../rest/vaults.ts";
import { type MarketCacheEndpoints, marketCacheEndpoints } from "../markets/market_cache.ts";
import { type MarketDataEndpoints, marketDataEndpoints } from "../rest/market_data.ts";
import { type MarketEndpoints, marketEndpoints } from "../rest/markets.ts";
import { type SystemEndpoints, systemEndpoints } from "../rest/system.ts";
import { type OrderEndpoints, orderEndpoints } from "../rest/orders.ts";
import { type AccountEndpoints, accountEndpoints } from "../rest/account.ts";
import { type PositionEndpoints, positionEndpoints } from "../rest/positions.ts";
import { asyncDispose, describedAs } from "./described.ts";
import { type Promisified, promisify } from "./promisify.ts";
import { runPromise } from "./run.ts";

/**
 * Options of {@link createClient}. All optional: without `apiSecret` only public endpoints work
 * (signed ones reject with `InvalidInputError`, reason `Missing`).
 */
export type CreateClientOptions = BackpackOptions;

/** Every endpoint the client exposes, by name: the Effect functions behind its methods. */
export interface ClientEndpoints
  extends
    SystemEndpoints,
    MarketEndpoints,
    MarketDataEndpoints,
    MarketCacheEndpoints,
    CapitalEndpoints,
    HistoryEndpoints,
    BorrowLendEndpoints,
    RfqEndpoints,
    StrategyEndpoints,
    VaultEndpoints,
    OrderEndpoints,
    AccountEndpoints,
    PositionEndpoints {}

const endpoints: ClientEndpoints = {
  ...systemEndpoints,
  ...marketEndpoints,
  ...marketDataEndpoints,
  ...marketCacheEndpoints,
  ...capitalEndpoints,
  ...historyEndpoints,
  ...borrowLendEndpoints,
  ...rfqEndpoints,
  ...strategyEndpoints,
  ...vaultEndpoints,
  ...orderEndpoints,
  ...accountEndpoints,
  ...positionEndpoints,
};

/**
 * A Backpack REST client: one Promise method per Effect endpoint (same name, same parameters).
 * Its methods reject with a `BackpackError` instance.
 */
export interface BackpackClient extends Promisified<ClientEndpoints>, Iterables<IteratorEndpoints> {
  /** Releases the client's resources. Calls after `close()` reject. */
  close(): Promise<void>;
  /** Same as {@link BackpackClient.close}, for `await using`. */
  [Symbol.asyncDispose](): Promise<void>;
}

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
  const close = (): Promise<void> => runtime.dispose();
  const description = `BackpackClient(${options.baseUrl ?? "default"}, ${
    options.apiSecret === undefined ? "public" : "signed"
  })`;
  return describedAs({
    ...promisify<BackpackServices, ClientEndpoints>(
      endpoints,
      (effect) => runPromise(runtime, effect),
    ),
    ...iterables<BackpackServices, IteratorEndpoints>(
      iteratorEndpoints,
      (effect) => runPromise(runtime, effect),
    ),
    close,
    [asyncDispose]: close,
  } as BackpackClient, description);
};
