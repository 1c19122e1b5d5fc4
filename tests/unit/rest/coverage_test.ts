import assert from "node:assert/strict";
import {
  checkCoverage,
  coverageProblems,
  renderCoverage,
  specOperations,
} from "../../../scripts/check_coverage.ts";
import { OPERATIONS } from "../../../src/rest/operations.ts";

/**
 * Order/account/position functions another engineer is wiring into effect.ts and the client right
 * now. Remove each entry once wired: the test fails when this list is out of date either way.
 */
const PENDING_WIRING: ReadonlyArray<string> = [
  "getAccount",
  "updateAccount",
  "convertDust",
  "getMaxBorrowQuantity",
  "getMaxOrderQuantity",
  "getMaxWithdrawalQuantity",
  "getOrder",
  "executeOrder",
  "cancelOrder",
  "executeOrders",
  "getOpenOrders",
  "cancelOpenOrders",
  "getPositions",
];

const pendingProblem = (line: string): boolean =>
  PENDING_WIRING.some((fn) => line.includes(`: ${fn} is not`));

Deno.test("every spec operation is covered by an exported SDK function or a stated reason", async () => {
  const operations = await specOperations();
  assert.equal(operations.length, 81);
  const problems = coverageProblems(operations);
  assert.deepEqual(problems.filter((p) => !pendingProblem(p)), []);
  const stillPending = new Set(
    problems.map((p) => PENDING_WIRING.find((fn) => p.includes(`: ${fn} is not`))),
  );
  assert.deepEqual([...stillPending].sort(), [...PENDING_WIRING].sort());
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
  const problems = coverageProblems(operations, table).filter((p) => !pendingProblem(p));
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
