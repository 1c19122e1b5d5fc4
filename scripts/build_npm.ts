/**
 * Builds the npm package into `npm/` — the job dnt would do, done with TypeScript 7's `tsc`.
 *
 * 1. Reads deno.json (name, version, license, exports, import map).
 * 2. Writes `npm/package.json` (ESM, `sideEffects: false`, an `exports` map mirroring deno.json,
 *    exact `dependencies` from the import map minus test-only packages, plus `ws` for isows on
 *    Node) and runs `npm install --omit=dev` inside `npm/`. `npm/node_modules` and
 *    `npm/package-lock.json` are kept between builds, so a rebuild with unchanged dependencies
 *    installs nothing (and `--prefer-offline` answers from the npm cache when it can).
 * 3. Copies the entry points, `src/` and `workers/` into a temporary staging directory whose
 *    `node_modules` links to `npm/node_modules` (so tsc resolves `effect/Effect`, `decimal.js`, …
 *    exactly as a consumer would), then runs `tsc` with `rewriteRelativeImportExtensions`: ESM
 *    `.js` + `.d.ts` for every file reachable from the entry points (tests are never reachable).
 * 4. Fails when an emitted module imports a package that `dependencies` does not declare.
 * 5. Copies README.md and LICENSE.
 *
 * Run: `deno run -A scripts/build_npm.ts`
 *
 * @module
 */
import {
  type DenoConfig,
  denoExports,
  NPM_DIR,
  npmExportEntry,
  npmName,
  readDenoConfig,
  ROOT,
} from "./npm_package.ts";

/**
 * Extra dependencies a reached package needs on Node: isows uses `ws` there (Node 20 has no global
 * WebSocket); browsers and workers resolve isows to the native WebSocket and never load `ws`.
 */
const COMPANIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  isows: { ws: "8.23.0" },
};

/**
 * Packages an entry point loads by a computed specifier, which the module graph cannot see: the
 * simulator (`./sim`) serves WebSockets on Node with `ws` (src/sim/server/runtime/node.ts).
 */
const ENTRY_COMPANIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "src/sim/mod.ts": { ws: "8.23.0" },
};

/** Source directories compiled when reachable from an entry point. */
const SOURCE_DIRS = ["src", "workers"];

const run = async (cmd: string, args: string[], cwd: URL): Promise<void> => {
  const { code } = await new Deno.Command(cmd, { args, cwd, stdout: "inherit", stderr: "inherit" })
    .output();
  if (code !== 0) throw new Error(`${cmd} ${args.join(" ")} exited with ${code}`);
};

const exists = async (url: URL): Promise<boolean> => {
  try {
    await Deno.lstat(url);
    return true;
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return false;
    throw e;
  }
};

/** `npm:@noble/hashes@2.4.0` → [`@noble/hashes`, `2.4.0`]. */
const parseNpmSpecifier = (alias: string, specifier: string): [string, string] => {
  const match = /^npm:(@?[^@]+)@(\d[^/]*)$/.exec(specifier);
  if (!match) throw new Error(`import map entry "${alias}": expected npm:<name>@<exact version>`);
  return [match[1], match[2]];
};

const NPM_MODULE = /^npm:\/?((?:@[^/@]+\/)?[^/@]+)@/;

/** The npm packages in the Deno module graph of the entry points (type-only imports included). */
const reachablePackages = async (entries: string[]): Promise<Set<string>> => {
  const found = new Set<string>();
  for (const entry of entries) {
    const { code, stdout } = await new Deno.Command(Deno.execPath(), {
      args: ["info", "--json", entry],
      cwd: ROOT,
      stderr: "inherit",
    }).output();
    if (code !== 0) throw new Error(`deno info ${entry} exited with ${code}`);
    const graph: { modules: { specifier: string }[] } = JSON.parse(
      new TextDecoder().decode(stdout),
    );
    for (const { specifier } of graph.modules) {
      const match = NPM_MODULE.exec(specifier);
      if (match) found.add(match[1]);
    }
  }
  return found;
};

/**
 * The package's `dependencies`: the import-map packages the entry points reach, at the import map's
 * exact versions (test-only entries such as fast-check are never reached), plus their companions.
 */
const dependencies = (config: DenoConfig, reached: Set<string>): Record<string, string> => {
  const deps: Record<string, string> = {};
  for (const [alias, specifier] of Object.entries(config.imports ?? {})) {
    if (!specifier.startsWith("npm:")) continue;
    const [name, version] = parseNpmSpecifier(alias, specifier);
    if (!reached.has(name)) continue;
    deps[name] = version;
    Object.assign(deps, COMPANIONS[name]);
  }
  const missing = [...reached].filter((name) => !(name in deps));
  if (missing.length > 0) throw new Error(`not in the deno.json import map: ${missing.join(", ")}`);
  return deps;
};

const packageJson = (
  config: DenoConfig,
  deps: Record<string, string>,
): Record<string, unknown> => ({
  name: npmName(config.name),
  version: config.version,
  ...(config.license ? { license: config.license } : {}),
  type: "module",
  sideEffects: false,
  exports: Object.fromEntries(
    Object.entries(denoExports(config)).map(([key, target]) => [key, npmExportEntry(target)]),
  ),
  dependencies: deps,
  engines: { node: ">=20" },
});

/** Empties `npm/` except the installed dependencies and their lock. */
const cleanOutput = async (): Promise<void> => {
  await Deno.mkdir(NPM_DIR, { recursive: true });
  for await (const entry of Deno.readDir(NPM_DIR)) {
    if (entry.name === "node_modules" || entry.name === "package-lock.json") continue;
    await Deno.remove(new URL(entry.name, NPM_DIR), { recursive: true });
  }
};

const copyTree = async (from: URL, to: URL): Promise<void> => {
  await Deno.mkdir(to, { recursive: true });
  for await (const entry of Deno.readDir(from)) {
    if (entry.isDirectory) {
      await copyTree(new URL(`${entry.name}/`, from), new URL(`${entry.name}/`, to));
    } else if (entry.isFile) {
      await Deno.copyFile(new URL(entry.name, from), new URL(entry.name, to));
    }
  }
};

const tsconfig = (entries: string[]): Record<string, unknown> => ({
  compilerOptions: {
    target: "ES2022",
    lib: ["ES2023", "DOM", "DOM.Iterable"],
    module: "NodeNext",
    moduleResolution: "NodeNext",
    rewriteRelativeImportExtensions: true,
    allowImportingTsExtensions: true,
    verbatimModuleSyntax: true,
    resolveJsonModule: true,
    declaration: true,
    strict: true,
    skipLibCheck: true,
    noEmitOnError: true,
    types: [],
    rootDir: ".",
    outDir: Deno.realPathSync(NPM_DIR),
  },
  files: entries,
});

/** Compiles the sources reachable from the entry points into `npm/`. */
const compile = async (entries: string[]): Promise<void> => {
  const stage = new URL(`file://${await Deno.makeTempDir({ prefix: "backpack-edge-build-" })}/`);
  try {
    for (const dir of SOURCE_DIRS) {
      if (await exists(new URL(`${dir}/`, ROOT))) {
        await copyTree(new URL(`${dir}/`, ROOT), new URL(`${dir}/`, stage));
      }
    }
    for (const entry of entries) {
      await Deno.mkdir(new URL(".", new URL(entry, stage)), { recursive: true });
      await Deno.copyFile(new URL(entry, ROOT), new URL(entry, stage));
    }
    await Deno.writeTextFile(new URL("package.json", stage), '{ "type": "module" }\n');
    await Deno.symlink(
      Deno.realPathSync(new URL("node_modules", NPM_DIR)),
      new URL("node_modules", stage).pathname,
    );
    await Deno.writeTextFile(
      new URL("tsconfig.json", stage),
      JSON.stringify(tsconfig(entries), null, 2),
    );
    await run(new URL("node_modules/.bin/tsc", ROOT).pathname, ["-p", "tsconfig.json"], stage);
  } finally {
    await Deno.remove(stage, { recursive: true });
  }
};

/** Block and line comments (JSDoc examples import the package by name). */
const COMMENTS = /\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm;
const BARE_IMPORT = /(?:(?<!["'])\bfrom\s*|\bimport\s*\(?\s*)["']([^"'./][^"']*)["']/g;

const packageOf = (specifier: string): string =>
  specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");

/** Every bare package an emitted `.js` file imports, with one importing file each. */
const importedPackages = async (dir: URL, found = new Map<string, string>()) => {
  for await (const entry of Deno.readDir(dir)) {
    if (entry.name === "node_modules") continue;
    const url = new URL(entry.isDirectory ? `${entry.name}/` : entry.name, dir);
    if (entry.isDirectory) await importedPackages(url, found);
    else if (entry.name.endsWith(".js")) {
      const code = (await Deno.readTextFile(url)).replace(COMMENTS, "");
      for (const [, specifier] of code.matchAll(BARE_IMPORT)) {
        if (!specifier.startsWith("node:")) found.set(packageOf(specifier), url.pathname);
      }
    }
  }
  return found;
};

const main = async (): Promise<void> => {
  const config = await readDenoConfig();
  const entries = Object.values(denoExports(config)).map((target) => target.slice(2));
  const deps = dependencies(config, await reachablePackages(entries));
  for (const entry of entries) Object.assign(deps, ENTRY_COMPANIONS[entry]);
  const manifest = packageJson(config, deps);

  await cleanOutput();
  await Deno.writeTextFile(
    new URL("package.json", NPM_DIR),
    JSON.stringify(manifest, null, 2) + "\n",
  );
  await run(
    "npm",
    ["install", "--omit=dev", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"],
    NPM_DIR,
  );

  await compile(entries);

  const declared = manifest.dependencies as Record<string, string>;
  const undeclared = [...await importedPackages(NPM_DIR)].filter(([pkg]) => !(pkg in declared));
  for (const [pkg, file] of undeclared) {
    console.error(`${file} imports "${pkg}", which npm/package.json does not declare`);
  }
  if (undeclared.length > 0) throw new Error("undeclared runtime dependencies");

  for (const file of ["README.md", "LICENSE"]) {
    if (await exists(new URL(file, ROOT))) {
      await Deno.copyFile(new URL(file, ROOT), new URL(file, NPM_DIR));
    }
  }
  console.log(`built ${manifest.name}@${manifest.version} into npm/ (${entries.join(", ")})`);
};

if (import.meta.main) await main();
