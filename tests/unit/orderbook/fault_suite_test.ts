import assert from "node:assert/strict";
import { endToEnd, formatReport, recordTrace, replayFaults } from "../../../scripts/fault_suite.ts";

Deno.test("fault suite: 1000 seeded faulty replays of simulator depth events never serve a wrong book", () => {
  const trace = recordTrace(11, 700);
  const report = replayFaults(trace, 1000, 3, 120);
  console.log(formatReport("in-process", report));
  assert.equal(report.runs, 1000);
  assert.ok(report.faults.drop > 0 && report.faults.duplicate > 0, "faults were injected");
  assert.ok(report.faults.reorder > 0 && report.faults.kill > 0, "faults were injected");
  assert.ok(report.resyncs > 0, "faults forced resyncs");
  assert.ok(report.checks > 10_000, "served books were checked");
  assert.equal(report.divergences, 0, report.firstDivergence);
});

Deno.test("fault suite: end to end through the simulator's faulty socket, the book catches up and equals the true book", async () => {
  const report = await endToEnd(1, 3);
  console.log(formatReport("end-to-end", report));
  assert.equal(report.checks, 3);
  assert.equal(report.divergences, 0, report.firstDivergence);
});
