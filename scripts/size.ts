/**
 * Bundle size budgets. Bundles the built npm package for a browser with esbuild (`--bundle --minify
 * --format=esm --platform=browser`), gzips each bundle (level 9) and compares it with its entry in
 * `size-budgets.json`: `budget` (gzipped bytes; above it the check fails) and an optional `target`
 * (the goal; above it the bundle is reported as OVER TARGET, with its `note`):
 *
 * - `rest-signing`: an app calling `getDepth` + `getBalances` (REST and signing) through
 *   `createRestClient({ getDepth, getBalances })`, the endpoints imported from the `./effect` entry
 *   (the tree-shakeable Promise client);
 * - `rest-client-all`: the same calls through `createClient` (every endpoint is a method, so every
 *   endpoint and response schema is in the bundle);
 * - `full-sdk`: an app touching every export of every entry point but the simulator (`./sim`);
 * - `workers`: each worker bundle, from `npm/workers/<name>.js` (or `workers/<name>.ts` when the
 *   build did not emit it), listed separately as `worker:<name>`.
 *
 * Prints a table (plus each bundle's largest contributors, from esbuild's metafile) and exits 1
 * when a bundle is over its budget (or a bundle has no entry in `size-budgets.json`).
 *
 * Run after `scripts/build_npm.ts`: `deno task size`
 *
 * @module
 */
import { gzipSync } from "node:zlib";
import { NPM_DIR, ROOT } from "./npm_package.ts";

/** One bundle to measure: its name, its budget key and its esbuild entry file. */
interface Bundle {
  readonly name: string;
  readonly budget: string;
  readonly entry: string;
}

/** A measured bundle. */
export interface Measured {
  /** Bundle name, as printed. */
  readonly name: string;
  /** Minified bytes. */
  readonly minified: number;
  /** Gzipped (level 9) bytes. */
  readonly gzip: number;
  /** Budget in gzipped bytes: the check fails above it. */
  readonly budget: number;
  /** Goal in gzipped bytes (the issue's target), when `size-budgets.json` sets one. */
  readonly target?: number;
  /** Why the bundle is over its target, from `size-budgets.json`. */
  readonly note?: string;
  /** Bytes in the output per contributor (`effect`, `decimal.js`, `sdk`, …), largest first. */
  readonly contributors: readonly (readonly [string, number])[];
}

const ESBUILD = new URL("node_modules/.bin/esbuild", ROOT).pathname;
const NPM_MODULES = new URL("node_modules/", NPM_DIR).pathname;

/** Entry points that never run in a browser app (the local exchange simulator): not in `full-sdk`. */
const SERVER_ONLY = new Set(["./sim"]);

/** The calls both REST apps make, on a `client` the app's first lines create. */
const REST_CALLS = `
globalThis.result = [
  await client.getDepth({ symbol: "SOL_USDC", limit: 5 }),
  await client.getBalances(),
];
`;

/** The options both REST apps pass (read from globals, so the bundler cannot fold them away). */
const CLIENT_OPTIONS = "{ apiSecret: globalThis.secret, baseUrl: globalThis.baseUrl }";

/** `rest-signing`: `createRestClient` over the two endpoints it calls. */
const REST_SIGNING_ENTRY = (mod: string, effect: string): string => `
import { createRestClient } from ${JSON.stringify(mod)};
import { getBalances, getDepth } from ${JSON.stringify(effect)};
const client = createRestClient({ getDepth, getBalances }, ${CLIENT_OPTIONS});
${REST_CALLS}`;

/** `rest-client-all`: the same calls through `createClient`, which has every endpoint. */
const REST_CLIENT_ALL_ENTRY = (mod: string): string => `
import { createClient } from ${JSON.stringify(mod)};
const client = createClient(${CLIENT_OPTIONS});
${REST_CALLS}`;

/** An entry importing every export of every module (namespaces kept whole, so nothing is shaken). */
const FULL_ENTRY = (modules: string[]): string =>
  modules.map((m, i) => `import * as m${i} from ${JSON.stringify(m)};\n`).join("") +
  `globalThis.sdk = [${modules.map((_, i) => `m${i}`).join(", ")}];\n`;

/** `…/node_modules/@noble/ed25519/…` → `@noble/ed25519`; the package's own files → `sdk`. */
const contributorOf = (path: string): string => {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  return match ? match[1] : path.startsWith("<") ? "esbuild" : "sdk";
};

interface Metafile {
  outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
}

/** One entry of `size-budgets.json`. */
interface Budget {
  readonly budget: number;
  readonly target?: number;
  readonly note?: string;
}

/** Sizes of one bundle. */
export type Size = Pick<Measured, "minified" | "gzip" | "contributors">;

/**
 * Bundles `entry` into `dir` with esbuild (browser ESM, minified) and measures it. `extraArgs`
 * are appended to esbuild's arguments (a later flag overrides an earlier one, e.g.
 * `--platform=node`); `scripts/bench_bundle.ts` uses them for ccxt.
 */
export const bundle = async (
  entry: string,
  dir: string,
  extraArgs: ReadonlyArray<string> = [],
): Promise<Size> => {
  const outfile = `${dir}/out.js`;
  const metafile = `${dir}/meta.json`;
  const { code, stderr } = await new Deno.Command(ESBUILD, {
    args: [
      entry,
      "--bundle",
      "--minify",
      "--format=esm",
      "--platform=browser",
      "--log-level=warning",
      `--outfile=${outfile}`,
      `--metafile=${metafile}`,
      ...extraArgs,
    ],
    // Lets a worker bundled from source resolve its packages from the npm build's node_modules.
    env: { NODE_PATH: NPM_MODULES },
    stderr: "piped",
  }).output();
  if (code !== 0) throw new Error(`esbuild ${entry}: ${new TextDecoder().decode(stderr)}`);
  const code_ = await Deno.readFile(outfile);
  const meta: Metafile = JSON.parse(await Deno.readTextFile(metafile));
  const totals = new Map<string, number>();
  for (const output of Object.values(meta.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      const who = contributorOf(path);
      totals.set(who, (totals.get(who) ?? 0) + bytesInOutput);
    }
  }
  return {
    minified: code_.length,
    gzip: gzipSync(code_, { level: 9 }).length,
    contributors: [...totals].sort((a, b) => b[1] - a[1]),
  };
};

const exists = (path: string): boolean => {
  try {
    Deno.statSync(path);
    return true;
  } catch {
    return false;
  }
};

/** The bundles to measure, with their entry files written into `dir`. */
const bundles = async (dir: string): Promise<Bundle[]> => {
  const manifest: { exports: Record<string, { default: string }> } = JSON.parse(
    await Deno.readTextFile(new URL("package.json", NPM_DIR)),
  );
  const modules = Object.entries(manifest.exports)
    .filter(([subpath]) => !SERVER_ONLY.has(subpath))
    .map(([, { default: file }]) => new URL(file, NPM_DIR).pathname);
  const mod = new URL("mod.js", NPM_DIR).pathname;
  const effect = new URL("effect.js", NPM_DIR).pathname;
  const entries: ReadonlyArray<readonly [string, string]> = [
    ["rest-signing", REST_SIGNING_ENTRY(mod, effect)],
    ["rest-client-all", REST_CLIENT_ALL_ENTRY(mod)],
    ["full-sdk", FULL_ENTRY(modules)],
  ];
  const list: Bundle[] = [];
  for (const [name, source] of entries) {
    const entry = `${dir}/${name}.js`;
    await Deno.writeTextFile(entry, source);
    list.push({ name, budget: name, entry });
  }
  const workers = new URL("workers/", ROOT);
  if (exists(workers.pathname)) {
    for await (const { name, isFile } of Deno.readDir(workers)) {
      if (!isFile || !name.endsWith(".ts") || name.endsWith(".d.ts")) continue;
      const built = new URL(`workers/${name.replace(/\.ts$/, ".js")}`, NPM_DIR).pathname;
      const entry = exists(built) ? built : new URL(name, workers).pathname;
      list.push({ name: `worker:${name.replace(/\.ts$/, "")}`, budget: "workers", entry });
    }
  }
  return list;
};

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** Measures every bundle against `size-budgets.json`. */
export const measure = async (): Promise<Measured[]> => {
  const budgets: Record<string, Budget | string> = JSON.parse(
    await Deno.readTextFile(new URL("size-budgets.json", ROOT)),
  );
  const dir = await Deno.makeTempDir({ prefix: "backpack-edge-size-" });
  try {
    const results: Measured[] = [];
    for (const { name, budget, entry } of await bundles(dir)) {
      const limits = budgets[budget];
      if (typeof limits !== "object" || typeof limits.budget !== "number") {
        throw new Error(`size-budgets.json has no "${budget}": { "budget": <gzip bytes> }`);
      }
      results.push({ name, ...limits, ...await bundle(entry, dir) });
    }
    return results;
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
};

if (import.meta.main) {
  const results = await measure();
  const rows = [["bundle", "minified", "gzip", "target", "budget", ""]];
  for (const r of results) {
    const status = r.gzip > r.budget
      ? "OVER BUDGET"
      : r.target !== undefined && r.gzip > r.target
      ? "OVER TARGET"
      : "ok";
    rows.push([
      r.name,
      kb(r.minified),
      kb(r.gzip),
      r.target === undefined ? "-" : kb(r.target),
      kb(r.budget),
      status,
    ]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  for (const row of rows) {
    console.log(
      row.map((cell, c) => c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))
        .join("  "),
    );
  }
  for (const r of results) {
    const top = r.contributors.slice(0, 6).map(([who, bytes]) => `${who} ${kb(bytes)}`);
    console.log(`${r.name} (minified, by package): ${top.join(", ")}`);
  }
  for (const r of results) {
    if (r.target !== undefined && r.gzip > r.target && r.note) console.log(`${r.name}: ${r.note}`);
  }
  const over = results.filter((r) => r.gzip > r.budget);
  for (const r of over) console.error(`${r.name}: ${r.gzip} B gzip > budget ${r.budget} B`);
  Deno.exit(over.length === 0 ? 0 : 1);
}
