/**
 * `deno task sim [--port N] [--seed N] [--tick-ms N]`: starts the local exchange simulator on
 * 127.0.0.1, prints its REST/WS URLs and the test account's credentials, and runs until Ctrl-C.
 *
 * @module
 */
import { startSimulator } from "../src/sim/mod.ts";

const flag = (name: string, fallback: number): number => {
  const i = Deno.args.indexOf(`--${name}`);
  const raw = i >= 0 ? Deno.args[i + 1] : undefined;
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`--${name} must be an integer ≥ 0`);
  }
  return value;
};

const sim = await startSimulator({
  port: flag("port", 0),
  seed: flag("seed", 1),
  tickMs: flag("tick-ms", 100),
});
const account = sim.accounts[0]!;
console.log(`Backpack simulator listening
  REST   ${sim.restUrl}
  WS     ${sim.wsUrl}
  apiKey ${account.apiKey}
  secret ${account.apiSecret}   (local test key of the simulator)
Ctrl-C to stop.`);

const stop = async (): Promise<void> => {
  await sim.close();
  Deno.exit(0);
};
Deno.addSignalListener("SIGINT", () => void stop());
