/**
 * What the comparison benches need outside Deno: ccxt installed for Node (once, with the ordinary
 * npm client, into the git-ignored `node_modules/.cache/bench/ccxt-<version>/`) and the built npm
 * package of the SDK (`npm/`, built by `scripts/build_npm.ts` when missing).
 *
 * @module
 */
import { NPM_DIR, ROOT } from "./npm_package.ts";

/** The ccxt version compared against (the one in deno.json's import map). */
export const CCXT_VERSION = "4.5.84";

const exists = async (path: string): Promise<boolean> => {
  try {
    await Deno.stat(path);
    return true;
  } catch {
    return false;
  }
};

const run = async (command: string, args: string[]): Promise<void> => {
  const { code, stderr } = await new Deno.Command(command, {
    args,
    stdout: "null",
    stderr: "piped",
  })
    .output();
  if (code !== 0) {
    throw new Error(`${command} ${args.join(" ")}: ${new TextDecoder().decode(stderr)}`);
  }
};

/**
 * Installs `ccxt@CCXT_VERSION` for Node if it is not there yet; resolves with the install prefix
 * (its `node_modules/ccxt` is the package).
 */
export const ensureCcxt = async (): Promise<string> => {
  const prefix = new URL(`node_modules/.cache/bench/ccxt-${CCXT_VERSION}/`, ROOT).pathname;
  if (!await exists(`${prefix}node_modules/ccxt/package.json`)) {
    console.log(`installing ccxt@${CCXT_VERSION} for Node into ${prefix} (once)`);
    await Deno.mkdir(prefix, { recursive: true });
    await run("npm", [
      "install",
      `ccxt@${CCXT_VERSION}`,
      "--prefix",
      prefix,
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
    ]);
  }
  return prefix;
};

/** Builds the npm package when `npm/mod.js` is missing; resolves with the `npm/` directory. */
export const ensureNpmBuild = async (): Promise<string> => {
  const dir = NPM_DIR.pathname;
  if (!await exists(`${dir}mod.js`)) {
    console.log("building the npm package (scripts/build_npm.ts)");
    await run(Deno.execPath(), ["run", "-A", new URL("scripts/build_npm.ts", ROOT).pathname]);
  }
  return dir;
};
