/**
 * `deno task bench`: runs every benchmark script in sequence, each in its own process (a clean
 * heap, `--expose-gc` for memory figures), and prints their figures. Append new benches to
 * {@link BENCHES}. Figures only: nothing here asserts on timings. Arguments are passed to every
 * script (`deno task bench --short`: the comparison benches measure less, for CI).
 *
 * @module
 */

/** Bench scripts, relative to this file, run in this order. */
const BENCHES: ReadonlyArray<string> = [
  "bench_orderbook.ts",
  "bench_worker_latency.ts",
  "bench_signing.ts",
  "bench_import.ts",
  "bench_bundle.ts",
];

for (const script of BENCHES) {
  const path = new URL(script, import.meta.url).pathname;
  console.log(`== ${script}`);
  const { code } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "--v8-flags=--expose-gc", path, ...Deno.args],
    stdout: "inherit",
    stderr: "inherit",
  }).output();
  if (code !== 0) {
    console.error(`${script} exited with ${code}`);
    Deno.exitCode = 1;
  }
}
