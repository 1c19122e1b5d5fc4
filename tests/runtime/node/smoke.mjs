/**
 * Node smoke suite: the built npm package under plain `node` (run by scripts/test.sh after the
 * build). Prints `node: N passed, M failed` and exits non-zero on a failure.
 *
 * @module
 */
import { loadInput } from "../load_input.mjs";
import { runSmoke } from "../smoke_cases.mjs";

if (typeof process.versions.bun === "string" || typeof globalThis.Deno === "object") {
  throw new Error("run this suite with node");
}
const { failed } = await runSmoke("node", await loadInput());
process.exitCode = failed === 0 ? 0 : 1;
