import type { DataSource } from "typeorm";
import type { LiaisonConfig } from "../../../platform/config.js";
import type { PolicySet } from "../../../policies/index.js";
import { withProposed, type CaseFiles } from "./case-files.js";
import { activeCaseFiles } from "./case-store.js";
import { caseHashOf, runCaseReport, unfinishedReport, type CaseReport, type CaseRunInput } from "./report.js";
import { caseSandboxOf } from "./sandbox.js";

/**
 * How long a proposal or an approval waits for its cases before answering without them: half the
 * gateway's timeout for one subgraph call (the same setting; the rest is for validating the set and
 * the transaction on a busy machine), so a cold sandbox (tens of seconds) never turns into a
 * timed-out mutation. A warm one answers in one to a few seconds.
 */
export const caseWaitMs = (config: Pick<LiaisonConfig, "subgraphTimeoutMs">): number => Math.max(500, Math.min(config.subgraphTimeoutMs / 2, 60_000));

/**
 * How long an approval waits for cases still running (a cold sandbox after start): an approval is
 * never refused only because the sandbox was starting. Below the gateway's deadline for calls to
 * the admin service (gateway/index.ts, ADMIN_CALL_TIMEOUT_MS).
 */
export const APPROVAL_CASE_WAIT_MS = 75_000;

/** What a change's cases run on: the active and draft sets and case files. */
export async function caseRunInput(db: DataSource, activeSet: PolicySet, draftSet: PolicySet, proposed: CaseFiles | null): Promise<CaseRunInput> {
  const activeFiles = await activeCaseFiles(db);
  return { activeSet, draftSet, activeFiles, draftFiles: withProposed(activeFiles, proposed), proposed };
}

/** Whether a stored report still decides an approval of a draft made of `input`. */
export const reportHolds = (report: CaseReport | null, input: CaseRunInput): report is CaseReport =>
  report !== null && report.status === "complete" && report.draftVersion === input.draftSet.version && report.caseHash === caseHashOf(input.draftFiles);

export interface CaseRun {
  /** The report within the wait: complete, failed, or pending (its results still to come). */
  readonly report: CaseReport;
  /** When pending: stores the report of the change once it comes. */
  storeWhenDone(changeId: string): void;
}

/**
 * Runs a change's cases in its admin service's sandbox, waiting at most `caseWaitMs`. A run that
 * takes longer goes on in the background; its report is stored with the change when it comes
 * (a change decided meanwhile keeps the report it was decided on).
 */
export async function runCases(db: DataSource, config: Pick<LiaisonConfig, "subgraphTimeoutMs">, input: CaseRunInput, waitMs = caseWaitMs(config)): Promise<CaseRun> {
  const run = runCaseReport(caseSandboxOf(db), input).catch((error: unknown) => {
    process.stderr.write(`liaison admin: policy test cases could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return unfinishedReport(input, "failed", `the case sandbox could not run the cases: ${error instanceof Error ? error.message : String(error)}`);
  });
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), waitMs)));
  const report = await Promise.race([run, waited]);
  clearTimeout(timer);
  if (report) return { report, storeWhenDone: () => undefined };
  return {
    report: unfinishedReport(input, "pending", null),
    storeWhenDone(changeId) {
      void run
        .then((done) => storeReport(db, changeId, done))
        .catch((error: unknown) => process.stderr.write(`liaison admin: policy test results of change ${changeId} not stored: ${error instanceof Error ? error.message : String(error)}\n`));
    },
  };
}

/** Stores a (new) report with a change still proposed. */
export async function storeReport(db: DataSource, changeId: string, report: CaseReport): Promise<void> {
  await db.query(`UPDATE "policy_change" SET "case_report" = $2 WHERE "id" = $1 AND "status" = 'proposed'`, [changeId, JSON.stringify(report)]);
}
