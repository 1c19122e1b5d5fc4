/**
 * Cold import time on Node: a fresh `node` process importing the SDK's built npm package vs one
 * importing ccxt (4.5.84, installed for Node once), vs a bare `node -e ""` (process start-up, which
 * every figure includes). Each command runs {@link RUNS} times, alternating; the median wall time is
 * reported, and the import's own cost is the median minus the bare start-up. Figures only.
 * `--short` (CI) runs fewer times.
 *
 * @module
 */
import { ensureCcxt, ensureNpmBuild } from "./bench_deps.ts";
import { formatRatio, median, printTable } from "./bench_format.ts";

const SHORT = Deno.args.includes("--short");
const RUNS = SHORT ? 5 : 21;

/** Wall time of one `node -e <code>` run in `cwd`, ms. */
const time = async (code: string, cwd: string): Promise<number> => {
  const start = performance.now();
  const { code: exit, stderr } = await new Deno.Command("node", {
    args: ["-e", code],
    cwd,
    stdout: "null",
    stderr: "piped",
  }).output();
  const elapsed = performance.now() - start;
  if (exit !== 0) throw new Error(`node -e ${code}: ${new TextDecoder().decode(stderr)}`);
  return elapsed;
};

if (import.meta.main) {
  const npm = await ensureNpmBuild();
  const ccxtPrefix = await ensureCcxt();
  const cases = [
    { name: 'bare node -e ""', code: "", cwd: npm },
    {
      name: "ours: import npm/mod.js",
      code: `await import(${JSON.stringify(`${npm}mod.js`)})`,
      cwd: npm,
    },
    {
      name: "ours: import npm/effect.js",
      code: `await import(${JSON.stringify(`${npm}effect.js`)})`,
      cwd: npm,
    },
    { name: 'ccxt 4.5.84: import "ccxt"', code: `await import("ccxt")`, cwd: ccxtPrefix },
  ];
  const samples = cases.map(() => [] as number[]);
  for (let run = 0; run < RUNS + 1; run++) {
    for (const [i, c] of cases.entries()) {
      const ms = await time(c.code, c.cwd);
      if (run > 0) samples[i]!.push(ms); // the first round warms the file cache
    }
  }
  const medians = samples.map(median);
  const bare = medians[0]!;
  const ccxt = medians[3]!;
  console.log(
    `cold import on Node ${await nodeVersion()}, median of ${RUNS} runs${
      SHORT ? " (--short)" : ""
    }`,
  );
  printTable([
    ["command", "wall ms", "import ms", "vs ccxt"],
    ...cases.map((c, i) => [
      c.name,
      medians[i]!.toFixed(1),
      i === 0 ? "-" : (medians[i]! - bare).toFixed(1),
      i === 0 ? "-" : formatRatio((medians[i]! - bare) / (ccxt - bare)),
    ]),
  ]);
  console.log(
    `ccxt import / ours import: ${
      formatRatio((ccxt - bare) / (medians[1]! - bare))
    } (import cost above bare start-up)`,
  );
}

async function nodeVersion(): Promise<string> {
  const { stdout } = await new Deno.Command("node", { args: ["--version"] }).output();
  return new TextDecoder().decode(stdout).trim();
}
