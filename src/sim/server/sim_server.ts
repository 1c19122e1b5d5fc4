/**
 * Wires the runtime-independent simulator server together over one engine: the REST handler,
 * the WebSocket hub, the key registry, rate limits and faults. A runtime adapter (see
 * `runtime/`, chosen by `serve.ts`) only moves bytes.
 *
 * @module
 */
import type { SimExchange } from "../engine/exchange_api.ts";
import type { KeyRegistry } from "./auth.ts";
import { FaultInjector, type Faults } from "./faults.ts";
import { createHttpHandler, type HttpHandler } from "./http_handler.ts";
import { RateLimiter, type RateLimitOptions } from "./rate_limit.ts";
import type { RouteModule } from "./route_kit.ts";
import { borrowLendRoutes } from "./routes_borrow_lend.ts";
import { capitalRoutes } from "./routes_capital.ts";
import { privateRoutes } from "./routes_private.ts";
import { publicRoutes } from "./routes_public.ts";
import { referenceRoutes } from "./routes_reference.ts";
import { rfqRoutes } from "./routes_rfq.ts";
import { strategyRoutes } from "./routes_strategy.ts";
import { vaultRoutes } from "./routes_vault.ts";
import { WsHub } from "./ws_hub.ts";
import { eventPublisher, streamCatalog } from "./ws_streams.ts";

/** Settings of {@link createSimServer}. */
export interface SimServerOptions {
  /** The engine. */
  readonly exchange: SimExchange;
  /** Base64 public key → account id. */
  readonly keys: KeyRegistry;
  /**
   * The exchange clock in ms (defaults to `Date.now`): signature checks, `GET /api/v1/time`, the
   * `now` of every route (order and fill timestamps) and stream event times. Drive the engine's
   * `advance` with the same clock.
   */
  readonly now?: () => number;
  /** Seed of the fault RNG. */
  readonly seed?: number;
  /** Initial faults. */
  readonly faults?: Faults;
  /** Request limits. */
  readonly rateLimits?: RateLimitOptions;
}

/** The runtime-independent server. */
export interface SimServer {
  /** REST handler. */
  readonly handler: HttpHandler;
  /** WebSocket hub. */
  readonly hub: WsHub;
  /** Fault settings and counters. */
  readonly faults: FaultInjector;
  /** Advances the server's time-driven state (strategy slices, vault redeems); call after `exchange.advance(now)`. */
  readonly tick: (now: number) => void;
  /** Stops forwarding engine events and closes every WebSocket. */
  readonly close: () => void;
}

/** Builds the server over `options.exchange` and subscribes to its events. */
export const createSimServer = (options: SimServerOptions): SimServer => {
  const { exchange, keys } = options;
  const now = options.now ?? Date.now;
  const faults = new FaultInjector(options.faults, options.seed ?? 1);
  const auth = { keys, now };
  const accounts = [...new Set(keys.values())];
  const userIdOf = (account: string): number => 1_000_001 + Math.max(0, accounts.indexOf(account));
  const hub = new WsHub({ auth, faults, catalog: streamCatalog(exchange, () => now() * 1000) });
  const unsubscribe = exchange.subscribe(eventPublisher(exchange, hub));
  const env = {
    exchange,
    userIdOf,
    accounts,
    publishPrivate: hub.publishPrivate.bind(hub),
  };
  const modules: RouteModule[] = [
    capitalRoutes(env),
    borrowLendRoutes(env),
    rfqRoutes(env),
    strategyRoutes(env),
    vaultRoutes(env),
    { routes: referenceRoutes() },
  ];
  const handler = createHttpHandler({
    routes: [
      ...publicRoutes(exchange, now),
      ...privateRoutes(exchange, userIdOf),
      ...modules.flatMap((m) => m.routes),
    ],
    auth,
    rateLimiter: new RateLimiter(options.rateLimits),
    faults,
  });
  return {
    handler,
    hub,
    faults,
    tick: (at) => {
      for (const m of modules) m.tick?.(at);
    },
    close: () => {
      unsubscribe();
      hub.closeAll();
    },
  };
};
