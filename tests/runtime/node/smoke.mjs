/**
 * Node smoke suite: the built npm package under plain `node` (run by scripts/test.sh after the
 * build, once with the system Node 20 and once with `node_modules/node/bin/node`, Node 22).
 * Prints `<name>: N passed, M failed` (name `node`, or the first argument: `node22`) and exits
 * non-zero on a failure.
 *
 * @module
 */
import { loadInput } from "../load_input.mjs";
import { exampleCases } from "../examples_cases.mjs";
import { runSmoke } from "../smoke_cases.mjs";

if (typeof process.versions.bun === "string" || typeof globalThis.Deno === "object") {
  throw new Error("run this suite with node");
}
const runtime = process.argv[2] ?? "node";
const major = Number(process.versions.node.split(".")[0]);
if (runtime === "node22") {
  // Node 22 has a global WebSocket: isows hands the SDK the native one instead of `ws`.
  if (major !== 22) throw new Error(`the node22 suite runs on Node ${major}`);
  if (typeof globalThis.WebSocket !== "function") throw new Error("Node 22 without WebSocket");
}
const input = await loadInput();
const { failed } = await runSmoke(runtime, input, console.log, await exampleCases(runtime, input));
process.exitCode = failed === 0 ? 0 : 1;
