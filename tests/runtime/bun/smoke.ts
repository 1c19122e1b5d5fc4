/**
 * Bun smoke suite: the built npm package under `bun` (run by scripts/test.sh after the build).
 * Prints `bun: N passed, M failed` and exits non-zero on a failure.
 *
 * @module
 */
import process from "node:process";
import { loadInput } from "../load_input.mjs";
import { exampleCases } from "../examples_cases.mjs";
import { runSmoke } from "../smoke_cases.mjs";

if (typeof process.versions.bun !== "string") throw new Error("run this suite with bun");
const input = await loadInput();
const { failed } = await runSmoke("bun", input, console.log, await exampleCases("bun", input));
process.exitCode = failed === 0 ? 0 : 1;
