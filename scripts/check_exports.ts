/**
 * Fails (exit 1) when the built `npm/package.json` does not mirror deno.json: the same name (npm
 * form) and version, the same `exports` subpaths, each pointing at the `.d.ts` / `.js` compiled from
 * deno.json's `.ts` target, and every such file present in `npm/`.
 *
 * Run after `scripts/build_npm.ts`: `deno run -A scripts/check_exports.ts`
 *
 * @module
 */
import { denoExports, NPM_DIR, npmExportEntry, npmName, readDenoConfig } from "./npm_package.ts";

/** Every way `npm/package.json` disagrees with deno.json (empty when they agree). */
export const exportProblems = async (): Promise<string[]> => {
  const config = await readDenoConfig();
  let manifest: { name?: string; version?: string; exports?: Record<string, unknown> };
  try {
    manifest = JSON.parse(await Deno.readTextFile(new URL("package.json", NPM_DIR)));
  } catch (e) {
    return [`cannot read npm/package.json (run scripts/build_npm.ts first): ${e}`];
  }
  const problems: string[] = [];
  if (manifest.name !== npmName(config.name)) {
    problems.push(`name: npm has ${manifest.name}, deno.json gives ${npmName(config.name)}`);
  }
  if (manifest.version !== config.version) {
    problems.push(`version: npm has ${manifest.version}, deno.json has ${config.version}`);
  }
  const wanted = denoExports(config);
  const actual = manifest.exports ?? {};
  for (const key of Object.keys(actual)) {
    if (!(key in wanted)) problems.push(`exports["${key}"] is in npm/package.json only`);
  }
  for (const [key, target] of Object.entries(wanted)) {
    const expected = npmExportEntry(target);
    if (!(key in actual)) {
      problems.push(`exports["${key}"] (${target}) is missing from npm/package.json`);
    } else if (JSON.stringify(actual[key]) !== JSON.stringify(expected)) {
      problems.push(
        `exports["${key}"]: npm has ${JSON.stringify(actual[key])}, expected ${
          JSON.stringify(expected)
        }`,
      );
    }
    for (const file of [expected.types, expected.default]) {
      try {
        await Deno.stat(new URL(file, NPM_DIR));
      } catch {
        problems.push(`exports["${key}"]: npm/${file.slice(2)} was not built`);
      }
    }
  }
  return problems;
};

if (import.meta.main) {
  const problems = await exportProblems();
  for (const problem of problems) console.error(`export map mismatch: ${problem}`);
  if (problems.length > 0) Deno.exit(1);
  console.log("npm/package.json exports match deno.json");
}
