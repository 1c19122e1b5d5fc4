/**
 * Where an example runs: against `BACKPACK_URL` / `BACKPACK_WS_URL` / `BACKPACK_SECRET` when set,
 * else against an embedded simulator started for the run (so every example works offline), plus
 * the `--seconds N` style options the examples take.
 *
 * @module
 */
import { startSimulator } from "@backpack-edge/sdk/sim";

/** Endpoints and credentials of a run. */
export interface Target {
  /** REST base URL. */
  readonly baseUrl: string;
  /** WebSocket URL. */
  readonly wsUrl: string;
  /** Base64 Ed25519 secret (the simulator's test account when simulated). */
  readonly apiSecret: string | undefined;
  /** Whether this is the embedded simulator. */
  readonly simulated: boolean;
  /** Stops the simulator, if one was started. */
  close(): Promise<void>;
}

/** Options of {@link openTarget}: simulator settings used when no exchange URL is configured. */
export interface OpenTargetOptions {
  /** Simulator seed (default 1). */
  readonly seed?: number;
}

/** The configured exchange, or a fresh simulator on a free local port. */
export const openTarget = async (options: OpenTargetOptions = {}): Promise<Target> => {
  const baseUrl = Deno.env.get("BACKPACK_URL");
  if (baseUrl !== undefined) {
    return {
      baseUrl,
      wsUrl: Deno.env.get("BACKPACK_WS_URL") ?? "wss://ws.backpack.exchange",
      apiSecret: Deno.env.get("BACKPACK_SECRET"),
      simulated: false,
      close: () => Promise.resolve(),
    };
  }
  const sim = await startSimulator({ port: 0, seed: options.seed ?? 1 });
  return {
    baseUrl: sim.restUrl,
    wsUrl: sim.wsUrl,
    apiSecret: sim.accounts[0]!.apiSecret,
    simulated: true,
    close: () => sim.close(),
  };
};

/** The positive number after `--<name>` in `args` (default `fallback`). */
export const numberArg = (args: ReadonlyArray<string>, name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  if (i === -1) return fallback;
  const value = Number(args[i + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
};
