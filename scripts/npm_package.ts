/**
 * Shared by `build_npm.ts` and `check_exports.ts`: reading deno.json and the rules that turn it into
 * the npm package manifest.
 *
 * @module
 */

/** The parts of deno.json the npm build uses. */
export interface DenoConfig {
  readonly name: string;
  readonly version: string;
  readonly license?: string;
  readonly exports: string | Readonly<Record<string, string>>;
  readonly imports?: Readonly<Record<string, string>>;
}

/** The repository root (the directory holding deno.json). */
export const ROOT: URL = new URL("../", import.meta.url);

/** The build output directory `npm/`. */
export const NPM_DIR: URL = new URL("npm/", ROOT);

/** Reads and minimally validates deno.json. */
export const readDenoConfig = async (): Promise<DenoConfig> => {
  const config = JSON.parse(await Deno.readTextFile(new URL("deno.json", ROOT)));
  for (const field of ["name", "version", "exports"]) {
    if (config[field] === undefined) throw new Error(`deno.json has no "${field}"`);
  }
  return config as DenoConfig;
};

/** deno.json `exports` as a map from subpath (`"."`, `"./effect"`) to a `./…ts` target. */
export const denoExports = (config: DenoConfig): Readonly<Record<string, string>> =>
  typeof config.exports === "string" ? { ".": config.exports } : config.exports;

/** `./src/x.ts` → `./src/x` (the target without its `.ts` extension); throws on other files. */
export const stripTs = (target: string): string => {
  if (!target.startsWith("./") || !target.endsWith(".ts") || target.endsWith(".d.ts")) {
    throw new Error(`export target ${target} is not a relative .ts file`);
  }
  return target.slice(0, -".ts".length);
};

/** The npm `exports` entry for a deno.json export target. */
export const npmExportEntry = (
  target: string,
): { readonly types: string; readonly default: string } => ({
  types: `${stripTs(target)}.d.ts`,
  default: `${stripTs(target)}.js`,
});

const NPM_NAME = /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;

/**
 * The npm package name for a deno.json name. A JSR name (`@scope/name`) is already a valid npm
 * name and is kept, so one import specifier works on JSR and npm; anything else is lower-cased and
 * stripped of characters npm rejects.
 */
export const npmName = (denoName: string): string => {
  if (NPM_NAME.test(denoName)) return denoName;
  const cleaned = denoName.toLowerCase().replace(/[^a-z0-9-._~@/]/g, "-");
  if (!NPM_NAME.test(cleaned)) throw new Error(`cannot derive an npm name from "${denoName}"`);
  return cleaned;
};
