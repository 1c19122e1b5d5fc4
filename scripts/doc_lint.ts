/**
 * `deno doc --lint` over every deno.json entry point, minus the diagnostics the SDK cannot fix:
 * those located in an npm dependency (a re-exported `Decimal` makes deno doc lint decimal.js's own
 * declarations) and `private-type-ref` to a type that lives in an npm dependency (Effect's `Effect`,
 * `Schema.String`, `Context.Service`, …), which deno doc calls "private" because the package does
 * not re-export it. Everything else fails: missing JSDoc, missing explicit types, and
 * `private-type-ref` to a type declared in this repository but not exported from an entry point.
 *
 * Run: `deno run -A scripts/doc_lint.ts`
 *
 * @module
 */
import { denoExports, readDenoConfig, ROOT } from "./npm_package.ts";

const DIAGNOSTIC = /^error\[([\w-]+)\]: (.*)$/;
const PRIVATE_REF = /references private type '([^']+)'/;
const LOCATION = /^\s*--> (.+):\d+:\d+$/;

interface Diagnostic {
  rule: string;
  message: string;
  /** The source file the diagnostic points at. */
  file: string;
  text: string;
}

/**
 * Whether `name` is this repository's own type: declared in `file` (the module the diagnostic
 * points at) or imported there from a relative module.
 */
const isLocal = (file: string, name: string): boolean => {
  const text = Deno.readTextFileSync(file);
  const declared = new RegExp(
    `^\\s*(?:export\\s+)?(?:declare\\s+)?(?:const|let|type|interface|class|function|enum)\\s+${name}\\b`,
    "m",
  );
  const imported = new RegExp(
    `import\\s+(?:type\\s+)?\\{[^}]*\\b${name}\\b[^}]*\\}\\s*from\\s*["']\\.`,
  );
  return declared.test(text) || imported.test(text);
};

const OWN_SOURCES = new URL(".", ROOT).pathname;
const DENO_CACHE = Deno.env.get("DENO_DIR") ?? "\0";

/** A file of an npm dependency (re-exported, e.g. decimal.js's `Decimal`), not of this repository. */
const isDependency = (file: string): boolean =>
  !file.startsWith(OWN_SOURCES) || file.startsWith(DENO_CACHE) || file.includes("/node_modules/");

/** Splits deno doc's output into one text block per diagnostic. */
const diagnostics = (output: string): Diagnostic[] => {
  const blocks: Diagnostic[] = [];
  for (const line of output.split("\n")) {
    const match = DIAGNOSTIC.exec(line);
    const last = blocks[blocks.length - 1];
    if (match) blocks.push({ rule: match[1], message: match[2], file: "", text: line });
    else if (last && !line.startsWith("error: Found")) {
      last.text += `\n${line}`;
      last.file ||= LOCATION.exec(line)?.[1] ?? "";
    }
  }
  return blocks;
};

const main = async (): Promise<number> => {
  const entries = Object.values(denoExports(await readDenoConfig()));
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["doc", "--lint", ...entries],
    cwd: ROOT,
    env: { NO_COLOR: "1" },
  }).output();
  const output = new TextDecoder().decode(stdout) + new TextDecoder().decode(stderr);
  const all = diagnostics(output);
  if (code !== 0 && all.length === 0) {
    console.error(output);
    return 1;
  }
  const kept = all.filter(({ rule, message, file }) => {
    if (file !== "" && isDependency(file)) return false;
    const ref = PRIVATE_REF.exec(message);
    return rule !== "private-type-ref" || ref === null || file === "" || isLocal(file, ref[1]);
  });
  for (const { text } of kept) console.error(text.trimEnd() + "\n");
  console.log(
    `doc lint of ${entries.join(", ")}: ${kept.length} problem(s); ` +
      `${all.length - kept.length} about npm dependencies ignored`,
  );
  return kept.length === 0 ? 0 : 1;
};

if (import.meta.main) Deno.exit(await main());
