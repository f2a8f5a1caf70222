import { canonicalHash, canonicalJson } from "../../../platform/canonical-json.js";
import type { PolicySet } from "../../../policies/index.js";
import { coverageOf, type PolicyCase } from "../../../policies/testing/index.js";
import { casesOf, type CaseFiles } from "./case-files.js";
import type { CaseOutcome, CaseSandbox } from "./sandbox.js";

/** How a case of the draft relates to the active one of the same file and name. */
export type CaseOrigin = "unchanged" | "added" | "replaced" | "removed";

export interface CaseResult {
  readonly file: string;
  readonly name: string;
  readonly origin: CaseOrigin;
  /** The active version of the case under the active set (null: the change adds it). */
  readonly active: CaseOutcome | null;
  /** The draft's version of the case under the draft set (null: the change removes it). */
  readonly draft: CaseOutcome | null;
  /** It passes under one and fails under the other. */
  readonly changed: boolean;
  /** It fails under the draft: the change cannot be approved. */
  readonly blocking: boolean;
}

/**
 * The cases of a change, run under the active set and under its draft: stored with the change (so
 * reading it runs nothing) and decisive for its approval while `draftVersion` and `caseHash` still
 * describe what an approval would activate. `pending`: the sandbox was still starting when the
 * proposal answered (the results are stored when they come); `failed`: the sandbox could not run them.
 */
export interface CaseReport {
  readonly status: "complete" | "pending" | "failed";
  readonly activeVersion: string;
  readonly draftVersion: string;
  /** Of the draft's case files (the active ones with the change's in their place). */
  readonly caseHash: string;
  readonly ranAt: string | null;
  readonly durationMs: number | null;
  readonly error: string | null;
  readonly total: number;
  readonly passed: number;
  readonly failed: number;
  readonly changed: number;
  readonly blocking: number;
  /** Cases failing under the active set already. */
  readonly activeFailed: number;
  /** Rules of the draft that no case says it covers. */
  readonly uncoveredRules: readonly string[];
  readonly results: readonly CaseResult[];
}

export const caseHashOf = (files: CaseFiles): string => canonicalHash(Object.fromEntries(files));

const key = (c: { file: string; name: string }) => `${c.file}\u0000${c.name}`;

/** Which cases the draft holds and how each came to be, in the draft's order (removed ones last). */
function origins(active: readonly PolicyCase[], draft: readonly PolicyCase[], proposed: CaseFiles | null): Array<{ file: string; name: string; origin: CaseOrigin }> {
  const before = new Map(active.map((c) => [key(c), canonicalJson(c)]));
  const after = new Set(draft.map(key));
  const out: Array<{ file: string; name: string; origin: CaseOrigin }> = draft.map((c) => {
    const was = before.get(key(c));
    const origin: CaseOrigin = !proposed?.has(c.file) ? "unchanged" : was === undefined ? "added" : was === canonicalJson(c) ? "unchanged" : "replaced";
    return { file: c.file, name: c.name, origin };
  });
  for (const c of active) if (!after.has(key(c))) out.push({ file: c.file, name: c.name, origin: "removed" });
  return out;
}

export interface CaseRunInput {
  readonly activeSet: PolicySet;
  readonly draftSet: PolicySet;
  readonly activeFiles: CaseFiles;
  readonly draftFiles: CaseFiles;
  /** The change's own case files (null: it changes none). */
  readonly proposed: CaseFiles | null;
}

/** A report whose results are still to come (or could not come: `failed` with the reason). */
export function unfinishedReport(input: CaseRunInput, status: "pending" | "failed", error: string | null): CaseReport {
  return {
    status,
    activeVersion: input.activeSet.version,
    draftVersion: input.draftSet.version,
    caseHash: caseHashOf(input.draftFiles),
    ranAt: null,
    durationMs: null,
    error,
    total: casesOf(input.draftFiles).length,
    passed: 0,
    failed: 0,
    changed: 0,
    blocking: 0,
    activeFailed: 0,
    uncoveredRules: [],
    results: [],
  };
}

/** Runs the active cases under the active set (usually kept from an earlier run) and the draft's under the draft. */
export async function runCaseReport(sandbox: CaseSandbox, input: CaseRunInput): Promise<CaseReport> {
  const started = performance.now();
  const activeCases = casesOf(input.activeFiles);
  const draftCases = casesOf(input.draftFiles);
  const before = await sandbox.run(input.activeSet, activeCases, caseHashOf(input.activeFiles));
  const after = await sandbox.run(input.draftSet, draftCases, caseHashOf(input.draftFiles));
  const beforeBy = new Map(activeCases.map((c, i) => [key(c), before[i] as CaseOutcome]));
  const afterBy = new Map(draftCases.map((c, i) => [key(c), after[i] as CaseOutcome]));
  const results: CaseResult[] = origins(activeCases, draftCases, input.proposed).map(({ file, name, origin }) => {
    const active = origin === "added" ? null : (beforeBy.get(key({ file, name })) ?? null);
    const draft = origin === "removed" ? null : (afterBy.get(key({ file, name })) ?? null);
    return { file, name, origin, active, draft, changed: active !== null && draft !== null && active.passed !== draft.passed, blocking: draft !== null && !draft.passed };
  });
  const inDraft = results.filter((r) => r.draft !== null);
  return {
    ...unfinishedReport(input, "pending", null),
    status: "complete",
    ranAt: new Date().toISOString(),
    durationMs: Math.round(performance.now() - started),
    passed: inDraft.filter((r) => r.draft?.passed).length,
    failed: inDraft.filter((r) => !r.draft?.passed).length,
    changed: results.filter((r) => r.changed).length,
    blocking: results.filter((r) => r.blocking).length,
    activeFailed: results.filter((r) => r.active && !r.active.passed).length,
    uncoveredRules: coverageOf(input.draftSet, draftCases).uncovered,
    results,
  };
}
