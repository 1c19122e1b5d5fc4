/**
 * Configuration of the trading connector: the options of `createConnector` and `Connector.layer`
 * (endpoints, credentials, markets, reconciliation cadence, fees, logging, transport).
 *
 * @module
 */
import type { ClockSync } from "../config.ts";
import type { LogEntry, LogLevelOption } from "../logging.ts";
import type { OrderBookMode } from "../orderbook/backend.ts";
import type { FetchFn } from "../rest/fetch.ts";
import type { RateLimitConfig } from "../rest/rate_limit.ts";
import type { BackpackSocketOptions } from "../ws/socket.ts";
import type { WebSocketConstructorLike } from "../ws/socket_core.ts";
import type { FeeOverride } from "./fee_types.ts";

/** Options of `createConnector` and `Connector.layer`. */
export interface ConnectorConfig {
  /** REST base URL (alias of `baseUrl`). Default: the production API. */
  readonly restUrl?: string;
  /** REST base URL. Default: the production API. */
  readonly baseUrl?: string;
  /** WebSocket URL. Default: the production stream URL. */
  readonly wsUrl?: string;
  /** Base64 public key (optional: derived from the secret, checked against it when given). */
  readonly apiKey?: string;
  /** Base64 Ed25519 secret. Required: the connector trades. */
  readonly apiSecret: string;
  /** Markets to trade, e.g. `["SOL_USDC_PERP"]`: one order book each. */
  readonly markets: ReadonlyArray<string>;
  /**
   * Cancel every open order of the configured markets on `close()`. Default `false`. When a
   * placement the exchange has not confirmed may still land (cut off by the shutdown, or of
   * unknown outcome and not found by its look-ups), it cancels again once that request's
   * signature `window` is over (the exchange accepts it until then), so `close()` may take up to
   * `window` + 0.5 s.
   */
  readonly cancelOnShutdown?: boolean;
  /** Signature validity window in ms (`X-Window`). Default 5000, maximum 60000. */
  readonly window?: number;
  /** Deadline of one HTTP request in ms. Default 10000. */
  readonly timeoutMs?: number;
  /** Broker id sent as `X-Broker-Id` on order requests. Default: none, nothing is sent. */
  readonly brokerId?: number;
  /** Server-clock correction when a signed call is answered "Request has expired". Default `onExpired`. */
  readonly clockSync?: ClockSync;
  /** Balances, collateral, positions and funding are reconciled over REST this often. Default 5000. */
  readonly reconcileIntervalMs?: number;
  /** Fills are re-read from history starting this long before the last fill it returned. Default 5000. */
  readonly fillOverlapMs?: number;
  /** Fee override (else the account's real fees, defaulting to 2 / 5 bps until known). */
  readonly fees?: FeeOverride;
  /** SDK log sink (nothing secret is ever logged). */
  readonly logger?: (entry: LogEntry) => void;
  /** Log level (default `info` with a logger, else silent). */
  readonly logLevel?: LogLevelOption;
  /** Client-side REST rate limits; `false` disables them. Default: Backpack's published limits. */
  readonly rateLimit?: RateLimitConfig | false;
  /** `fetch` implementation. */
  readonly fetch?: FetchFn;
  /** WebSocket constructor (default `isows`). */
  readonly WebSocket?: WebSocketConstructorLike;
  /** Reconnect / heartbeat options of the private stream socket. */
  readonly socket?: BackpackSocketOptions;
  /** Where the order books run (default `auto`: a worker where available). */
  readonly orderBookMode?: OrderBookMode;
}
