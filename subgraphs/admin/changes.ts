import { randomUUID } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import type { Subject } from "../../platform/auth/index.js";
import { readActivePolicy, writeActivePolicy } from "../../platform/policy-store/index.js";
import { isUuid } from "../../platform/records/index.js";
import { databaseOf, type SubgraphContext } from "../../platform/subgraph/index.js";
import type { PolicySet } from "../../policies/index.js";
import type { RawCaseFile } from "../../policies/testing/index.js";
import { badInput, conflict, notFound } from "../../schema/errors.js";
import { returnedRows } from "./returned-rows.js";
import { auditAdminChange, type AdminAction } from "./audit.js";
import { mayWrite, refuseSelfApproval } from "./authorise.js";
import { activeCaseFiles, APPROVAL_CASE_WAIT_MS, caseHashOf, caseRunInput, parseProposedCases, refuseFailingCases, reportHolds, runCases, storeReport, withProposed, writeCaseFiles, type CaseFiles, type CaseReport } from "./cases/index.js";
import { checkDocumentId, parseDocument } from "./documents.js";
import { activeVersions, candidateSet, documentVersion, insertVersion, lockPolicyStore } from "./store.js";

/*
 * The life of a policy change: proposed (validated as part of the whole set it would make), then
 * decided once: approved by a second administrator, which stores the new document version and
 * activates the set, or rejected. Each step and its admin_audit row are one transaction, so nothing
 * is half-applied; approvals hold the policy store's lock, so the base-version check cannot race.
 * A change may carry policy test case files too. Its cases run under the active set and its draft
 * before the transaction (cases/): a case failing under the draft blocks its approval.
 */

export type ChangeKind = "edit" | "rollback";
export type ChangeStatus = "proposed" | "approved" | "rejected";

export interface StoredChange {
  readonly id: string;
  readonly policyId: string;
  readonly kind: ChangeKind;
  readonly baseVersion: number;
  readonly content: unknown;
  readonly comment: string;
  readonly proposer: { readonly sub: string; readonly issuer: string; readonly agency: string };
  readonly status: ChangeStatus;
  readonly setVersion: string;
  readonly valid: boolean;
  readonly createdAt: Date;
  readonly decidedBy: { readonly sub: string; readonly issuer: string } | null;
  readonly decidedAt: Date | null;
  readonly reason: string | null;
  readonly resultingVersion: number | null;
  /** The case files the change adds or replaces (null: none). */
  readonly caseFiles: CaseFiles | null;
  /** Its cases under the active set and its draft (null: proposed before cases were stored). */
  readonly caseReport: CaseReport | null;
}

interface ChangeRow {
  id: string;
  policy_id: string;
  kind: ChangeKind;
  base_version: number;
  content: unknown;
  comment: string;
  proposer_sub: string;
  proposer_issuer: string;
  proposer_agency: string;
  status: ChangeStatus;
  set_version: string;
  valid: boolean;
  created_at: Date;
  decided_by_sub: string | null;
  decided_by_issuer: string | null;
  decided_at: Date | null;
  reason: string | null;
  resulting_version: number | null;
  case_files: Record<string, RawCaseFile> | null;
  case_report: CaseReport | null;
}

const toChange = (row: ChangeRow): StoredChange => ({
  id: row.id,
  policyId: row.policy_id,
  kind: row.kind,
  baseVersion: Number(row.base_version),
  content: row.content,
  comment: row.comment,
  proposer: { sub: row.proposer_sub, issuer: row.proposer_issuer, agency: row.proposer_agency },
  status: row.status,
  setVersion: row.set_version,
  valid: row.valid,
  createdAt: new Date(row.created_at),
  decidedBy: row.decided_by_sub ? { sub: row.decided_by_sub, issuer: row.decided_by_issuer ?? "" } : null,
  decidedAt: row.decided_at ? new Date(row.decided_at) : null,
  reason: row.reason,
  resultingVersion: row.resulting_version === null ? null : Number(row.resulting_version),
  caseFiles: row.case_files ? new Map(Object.entries(row.case_files)) : null,
  caseReport: row.case_report,
});

const MAX_TEXT = 2000;

function text(value: string, name: string): string {
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_TEXT) throw badInput(`${name} must be 1-${MAX_TEXT} characters`, { problems: [`${name}: 1-${MAX_TEXT} characters`] });
  return trimmed;
}

/** One change by id; null when unknown (or not an id at all). */
export async function findChange(db: DataSource | EntityManager, id: string, lock = false): Promise<StoredChange | null> {
  if (!isUuid(id)) return null;
  const rows = (await db.query(`SELECT * FROM "policy_change" WHERE "id" = $1${lock ? " FOR UPDATE" : ""}`, [id])) as ChangeRow[];
  return rows[0] ? toChange(rows[0]) : null;
}

/** Changes, newest first, optionally of one status or document. */
export async function listChanges(db: DataSource, filter: { status?: ChangeStatus | null; policyId?: string | null }, limit = 200): Promise<StoredChange[]> {
  const rows = (await db.query(
    `SELECT * FROM "policy_change" WHERE ($1::text IS NULL OR "status" = $1) AND ($2::text IS NULL OR "policy_id" = $2) ORDER BY "created_at" DESC, "id" LIMIT $3`,
    [filter.status ?? null, filter.policyId ?? null, limit],
  )) as ChangeRow[];
  return rows.map(toChange);
}

function actorOf(ctx: SubgraphContext) {
  const subject = ctx.caller.subject;
  if (!subject) throw new Error("no verified subject");
  return { sub: subject.sub, issuer: subject.issuer, agency: subject.agency };
}

async function audit(manager: EntityManager, ctx: SubgraphContext, action: AdminAction, change: { id: string; policyId: string }, detail: Record<string, unknown>): Promise<void> {
  await auditAdminChange(manager, ctx.config, {
    requestId: ctx.caller.requestId,
    subject: actorOf(ctx),
    action,
    policyId: change.policyId,
    changeId: change.id,
    detail: { purpose: ctx.caller.purpose, justification: ctx.caller.justification, ...detail },
  });
}

async function insertChange(
  manager: EntityManager,
  ctx: SubgraphContext,
  change: { policyId: string; kind: ChangeKind; baseVersion: number; content: unknown; comment: string; setVersion: string; caseFiles: CaseFiles | null; caseReport: CaseReport },
): Promise<StoredChange> {
  const proposer = actorOf(ctx);
  const rows = (await manager.query(
    `INSERT INTO "policy_change" ("id", "policy_id", "kind", "base_version", "content", "comment", "proposer_sub", "proposer_issuer", "proposer_agency", "set_version", "valid", "case_files", "case_report")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, true, $11, $12) RETURNING *`,
    [
      randomUUID(), change.policyId, change.kind, change.baseVersion, JSON.stringify(change.content), change.comment, proposer.sub, proposer.issuer, proposer.agency, change.setVersion,
      change.caseFiles ? JSON.stringify(Object.fromEntries(change.caseFiles)) : null, JSON.stringify(change.caseReport),
    ],
  )) as ChangeRow[];
  return toChange(rows[0] as ChangeRow);
}

/** The draft an edit makes, checked as the transaction will check it again: who may, against which version. */
async function checkEdit(db: DataSource | EntityManager, ctx: SubgraphContext, policyId: string, content: unknown, baseVersion: number) {
  const { documents, versions, grants } = await activeVersions(db);
  const current = versions.get(policyId);
  mayWrite(ctx, current ? [content, current.content] : [content]);
  const active = documents[policyId] ?? 0;
  if (baseVersion !== active) throw conflict(`policy "${policyId}" is at version ${active}, not ${baseVersion}: propose against the active version`);
  return { active, set: await candidateSet(versions, policyId, content, ctx.config, grants) };
}

/** The active set, as the services enforce it now. */
async function enforcedSet(db: DataSource): Promise<PolicySet> {
  const active = await readActivePolicy(db);
  if (!active) throw notFound("no active policy set is stored yet");
  return active.set;
}

/**
 * Proposes a new version of a document (or a new document: baseVersion 0), with case files to add
 * or replace (`cases`, cases/case-files.ts). Validated and its cases run before the transaction:
 * a run takes a second or more, and the hub's one embedded connection must not wait on it.
 */
export async function proposeChange(ctx: SubgraphContext, input: { id: string; document: string; baseVersion: number; comment: string; cases?: string | null }): Promise<StoredChange> {
  mayWrite(ctx, []);
  const policyId = checkDocumentId(input.id);
  const comment = text(input.comment, "comment");
  const content = parseDocument(policyId, input.document);
  const caseFiles = input.cases === null || input.cases === undefined ? null : await parseProposedCases(input.cases, ctx.config.purposes);
  const db = databaseOf(ctx);
  const draft = await checkEdit(db, ctx, policyId, content, input.baseVersion);
  const cases = await runCases(db, ctx.config, await caseRunInput(db, await enforcedSet(db), draft.set, caseFiles));
  const change = await db.transaction(async (manager) => {
    // The store may have moved while the cases ran: checked again; a report on another draft is run again on approval.
    const { active, set } = await checkEdit(manager, ctx, policyId, content, input.baseVersion);
    const change = await insertChange(manager, ctx, { policyId, kind: "edit", baseVersion: active, content, comment, setVersion: set.version, caseFiles, caseReport: cases.report });
    await audit(manager, ctx, "policy.propose", change, { baseVersion: active, setVersion: set.version, comment, ...casesDetail(caseFiles, cases.report) });
    return change;
  });
  cases.storeWhenDone(change.id);
  return change;
}

/** The rollback a proposal makes, checked as the transaction will check it again. */
async function checkRollback(db: DataSource | EntityManager, ctx: SubgraphContext, policyId: string, toVersion: number) {
  const { documents, versions, grants } = await activeVersions(db);
  const current = versions.get(policyId);
  const target = await documentVersion(db, policyId, toVersion);
  if (!current || !target) throw notFound(`policy "${policyId}" has no version ${toVersion} to roll back to`);
  mayWrite(ctx, [target.content, current.content]);
  const active = documents[policyId] ?? 0;
  if (toVersion === active) throw badInput(`version ${active} of policy "${policyId}" is already the active one`, { problems: [`toVersion: already active`] });
  return { active, target, set: await candidateSet(versions, policyId, target.content, ctx.config, grants) };
}

/** Proposes to make an earlier version of a document the active one again; its cases run and it is approved like any change. */
export async function proposeRollback(ctx: SubgraphContext, input: { id: string; toVersion: number; comment?: string | null }): Promise<StoredChange> {
  mayWrite(ctx, []);
  const policyId = checkDocumentId(input.id);
  const comment = text(input.comment ?? `roll back to version ${input.toVersion}`, "comment");
  const db = databaseOf(ctx);
  const draft = await checkRollback(db, ctx, policyId, input.toVersion);
  const cases = await runCases(db, ctx.config, await caseRunInput(db, await enforcedSet(db), draft.set, null));
  const change = await db.transaction(async (manager) => {
    const { active, target, set } = await checkRollback(manager, ctx, policyId, input.toVersion);
    const change = await insertChange(manager, ctx, { policyId, kind: "rollback", baseVersion: active, content: target.content, comment, setVersion: set.version, caseFiles: null, caseReport: cases.report });
    await audit(manager, ctx, "policy.propose-rollback", change, { baseVersion: active, toVersion: input.toVersion, setVersion: set.version, comment, ...casesDetail(null, cases.report) });
    return change;
  });
  cases.storeWhenDone(change.id);
  return change;
}

/** What the admin audit records of a change's cases. */
const casesDetail = (files: CaseFiles | null, report: CaseReport) => ({
  ...(files ? { caseFiles: [...files.keys()] } : {}),
  cases: { status: report.status, total: report.total, failed: report.failed, changed: report.changed, blocking: report.blocking },
});

/** A proposed change, locked for its decision; decided ones are CONFLICT. */
async function undecided(manager: EntityManager, changeId: string): Promise<StoredChange> {
  const change = await findChange(manager, changeId, true);
  if (!change) throw notFound(`no policy change ${JSON.stringify(changeId.slice(0, 64))}`);
  if (change.status !== "proposed") throw conflict(`policy change ${change.id} is already ${change.status}`);
  return change;
}

/**
 * The report an approval is decided on, before its transaction: the stored one while it still
 * describes what the approval would activate (the same draft set and case files), else a new run
 * (the active set moved: another document's approval, a grant). Refuses while the cases are still
 * running, when they could not run, and when any case fails under the draft. Null: the change is not
 * proposed (the transaction refuses it).
 */
async function testedForApproval(ctx: SubgraphContext, db: DataSource, changeId: string, approver: Subject): Promise<CaseReport | null> {
  const change = await findChange(db, changeId);
  if (!change || change.status !== "proposed") return null;
  refuseSelfApproval(approver, change.proposer);
  const { versions, grants } = await activeVersions(db);
  const current = versions.get(change.policyId);
  mayWrite(ctx, current ? [change.content, current.content] : [change.content]);
  const draft = await candidateSet(versions, change.policyId, change.content, ctx.config, grants);
  const input = await caseRunInput(db, await enforcedSet(db), draft, change.caseFiles);
  if (reportHolds(change.caseReport, input)) return refuseFailingCases(change.caseReport);
  // An approval waits for cases still running (a sandbox starting after the hub did) rather than refusing at once.
  const run = await runCases(db, ctx.config, input, APPROVAL_CASE_WAIT_MS);
  if (run.report.status === "pending") {
    run.storeWhenDone(change.id);
    throw conflict(`the policy test cases of change ${change.id} are still running (the case sandbox is starting): approve it again in a minute`);
  }
  await storeReport(db, change.id, run.report);
  return refuseFailingCases(run.report);
}

/** Approves a change: a new document version, the new set active, its case files active, the change approved, its audit row; one transaction. */
export async function approveChange(ctx: SubgraphContext, changeId: string): Promise<StoredChange> {
  const approver = mayWrite(ctx, []);
  const db = databaseOf(ctx);
  const tested = await testedForApproval(ctx, db, changeId, approver);
  return db.transaction(async (manager) => {
    await lockPolicyStore(manager);
    const change = await undecided(manager, changeId);
    refuseSelfApproval(approver, change.proposer);
    const { documents, versions, grants } = await activeVersions(manager);
    const current = versions.get(change.policyId);
    mayWrite(ctx, current ? [change.content, current.content] : [change.content]);
    const active = documents[change.policyId] ?? 0;
    if (change.baseVersion !== active) throw conflict(`policy "${change.policyId}" is now at version ${active}, not ${change.baseVersion} as when this change was proposed: propose it again`);
    const set = await candidateSet(versions, change.policyId, change.content, ctx.config, grants);
    // Activated only what the cases passed under: the same draft set and the same case files.
    if (!tested || tested.draftVersion !== set.version || tested.caseHash !== caseHashOf(withProposed(await activeCaseFiles(manager), change.caseFiles))) {
      throw conflict(`the active policy set or its cases changed while the cases of change ${change.id} ran: approve it again`);
    }
    const version = await insertVersion(manager, change.policyId, change.content, change.proposer, change.comment, change.id);
    await writeActivePolicy(manager, set, { ...documents, [change.policyId]: version });
    if (change.caseFiles) await writeCaseFiles(manager, change.caseFiles, change.proposer.sub, change.id);
    const rows = (await manager.query(
      `UPDATE "policy_change" SET "status" = 'approved', "decided_by_sub" = $2, "decided_by_issuer" = $3, "decided_at" = now(), "resulting_version" = $4, "set_version" = $5, "case_report" = $6
       WHERE "id" = $1 RETURNING *`,
      [change.id, approver.sub, approver.issuer, version, set.version, JSON.stringify(tested)],
    )) as unknown;
    await audit(manager, ctx, "policy.approve", change, { kind: change.kind, baseVersion: change.baseVersion, resultingVersion: version, setVersion: set.version, ...casesDetail(change.caseFiles, tested) });
    return toChange(returnedRows<ChangeRow>(rows)[0] as ChangeRow);
  });
}

/** Rejects a change with a reason (its proposer may withdraw it so too). */
export async function rejectChange(ctx: SubgraphContext, changeId: string, reasonText: string): Promise<StoredChange> {
  const decider = mayWrite(ctx, []);
  const reason = text(reasonText, "reason");
  return databaseOf(ctx).transaction(async (manager) => {
    const change = await undecided(manager, changeId);
    const { versions } = await activeVersions(manager);
    const current = versions.get(change.policyId);
    mayWrite(ctx, current ? [change.content, current.content] : [change.content]);
    const rows = (await manager.query(
      `UPDATE "policy_change" SET "status" = 'rejected', "decided_by_sub" = $2, "decided_by_issuer" = $3, "decided_at" = now(), "reason" = $4 WHERE "id" = $1 RETURNING *`,
      [change.id, decider.sub, decider.issuer, reason],
    )) as unknown;
    await audit(manager, ctx, "policy.reject", change, { reason });
    return toChange(returnedRows<ChangeRow>(rows)[0] as ChangeRow);
  });
}
