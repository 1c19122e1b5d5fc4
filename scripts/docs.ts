/**
 * API reference: `deno doc --html --name=backpack-edge --output=docs/api <entries>` over every
 * deno.json entry point. The output directory is git-ignored. `deno doc --lint` runs separately in
 * the test command (`scripts/doc_lint.ts`).
 *
 * Run: `deno task docs`
 *
 * @module
 */
import { denoExports, readDenoConfig, ROOT } from "./npm_package.ts";

/** Where the HTML reference is written, relative to the repository root. */
export const DOCS_DIR = "docs/api";

if (import.meta.main) {
  const entries = Object.values(denoExports(await readDenoConfig()));
  await Deno.mkdir(new URL(DOCS_DIR, ROOT), { recursive: true });
  const { code } = await new Deno.Command(Deno.execPath(), {
    args: ["doc", "--html", "--name=backpack-edge", `--output=${DOCS_DIR}`, ...entries],
    cwd: ROOT,
    stdout: "inherit",
    stderr: "inherit",
  }).output();
  if (code === 0) console.log(`API reference of ${entries.join(", ")} in ${DOCS_DIR}/index.html`);
  Deno.exit(code);
}
