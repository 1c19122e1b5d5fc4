/**
 * Bundle size vs ccxt: esbuild minified + gzip (level 9) sizes of
 *
 * - **ours**: the bundles of `scripts/size.ts`'s {@link measure} (browser platform, against the
 *   built npm package, targets from `size-budgets.json`): `rest-signing` (`createRestClient` with
 *   `getDepth` + `getBalances`), `rest-client-all` (the same calls through `createClient`) and
 *   `full-sdk` (every export of every entry point);
 * - **ccxt 4.5.84, backpack only**: an app constructing ccxt's `backpack` exchange class, two ways:
 *   `import { backpack } from "ccxt"` (the only import its `exports` map allows) and the class's
 *   own file `ccxt/js/src/backpack.js` imported by relative path (bypassing the map: the smallest
 *   ccxt bundle that has the class). ccxt cannot be bundled for the browser platform (it imports
 *   Node built-ins), so its bundles use `--platform=node` (built-ins left out, which favours ccxt)
 *   with its optional `protobufjs` (MEXC only) marked external.
 *
 * Bundling goes through `scripts/size.ts`'s {@link bundle}. Prints sizes and ratios; asserts
 * nothing (the budgets are `deno task size`'s job).
 *
 * @module
 */
import { ensureCcxt, ensureNpmBuild } from "./bench_deps.ts";
import { formatKb, formatRatio, printTable } from "./bench_format.ts";
import { bundle, measure, type Measured, type Size } from "./size.ts";

const CCXT_ARGS: ReadonlyArray<string> = ["--platform=node", "--external:protobufjs/*"];

const ccxtBundle = async (prefix: string, importLine: string): Promise<Size> => {
  const dir = await Deno.makeTempDir({ prefix: "backpack-edge-bench-" });
  // The entry lives in the install prefix so that `ccxt` resolves from its node_modules.
  const entry = `${prefix}bench_entry_${crypto.randomUUID()}.js`;
  try {
    await Deno.writeTextFile(entry, `${importLine}\nglobalThis.exchange = new backpack({});\n`);
    return await bundle(entry, dir, CCXT_ARGS);
  } finally {
    await Deno.remove(entry);
    await Deno.remove(dir, { recursive: true });
  }
};

if (import.meta.main) {
  await ensureNpmBuild();
  const prefix = await ensureCcxt();
  const ours = await measure();
  const named = (name: string): Measured => ours.find((m) => m.name === name)!;
  const rest = named("rest-signing");
  const full = named("full-sdk");
  const ccxtPackage = await ccxtBundle(prefix, `import { backpack } from "ccxt";`);
  const ccxtFile = await ccxtBundle(
    prefix,
    `import backpack from "./node_modules/ccxt/js/src/backpack.js";`,
  );
  const target = (m: Measured): string => m.target === undefined ? "-" : `≤ ${formatKb(m.target)}`;
  console.log("esbuild --bundle --minify --format=esm, gzip -9");
  printTable([
    ["bundle", "minified", "gzip", "target", "ccxt (file) / ours"],
    ...[rest, named("rest-client-all"), full].map((m) => [
      `ours: ${m.name}`,
      formatKb(m.minified),
      formatKb(m.gzip),
      target(m),
      formatRatio(ccxtFile.gzip / m.gzip),
    ]),
    ["ccxt: backpack.js by file", formatKb(ccxtFile.minified), formatKb(ccxtFile.gzip), "-", "-"],
    [
      `ccxt: import { backpack } from "ccxt"`,
      formatKb(ccxtPackage.minified),
      formatKb(ccxtPackage.gzip),
      "-",
      "-",
    ],
  ]);
  const top = rest.contributors.slice(0, 5).map(([who, bytes]) => `${who} ${formatKb(bytes)}`);
  console.log(`ours rest-signing (minified, by package): ${top.join(", ")}`);
  console.log(
    `ccxt backpack / ours: ${formatRatio(ccxtFile.gzip / rest.gzip)} (REST + signing), ${
      formatRatio(ccxtFile.gzip / full.gzip)
    } (full SDK); through "ccxt": ${formatRatio(ccxtPackage.gzip / rest.gzip)} and ${
      formatRatio(ccxtPackage.gzip / full.gzip)
    }`,
  );
}
