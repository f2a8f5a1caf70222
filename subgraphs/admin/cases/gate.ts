import { clientError, ErrorCode } from "../../../schema/errors.js";
import type { CaseReport } from "./report.js";

/** What `extensions.reason` says when failing cases refuse an approval. */
export const CASES_FAILING = "policy-cases-failing";
export const CASES_NOT_RUN = "policy-cases-not-run";

/**
 * The approval gate: every case of the draft (the active ones, with those the change adds or
 * replaces in their place) passes under the draft set. A case the change replaces is judged in its
 * new version only; one the change updates that still fails blocks like any other. CONFLICT (the
 * change conflicts with the cases), naming each failing case in `extensions.failingCases`.
 */
export function refuseFailingCases(report: CaseReport): CaseReport {
  if (report.status !== "complete") {
    throw clientError(ErrorCode.CONFLICT, `the policy test cases could not be run, so the change cannot be approved: ${report.error ?? report.status}`, { reason: CASES_NOT_RUN });
  }
  const failing = report.results.filter((r) => r.blocking);
  if (failing.length === 0) return report;
  const names = failing.map((r) => `${r.file}: ${r.name}`);
  throw clientError(ErrorCode.CONFLICT, `${failing.length} policy test case(s) fail under this change, so it cannot be approved (update them in the change if the new outcome is intended): ${names.join("; ")}`, {
    reason: CASES_FAILING,
    failingCases: failing.map((r) => ({ file: r.file, name: r.name, failures: r.draft?.failures ?? [] })),
  });
}
