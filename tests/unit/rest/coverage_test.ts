import assert from "node:assert/strict";
import {
  checkCoverage,
  coverageProblems,
  renderCoverage,
  specOperations,
} from "../../../scripts/check_coverage.ts";
import { OPERATIONS } from "../../../src/rest/operations.ts";

Deno.test("every spec operation is covered by an exported SDK function or a stated reason", async () => {
  const operations = await specOperations();
  assert.equal(operations.length, 81);
  assert.deepEqual(coverageProblems(operations), []);
});

Deno.test("docs/rest_coverage.md is the current rendering", async () => {
  const problems = await checkCoverage(false);
  assert.ok(!problems.some((p) => p.includes("stale")), problems.join("\n"));
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
