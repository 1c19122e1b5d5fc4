/**
 * workerd smoke suite: bundles a Worker that imports every entry point of the built npm package
 * (esbuild, `workerd`/`worker`/`browser` conditions, as wrangler would), runs it in workerd through
 * the Miniflare API and prints the cases' results, ending with `workerd: N passed, M failed`.
 * workerd cannot listen on a port: the simulator cases get simulators this Node process starts
 * from the package's `./sim` entry, through the `SIM` service binding (`../sim_remote.mjs`).
 * Run with Node: `node tests/runtime/workerd/run.mjs`.
 *
 * @module
 */
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { readFileSync } from "node:fs";
import { startSimulator } from "@backpack-edge/sdk/sim";
import { simulatorService } from "../sim_remote.mjs";

const here = new URL(".", import.meta.url);
const manifest = JSON.parse(readFileSync(new URL("../../../npm/package.json", here), "utf8"));
// `./worker` is the order-book worker script, started by createOrderBook inside a Worker only.
const subpaths = Object.keys(manifest.exports).filter((subpath) => subpath !== "./worker");
const entries = subpaths.map((subpath) => manifest.name + subpath.slice(1));

// The worker: one static import per entry point (a bundle cannot import by computed name).
const worker = `
${entries.map((e, i) => `import * as entry${i} from ${JSON.stringify(e)};`).join("\n")}
import * as Effect from "effect/Effect";
import vectors from "../../unit/auth/signing_vectors.generated.json" with { type: "json" };
import depth from "../../unit/schema/fixtures/rest-depth.ccxt.json" with { type: "json" };
import balances from "../../unit/schema/fixtures/rest-capital-balances.ccxt.json" with { type: "json" };
import { runSmoke } from "../smoke_cases.mjs";
import { remoteSimulators } from "../sim_remote.mjs";

const entries = { ${subpaths.map((s, i) => `${JSON.stringify(s)}: entry${i}`).join(", ")} };

export default {
  async fetch(_request, env) {
    const lines = [];
    if (navigator.userAgent !== "Cloudflare-Workers") lines.push("not running in workerd");
    const fixtures = { vectors, depth, balances };
    const input = { entries, Effect, fixtures, startSimulator: remoteSimulators(env.SIM) };
    await runSmoke("workerd", input, (line) => lines.push(line));
    return new Response(lines.join("\\n"));
  },
};
`;

const bundle = await build({
  stdin: { contents: worker, resolveDir: here.pathname, sourcefile: "smoke_worker.mjs" },
  bundle: true,
  write: false,
  format: "esm",
  platform: "neutral",
  conditions: ["workerd", "worker", "browser"],
  mainFields: ["module", "main"],
  external: ["node:*"],
  logLevel: "warning",
});

const sims = simulatorService(startSimulator);
const mf = new Miniflare({
  // Listed explicitly: miniflare's module scan rejects computed dynamic imports (`node:*` by name).
  modules: [{ type: "ESModule", path: "worker.mjs", contents: bundle.outputFiles[0].text }],
  compatibilityDate: "2025-09-01",
  compatibilityFlags: ["nodejs_compat"],
  serviceBindings: { SIM: sims.fetch },
});
let failed = 1;
try {
  const text = await (await mf.dispatchFetch("http://smoke.test/")).text();
  console.log(text);
  const summary = /^workerd: (\d+) passed, (\d+) failed$/m.exec(text);
  failed = summary && !text.includes("not running in workerd") ? Number(summary[2]) : 1;
} finally {
  await mf.dispose();
  await sims.closeAll();
}
process.exitCode = failed === 0 ? 0 : 1;
