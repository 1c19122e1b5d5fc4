/**
 * `createClient`: the Promise facade with every endpoint. It is `createRestClient` over all
 * endpoint records plus the `iterate*` methods: every method runs the matching Effect endpoint on
 * one `ManagedRuntime` kept for the client's lifetime, and rejects with the SDK's tagged error
 * instance (`err instanceof ApiError`, `switch (err._tag)`), never with an Effect wrapper. Apps that
 * call a few endpoints and care about bundle size use `createRestClient` instead.
 *
 * @module
 */
import type { BackpackServices } from "../rest/layer.ts";
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
import type { Promisified } from "./promisify.ts";
import {
  type Closable,
  type CreateRestClientOptions,
  makeRestClient,
} from "./create_rest_client.ts";

/**
 * Options of {@link createClient}. All optional: without `apiSecret` only public endpoints work
 * (signed ones reject with `InvalidInputError`, reason `Missing`).
 */
export type CreateClientOptions = CreateRestClientOptions;

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

// Built on demand rather than at module level: a spread is not side-effect free to a bundler, so a
// module-level record would keep every endpoint in any app importing the root entry.
const allEndpoints = (): ClientEndpoints => ({
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
});

/**
 * A Backpack REST client: one Promise method per Effect endpoint (same name, same parameters).
 * Its methods reject with a `BackpackError` instance.
 */
export interface BackpackClient
  extends Promisified<ClientEndpoints>, Iterables<IteratorEndpoints>, Closable {}

/**
 * Creates a client. Credentials are validated when the first call runs: a malformed secret (or an
 * `apiKey` that does not match it) makes every call, public ones included, reject with
 * `InvalidInputError` before any request. The client never reveals the secret (`String(client)`,
 * `JSON.stringify(client)`, inspection).
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
export const createClient = (options: CreateClientOptions = {}): BackpackClient =>
  makeRestClient(
    allEndpoints(),
    options,
    (run) => iterables<BackpackServices, IteratorEndpoints>(iteratorEndpoints, run),
  );
