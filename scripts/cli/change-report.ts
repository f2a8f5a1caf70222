import { HubError, type HubClient } from "./hub-client.js";
import { oneLine } from "./exit.js";

/*
 * A proposed change's policy test case results and access impact, as newer hubs answer them on
 * PolicyChange (`cases`, `impact`). Asked in a read after the proposal, never in the mutation: a hub
 * without them refuses the read's validation, and the proposal stands either way.
 */

interface CaseOutcome {
  passed: boolean;
  failures: string[];
}
interface CaseReport {
  status: string;
  draftVersion: string;
  total: number;
  passed: number;
  failed: number;
  changed: number;
  blocking: number;
  activeFailed: number;
  uncoveredRules: string[];
  error: string | null;
  results: Array<{ file: string; name: string; origin: string; changed: boolean; blocking: boolean; draft: CaseOutcome | null }>;
}
interface Impact {
  profiles: number;
  total: number;
  gained: number;
  lost: number;
  entries: Array<{ agency: string; role: string; clearance: number; purpose: string; coordinate: string; before: string; after: string }>;
}

const EXTRAS = `query($id: ID!) { policyChange(id: $id) {
  cases { status draftVersion total passed failed changed blocking activeFailed uncoveredRules error results { file name origin changed blocking draft { passed failures } } }
  impact { profiles total gained lost entries { agency role clearance purpose coordinate before after } } } }`;

/** The most impact entries and failures printed; the API lists them all. */
const SHOWN = 20;

function caseLines(changeId: string, report: CaseReport): string[] {
  if (report.status === "PENDING") return [`  cases: PENDING (the case sandbox was starting): npm run policy -- show ${changeId} later`];
  if (report.status === "FAILED") return [`  cases: FAILED, they could not run: ${oneLine(report.error ?? "no reason given")}`];
  const lines = [
    `  cases: ${report.total} under the draft (set ${report.draftVersion}): ${report.passed} passed, ${report.failed} failed, ${report.changed} changed, ${report.blocking} blocking; ${report.activeFailed} fail under the active set`,
  ];
  for (const r of report.results.filter((result) => result.blocking || result.changed)) {
    lines.push(`    ${r.blocking ? "BLOCKING" : "changed "} ${r.file}: ${r.name} (${r.origin.toLowerCase()})`);
    for (const failure of (r.draft?.failures ?? []).slice(0, SHOWN)) lines.push(`      - ${oneLine(failure)}`);
  }
  const uncovered = report.uncoveredRules;
  if (uncovered.length > 0) lines.push(`    ${uncovered.length} rule(s) no case covers: ${uncovered.slice(0, 10).join(", ")}${uncovered.length > 10 ? `, … ${uncovered.length - 10} more` : ""}`);
  return lines;
}

function impactLines(changeId: string, impact: Impact): string[] {
  const lines = [`  impact: ${impact.total} decision(s) change over ${impact.profiles} profiles: ${impact.gained} gained, ${impact.lost} lost`];
  for (const e of impact.entries.slice(0, SHOWN)) {
    lines.push(`    ${e.agency} ${e.role} clearance ${e.clearance} ${e.purpose}\t${e.coordinate}\t${e.before} -> ${e.after}`);
  }
  if (impact.total > SHOWN) lines.push(`    … ${impact.total - SHOWN} more: policyImpact(changeId: "${changeId}") lists them`);
  return lines;
}

/** The lines for a change's case results and impact; none from a hub that has neither. */
export async function changeReportLines(client: HubClient, changeId: string): Promise<string[]> {
  let change: { cases?: CaseReport | null; impact?: Impact | null } | null;
  try {
    change = (await client.query<{ policyChange: typeof change }>(EXTRAS, { id: changeId })).policyChange;
  } catch (error) {
    const unknownField = error instanceof HubError && error.errors.some((e) => /Cannot query field/.test(e.message));
    return unknownField ? [] : [`  (its case results and impact could not be read: ${error instanceof Error ? oneLine(error.message) : String(error)})`];
  }
  return [...(change?.cases ? caseLines(changeId, change.cases) : []), ...(change?.impact ? impactLines(changeId, change.impact) : [])];
}
