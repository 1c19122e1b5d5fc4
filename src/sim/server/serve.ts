/**
 * Picks the runtime adapter of the simulator: `Deno.serve` on Deno, `Bun.serve` on Bun, else
 * `node:http` + `ws` (Node). This is the only place of the package that inspects the runtime —
 * the simulator is a development tool, the SDK itself is runtime-neutral.
 *
 * @module
 */
import { type BunRuntime, serveBun } from "./runtime/bun.ts";
import { type DenoRuntime, serveDeno } from "./runtime/deno.ts";
import type { Listener } from "./runtime/listener.ts";
import { serveNode } from "./runtime/node.ts";
import type { SimServer } from "./sim_server.ts";

export type { Listener } from "./runtime/listener.ts";

/** The runtime globals the choice looks at (typed locally: no runtime type packages). */
interface RuntimeGlobals {
  readonly Deno?: Partial<DenoRuntime>;
  readonly Bun?: Partial<BunRuntime>;
}

/** Serves `server` on `127.0.0.1:port` (0 = any free port) with the current runtime's server. */
export const serve = (server: SimServer, port: number): Promise<Listener> => {
  const runtime = globalThis as unknown as RuntimeGlobals;
  if (typeof runtime.Bun?.serve === "function") {
    return Promise.resolve(serveBun(server, port, runtime.Bun as BunRuntime));
  }
  if (typeof runtime.Deno?.serve === "function") {
    return Promise.resolve(serveDeno(server, port, runtime.Deno as DenoRuntime));
  }
  return serveNode(server, port);
};
