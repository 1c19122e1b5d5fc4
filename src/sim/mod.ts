/**
 * The local Backpack-compatible exchange simulator (`sim` entry): {@link startSimulator} serves a
 * seeded engine on `127.0.0.1` with Backpack's REST shapes, request signing, rate limits and
 * WebSocket streams on one port (`restUrl = http://127.0.0.1:P`, `wsUrl = ws://127.0.0.1:P/ws`),
 * plus transport fault injection for resilience tests. Runs on Deno (`Deno.serve`), Bun
 * (`Bun.serve`) and Node 20+ (`node:http` + the `ws` package). What it models and what it does
 * not: `docs/simulator.md`.
 *
 * @example
 * ```ts
 * import { startSimulator } from "@backpack-edge/sdk/sim";
 * const sim = await startSimulator({ port: 0 });
 * console.log(sim.restUrl, sim.wsUrl, sim.accounts[0]!.apiKey);
 * await sim.close();
 * ```
 *
 * @module
 */
import { getPublicKeyAsync } from "@noble/ed25519";
import { decodeBase64, encodeBase64 } from "../auth/base64.ts";
import { Exchange } from "./engine/exchange.ts";
import { defaultAccounts, defaultMarkets } from "./engine/markets.ts";
import type { SimMarketConfig } from "./engine/config_types.ts";
import type { SimExchange } from "./engine/exchange_api.ts";
import type { FaultCounts, Faults } from "./server/faults.ts";
import type { RateLimitOptions } from "./server/rate_limit.ts";
import { serve } from "./server/serve.ts";
import { createSimServer } from "./server/sim_server.ts";

export type { FaultCounts, FaultKind, Faults } from "./server/faults.ts";
export type * from "./engine/account_types.ts";
export type * from "./engine/config_types.ts";
export type * from "./engine/event_types.ts";
export type * from "./engine/exchange_api.ts";
export type * from "./engine/history_types.ts";
export type * from "./engine/market_data_types.ts";
export type * from "./engine/order_types.ts";
export { SimError } from "./engine/sim_error.ts";
export type { RateLimitOptions } from "./server/rate_limit.ts";

/** One simulated account. Without `apiSecret` a key pair is derived from the seed and index. */
export interface SimAccountInput {
  /** Account id (default `default` for the first account, `account<N>` otherwise). */
  readonly id?: string;
  /** Base64 32-byte Ed25519 seed (the API secret). */
  readonly apiSecret?: string;
  /** Asset → available quantity (default 100000 USDC and 100 SOL). */
  readonly balances?: Readonly<Record<string, string>>;
  /** Account-wide leverage cap (default "10"). */
  readonly leverageLimit?: string;
}

/** Options of {@link startSimulator}. */
export interface StartSimulatorOptions {
  /** Port on 127.0.0.1 (default 0: any free port). */
  readonly port?: number;
  /** Markets (default: `SOL_USDC`, `SOL_USDC_PERP`, `BTC_USDC_PERP`). */
  readonly markets?: ReadonlyArray<SimMarketConfig>;
  /** Accounts (default: one funded account). */
  readonly accounts?: ReadonlyArray<SimAccountInput>;
  /** Seed of the engine and fault RNGs (default 1). */
  readonly seed?: number;
  /** Cadence of `advance()` (the engine follows the exchange clock) in ms (default 100; 0 = manual). */
  readonly tickMs?: number;
  /**
   * How far the exchange's clock is ahead of this machine's, in ms (default 0; negative = behind).
   * The whole exchange runs on `Date.now() + clockOffsetMs`: signature checks, `GET /api/v1/time`,
   * order and fill timestamps, streams. A client that signs with its own clock gets "Request has
   * expired" once the offset exceeds its window, as with a skewed machine clock.
   */
  readonly clockOffsetMs?: number;
  /** Transport faults in force from the start. */
  readonly faults?: Faults;
  /** Request limits (default 2000 / 30 per minute). */
  readonly rateLimits?: RateLimitOptions;
  /** Background market maker and taker flow (default true). */
  readonly syntheticLiquidity?: boolean;
}

/** Credentials of one simulated account. */
export interface SimCredentials {
  /** Account id inside the engine. */
  readonly accountId: string;
  /** Base64 public key (`X-API-Key`). */
  readonly apiKey: string;
  /** Base64 seed (API secret). Test credentials of a local simulator only. */
  readonly apiSecret: string;
}

/** A running simulator. */
export interface Simulator {
  /** `http://127.0.0.1:<port>`. */
  readonly restUrl: string;
  /** `ws://127.0.0.1:<port>/ws`. */
  readonly wsUrl: string;
  /** Bound port. */
  readonly port: number;
  /** Credentials of the accounts, in the order given. */
  readonly accounts: ReadonlyArray<SimCredentials>;
  /** The engine, for tests that inspect or drive it directly. */
  readonly exchange: SimExchange;
  /** Replaces the server-wide transport faults (counters are kept). */
  readonly setFaults: (faults: Faults) => void;
  /**
   * Sets the WebSocket faults of one live connection (numbered from 0 in connection order;
   * `undefined` restores the server-wide faults). Returns false when that connection is not open.
   */
  readonly setConnectionFaults: (connection: number, faults: Faults | undefined) => boolean;
  /** How many faults of each kind were injected so far. */
  readonly faultCounts: () => FaultCounts;
  /** Advances the engine to `now` (default: the exchange clock, `Date.now() + clockOffsetMs`); for `tickMs: 0`. */
  readonly advance: (now?: number) => void;
  /** Stops the ticker, closes every socket and the listener. */
  readonly close: () => Promise<void>;
}

const derivedSeed = async (seed: number, index: number): Promise<Uint8Array> =>
  new Uint8Array(
    await crypto.subtle.digest(
      "SHA-256",
      new TextEncoder().encode(`backpack-edge-sim:${seed}:${index}`),
    ),
  );

const credentials = async (
  input: SimAccountInput,
  index: number,
  seed: number,
): Promise<SimCredentials> => {
  const secret = input.apiSecret === undefined ? undefined : decodeBase64(input.apiSecret);
  if (input.apiSecret !== undefined && (secret === undefined || secret.length < 32)) {
    throw new RangeError(`accounts[${index}].apiSecret must be base64 of a 32-byte seed`);
  }
  const privateSeed = secret?.subarray(0, 32) ?? await derivedSeed(seed, index);
  return {
    accountId: input.id ?? (index === 0 ? defaultAccounts()[0]!.id : `account${index}`),
    apiKey: encodeBase64(await getPublicKeyAsync(privateSeed)),
    apiSecret: encodeBase64(privateSeed),
  };
};

/** Starts the simulator on 127.0.0.1 and resolves once it listens. */
export const startSimulator = async (
  options: StartSimulatorOptions = {},
): Promise<Simulator> => {
  const seed = options.seed ?? 1;
  const clockOffsetMs = options.clockOffsetMs ?? 0;
  if (!Number.isFinite(clockOffsetMs)) {
    throw new RangeError("clockOffsetMs must be a finite number");
  }
  const exchangeNow = (): number => Date.now() + clockOffsetMs;
  const inputs = options.accounts ?? [{}];
  const creds = await Promise.all(inputs.map((input, i) => credentials(input, i, seed)));
  const fallbackBalances = defaultAccounts()[0]!.balances;
  const exchange: SimExchange = new Exchange({
    markets: options.markets ?? defaultMarkets(),
    accounts: inputs.map((input, i) => ({
      id: creds[i]!.accountId,
      balances: input.balances ?? fallbackBalances,
      ...(input.leverageLimit === undefined ? {} : { leverageLimit: input.leverageLimit }),
    })),
    seed,
    now: exchangeNow(),
    ...(options.syntheticLiquidity === undefined
      ? {}
      : { syntheticLiquidity: options.syntheticLiquidity }),
  });
  const server = createSimServer({
    exchange,
    keys: new Map(creds.map((c) => [c.apiKey, c.accountId])),
    now: exchangeNow,
    seed,
    ...(options.faults === undefined ? {} : { faults: options.faults }),
    ...(options.rateLimits === undefined ? {} : { rateLimits: options.rateLimits }),
  });
  const listener = await serve(server, options.port ?? 0);
  const advance = (now = exchangeNow()): void => {
    exchange.advance(now);
    server.tick(now);
  };
  const tickMs = options.tickMs ?? 100;
  const timer = tickMs > 0 ? setInterval(advance, tickMs) : undefined;
  return {
    restUrl: `http://127.0.0.1:${listener.port}`,
    wsUrl: `ws://127.0.0.1:${listener.port}/ws`,
    port: listener.port,
    accounts: creds,
    exchange,
    setFaults: (faults) => server.faults.set(faults),
    setConnectionFaults: (connection, faults) => server.hub.setConnectionFaults(connection, faults),
    faultCounts: () => server.faults.counts(),
    advance,
    close: async () => {
      if (timer !== undefined) clearInterval(timer);
      await listener.close();
    },
  };
};
