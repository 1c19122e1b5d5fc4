/**
 * Loads the smoke-test input on runtimes with `node:fs` (Node, Bun): every entry point of the
 * built package imported by its npm name (scripts/test.sh links `tests/runtime/node_modules/<name>`
 * to `npm/`), `effect/Effect` as a consumer would install it, and the fixtures.
 *
 * @module
 */
// deno-lint-ignore-file explicit-module-boundary-types -- plain JS: types are in JSDoc
import { readFileSync } from "node:fs";
import { localSimulators } from "./sim_remote.mjs";

const readJson = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8"));

/** The built package's manifest (`npm/package.json`). */
export const manifest = readJson("../../npm/package.json");

/** @returns {Promise<import("./smoke_cases.mjs").SmokeInput>} */
export const loadInput = async () => {
  const entries = {};
  for (const subpath of Object.keys(manifest.exports)) {
    // `./worker` is the order-book worker script: it only runs inside a Worker (the smoke cases
    // start it through createOrderBook), importing it on the main thread is an error by design.
    if (subpath === "./worker") continue;
    entries[subpath] = await import(manifest.name + subpath.slice(1));
  }
  return {
    entries,
    Effect: await import("effect/Effect"),
    fixtures: {
      vectors: readJson("../unit/auth/signing_vectors.generated.json"),
      depth: readJson("../unit/schema/fixtures/rest-depth.ccxt.json"),
      balances: readJson("../unit/schema/fixtures/rest-capital-balances.ccxt.json"),
    },
    startSimulator: localSimulators(entries["./sim"].startSimulator),
  };
};
