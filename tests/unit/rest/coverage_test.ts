import assert from "node:assert/strict";
import {
  checkCoverage,
  coverageProblems,
  README_MARKERS,
  readmeSection,
  renderCoverage,
  specOperations,
  staleness,
} from "../../../scripts/check_coverage.ts";
import { OPERATIONS } from "../../../src/rest/operations.ts";

Deno.test("every spec operation is covered by an exported SDK function or a stated reason", async () => {
  const operations = await specOperations();
  assert.equal(operations.length, 81);
  assert.deepEqual(coverageProblems(operations), []);
});

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

Deno.test("docs/rest_coverage.md and the README section are the current renderings", async () => {
  assert.deepEqual(await checkCoverage(false), []);
  const readme = await Deno.readTextFile(new URL("../../../README.md", import.meta.url));
  const section = readmeSection(readme);
  assert.ok(section !== undefined);
  assert.ok(readme.includes(`## REST coverage (all 81 operations)\n\n${README_MARKERS.start}`));
  for (const [key, entry] of Object.entries(OPERATIONS)) {
    const [method, path] = key.split(" ");
    const cover = "fn" in entry ? `\`${entry.fn}\`` : `— (${entry.reason})`;
    assert.match(section, new RegExp(`\\| ${method} +\\| \`${path}\` +\\| ${escape(cover)} +\\|`));
  }
});

Deno.test("a stale doc, a stale README section and missing markers are reported", async () => {
  const operations = await specOperations();
  const doc = await Deno.readTextFile(new URL("../../../docs/rest_coverage.md", import.meta.url));
  const readme = await Deno.readTextFile(new URL("../../../README.md", import.meta.url));
  assert.deepEqual(await staleness(operations, { doc, readme }), []);
  const dropped = (text: string) => text.replace(/^\| GET +\| `\/api\/v1\/ticker` .*\n/m, "");
  assert.notEqual(dropped(readme), readme);
  assert.deepEqual(await staleness(operations, { doc: dropped(doc), readme: dropped(readme) }), [
    "docs/rest_coverage.md is stale: run with --write",
    "README.md's REST coverage section is stale: run with --write",
  ]);
  assert.deepEqual(
    await staleness(operations, { doc, readme: readme.replace(README_MARKERS.end, "") }),
    ["README.md has no rest-coverage markers"],
  );
});

Deno.test("the check reports a missing operation, an unknown name and a stale entry", async () => {
  const operations = await specOperations();
  const table = { ...OPERATIONS };
  delete table["GET /wapi/v1/history/fills"];
  table["GET /api/v1/capital"] = { fn: "noSuchFunction" };
  table["GET /wapi/v1/history/pnl"] = { fn: "getFillHistory" };
  const problems = coverageProblems(operations, table);
  assert.ok(problems.includes("GET /wapi/v1/history/fills: no covering function"));
  assert.ok(
    problems.includes("GET /api/v1/capital: noSuchFunction is not exported from effect.ts"),
  );
  assert.ok(problems.includes("GET /wapi/v1/history/pnl: not an operation of the spec"));
  assert.match(
    renderCoverage(operations),
    /\| GET \| `\/wapi\/v1\/history\/fills` \| `fillHistoryQueryAll` \| `getFillHistory` \|/,
  );
});
