/**
 * README code cannot rot: every ```ts block of README.md must be, verbatim, one of the
 * `examples/readme/*.ts` files (which `deno check` and `deno lint` cover in the test command), and
 * those examples must run against the simulator.
 */
import assert from "node:assert/strict";
import { startSimulator } from "../../src/sim/mod.ts";

const ROOT = new URL("../../", import.meta.url);
const EXAMPLES = new URL("examples/readme/", ROOT);

/** The bodies of the ```ts / ```typescript blocks of a Markdown text. */
export const tsBlocks = (markdown: string): string[] =>
  [...markdown.matchAll(/^```(?:ts|typescript)[ \t]*\n([\s\S]*?)^```[ \t]*$/gm)].map(([, body]) =>
    body
  );

const examples = async (): Promise<Map<string, string>> => {
  const found = new Map<string, string>();
  for await (const { name, isFile } of Deno.readDir(EXAMPLES)) {
    if (isFile && name.endsWith(".ts")) {
      found.set(name, await Deno.readTextFile(new URL(name, EXAMPLES)));
    }
  }
  return found;
};

const normalize = (code: string): string => code.replace(/[ \t]+$/gm, "").trim();

Deno.test("tsBlocks finds ts and typescript fences only", () => {
  const md = "# x\n```ts\nconst a = 1;\n```\n```sh\nls\n```\n```typescript\nlet b;\n```\n";
  assert.deepEqual(tsBlocks(md), ["const a = 1;\n", "let b;\n"]);
});

Deno.test("every ```ts block of README.md is one of examples/readme/*.ts", async () => {
  const readme = await Deno.readTextFile(new URL("README.md", ROOT));
  const files = [...(await examples()).entries()].map(([name, code]) => [name, normalize(code)]);
  assert.ok(files.length > 0, "examples/readme/ holds no .ts file");
  const blocks = tsBlocks(readme);
  assert.ok(blocks.length > 0, "README.md has no ts block");
  for (const block of blocks) {
    const match = files.find(([, code]) => code === normalize(block));
    assert.ok(
      match,
      `README.md block is not a copy of any examples/readme/*.ts file (copy the file's text into ` +
        `the README, or add the block as a file there):\n${block}`,
    );
  }
});

Deno.test("the README examples run against the simulator", async () => {
  const sim = await startSimulator({ port: 0, seed: 7 });
  try {
    for (const [name] of await examples()) {
      const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
        args: ["run", "-A", new URL(name, EXAMPLES).pathname],
        cwd: ROOT,
        env: { BACKPACK_URL: sim.restUrl, BACKPACK_SECRET: sim.accounts[0]!.apiSecret },
        stdout: "piped",
        stderr: "piped",
      }).output();
      const out = new TextDecoder().decode(stdout);
      const err = new TextDecoder().decode(stderr);
      assert.equal(code, 0, `${name} exited with ${code}:\n${out}\n${err}`);
      assert.equal(err, "", `${name} wrote to stderr:\n${err}`);
      assert.match(out, /\d/, `${name} printed no figures:\n${out}`);
      assert.ok(!out.includes(sim.accounts[0]!.apiSecret), `${name} printed the secret`);
    }
  } finally {
    await sim.close();
  }
});
