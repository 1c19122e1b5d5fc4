/**
 * Package checks, one subcommand per gate of `scripts/test.sh`:
 *
 * - `jsr`: `deno publish --dry-run --allow-dirty` succeeds (no slow types, license present) and
 *   the file list it would upload holds nothing from {@link FORBIDDEN} (deno.json `publish.include`
 *   keeps tests, fixtures and scripts out).
 * - `publint`: `publint --strict npm` on the built package.
 * - `attw`: `attw --pack npm --profile esm-only`: types and JavaScript resolve under `node16`
 *   (from ESM) and `bundler`. The package is ESM-only on purpose, so the `esm-only` profile ignores
 *   the `node10` and `node16` (from CJS) columns, where a `require` can only fail.
 * - `tarball`: `npm pack --dry-run --json` in `npm/` lists only compiled modules (`.js`, `.d.ts`),
 *   `package.json`, `README.md` and `LICENSE`; nothing from {@link FORBIDDEN}; no source map
 *   carrying `sourcesContent`; no file holding a private key.
 *
 * Run after `scripts/build_npm.ts`: `deno run -A scripts/check_package.ts <jsr|publint|attw|tarball>`
 *
 * @module
 */
import { NPM_DIR, ROOT } from "./npm_package.ts";

/** Paths that must never be published (matched against the package-relative path). */
export const FORBIDDEN: readonly (readonly [RegExp, string])[] = [
  [/(^|\/)tests?\//, "a test directory"],
  [/(_test|\.test|\.spec|_bench)\.[cm]?[jt]sx?$/, "a test file"],
  [/(^|\/)_*fixtures?_*\//, "a fixture"],
  [/(^|\/)(\.deno|node_modules|test-output|\.git)\//, "a cache or tool directory"],
  [/\.(pem|key|p8|p12|pfx|jks)$|(^|\/)\.env(\.|$)|(^|\/)id_(ed25519|rsa|ecdsa)/, "key material"],
];

const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;

/** Allowed files of the npm tarball: compiled modules and the package's own metadata. */
const NPM_ALLOWED = /^(package\.json|README\.md|LICENSE|.+\.js|.+\.d\.ts)$/;

/** Why `path` (relative to the package root) must not be published, or `undefined`. */
export const forbiddenReason = (path: string): string | undefined =>
  FORBIDDEN.find(([pattern]) => pattern.test(path))?.[1];

/** Problems with the contents of one published file (a private key, an embedded source map). */
const contentProblems = async (path: string, file: URL): Promise<string[]> => {
  const text = await Deno.readTextFile(file);
  const problems: string[] = [];
  if (PRIVATE_KEY.test(text)) problems.push(`${path}: contains a private key`);
  if (path.endsWith(".map") && "sourcesContent" in JSON.parse(text)) {
    problems.push(`${path}: source map embeds the sources`);
  }
  return problems;
};

const exec = async (
  cmd: string,
  args: string[],
  cwd: URL,
): Promise<{ code: number; out: string }> => {
  const { code, stdout, stderr } = await new Deno.Command(cmd, {
    args,
    cwd,
    env: { NO_COLOR: "1", FORCE_COLOR: "0" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  return { code, out: decode(stdout) + decode(stderr) };
};

const bin = (name: string): string => new URL(`node_modules/.bin/${name}`, ROOT).pathname;

/** Runs a tool, echoing its output; true when it exits 0. */
const tool = async (cmd: string, args: string[], cwd: URL): Promise<boolean> => {
  const { code, out } = await exec(cmd, args, cwd);
  console.log(out.trimEnd());
  return code === 0;
};

const report = (what: string, files: number, problems: string[]): boolean => {
  for (const problem of problems) console.error(`${what}: ${problem}`);
  console.log(`${what}: ${files} files, ${problems.length} problem(s)`);
  return problems.length === 0;
};

/** `deno publish --dry-run`: succeeds, and uploads no test, fixture, cache or key file. */
const checkJsr = async (): Promise<boolean> => {
  const { code, out } = await exec(
    Deno.execPath(),
    ["publish", "--dry-run", "--allow-dirty"],
    ROOT,
  );
  if (code !== 0 || !out.includes("Dry run complete")) {
    console.error(out);
    console.error(`deno publish --dry-run failed (exit ${code})`);
    return false;
  }
  const root = ROOT.href;
  const files = [...out.matchAll(/(file:\/\/\S+)/g)].map(([, url]) => url)
    .filter((url) => url.startsWith(root));
  const problems: string[] = [];
  for (const url of files) {
    const path = url.slice(root.length);
    const reason = forbiddenReason(path);
    if (reason) problems.push(`${path} is ${reason}`);
    else problems.push(...await contentProblems(path, new URL(url)));
  }
  if (files.length === 0) problems.push("the dry run listed no files");
  return report("jsr dry run", files.length, problems);
};

/** `npm pack --dry-run` in `npm/`: only compiled modules and metadata, nothing forbidden. */
const checkTarball = async (): Promise<boolean> => {
  const { code, out } = await exec("npm", ["pack", "--dry-run", "--json", "--silent"], NPM_DIR);
  if (code !== 0) {
    console.error(out);
    return false;
  }
  const [pack]: { files: { path: string }[]; size: number; unpackedSize: number }[] = JSON.parse(
    out.slice(out.indexOf("[")),
  );
  const problems: string[] = [];
  for (const { path } of pack.files) {
    const reason = forbiddenReason(path);
    if (reason) problems.push(`${path} is ${reason}`);
    else if (!NPM_ALLOWED.test(path)) problems.push(`${path} is not a compiled module or metadata`);
    else problems.push(...await contentProblems(path, new URL(path, NPM_DIR)));
  }
  console.log(`npm tarball: ${pack.size} bytes packed, ${pack.unpackedSize} unpacked`);
  return report("npm tarball", pack.files.length, problems);
};

const CHECKS: Readonly<Record<string, () => Promise<boolean>>> = {
  jsr: checkJsr,
  publint: () => tool(bin("publint"), ["--strict", "npm"], ROOT),
  attw: () =>
    tool(bin("attw"), ["--pack", "npm", "--profile", "esm-only", "--no-color", "--no-emoji"], ROOT),
  tarball: checkTarball,
};

if (import.meta.main) {
  const check = CHECKS[Deno.args[0]];
  if (check === undefined) {
    console.error(`usage: check_package.ts <${Object.keys(CHECKS).join("|")}>`);
    Deno.exit(2);
  }
  Deno.exit(await check() ? 0 : 1);
}
