import { randomUUID } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import type { PolicyRule } from "../../../policies/index.js";
import { isUuid } from "../../../platform/records/index.js";
import { returnedRows } from "../returned-rows.js";
import type { SupergraphKinds } from "../access/supergraph-kinds.js";
import { entryCoordinates, grantRules, type GrantTerms } from "./rules.js";

export type GrantStatus = "active" | "expired" | "revoked";

export interface StoredGrant extends GrantTerms {
  readonly justification: string | null;
  readonly grantedBy: { readonly sub: string; readonly issuer: string; readonly agency: string };
  readonly createdAt: Date;
  readonly setVersion: string;
  readonly revokedAt: Date | null;
  readonly revokedBy: { readonly sub: string; readonly issuer: string } | null;
  readonly revokeReason: string | null;
  readonly reviewedAt: Date | null;
  readonly reviewedBy: { readonly sub: string; readonly issuer: string } | null;
  readonly reviewNote: string | null;
}

interface GrantRow {
  id: string;
  kind: "consent" | "break-glass";
  record_type: string;
  record_id: string;
  owner_agency: string;
  grantee_agency: string;
  grantee_subject: string | null;
  case_reference: string | null;
  purpose: string;
  justification: string | null;
  expires_at: Date;
  granted_by_sub: string;
  granted_by_issuer: string;
  granted_by_agency: string;
  created_at: Date;
  set_version: string;
  revoked_at: Date | null;
  revoked_by_sub: string | null;
  revoked_by_issuer: string | null;
  revoke_reason: string | null;
  reviewed_at: Date | null;
  reviewed_by_sub: string | null;
  reviewed_by_issuer: string | null;
  review_note: string | null;
}

const date = (value: Date | null): Date | null => (value === null ? null : new Date(value));
const person = (sub: string | null, issuer: string | null) => (sub === null ? null : { sub, issuer: issuer ?? "" });

const toGrant = (row: GrantRow): StoredGrant => ({
  id: row.id,
  kind: row.kind,
  recordType: row.record_type,
  recordId: row.record_id,
  ownerAgency: row.owner_agency,
  granteeAgency: row.grantee_agency,
  granteeSubject: row.grantee_subject,
  caseReference: row.case_reference,
  purpose: row.purpose,
  justification: row.justification,
  expiresAt: new Date(row.expires_at),
  grantedBy: { sub: row.granted_by_sub, issuer: row.granted_by_issuer, agency: row.granted_by_agency },
  createdAt: new Date(row.created_at),
  setVersion: row.set_version,
  revokedAt: date(row.revoked_at),
  revokedBy: person(row.revoked_by_sub, row.revoked_by_issuer),
  revokeReason: row.revoke_reason,
  reviewedAt: date(row.reviewed_at),
  reviewedBy: person(row.reviewed_by_sub, row.reviewed_by_issuer),
  reviewNote: row.review_note,
});

export const statusOf = (grant: StoredGrant, now = new Date()): GrantStatus =>
  grant.revokedAt ? "revoked" : grant.expiresAt.getTime() <= now.getTime() ? "expired" : "active";


export async function findGrant(db: DataSource | EntityManager, id: string, lock = false): Promise<StoredGrant | null> {
  if (!isUuid(id)) return null;
  const rows = (await db.query(`SELECT * FROM "policy_grant" WHERE "id" = $1${lock ? " FOR UPDATE" : ""}`, [id])) as GrantRow[];
  return rows[0] ? toGrant(rows[0]) : null;
}

export interface GrantFilter {
  readonly kind?: "consent" | "break-glass" | null;
  /** Only grants in force now (not revoked, not expired). */
  readonly activeOnly?: boolean | null;
  /** Only break-glass grants nobody has reviewed yet. */
  readonly pendingReview?: boolean | null;
  /** Only grants this agency owns or received (agency administrators and auditors see no others). */
  readonly agency?: string | null;
}

/** Grants, newest first. */
export async function listGrants(db: DataSource, filter: GrantFilter, limit = 500): Promise<StoredGrant[]> {
  const rows = (await db.query(
    `SELECT * FROM "policy_grant"
      WHERE ($1::text IS NULL OR "kind" = $1)
        AND (NOT $2::boolean OR ("revoked_at" IS NULL AND "expires_at" > now()))
        AND (NOT $3::boolean OR ("kind" = 'break-glass' AND "reviewed_at" IS NULL))
        AND ($4::text IS NULL OR "owner_agency" = $4 OR "grantee_agency" = $4)
      ORDER BY "created_at" DESC, "id" LIMIT $5`,
    [filter.kind ?? null, filter.activeOnly ?? false, filter.pendingReview ?? false, filter.agency ?? null, limit],
  )) as GrantRow[];
  return rows.map(toGrant);
}

/** The rules of every grant in force now, oldest first (the order is part of the set's version). */
export async function liveGrantRules(db: DataSource | EntityManager, kinds: SupergraphKinds): Promise<PolicyRule[]> {
  const rows = (await db.query(`SELECT * FROM "policy_grant" WHERE "revoked_at" IS NULL AND "expires_at" > now() ORDER BY "created_at", "id"`)) as GrantRow[];
  return rows.map(toGrant).flatMap((grant) => grantRules(grant, entryCoordinates(kinds, grant.recordType)));
}

export type NewGrant = Omit<GrantTerms, "id"> & {
  readonly justification: string | null;
  readonly grantedBy: { readonly sub: string; readonly issuer: string; readonly agency: string };
};

export const newGrantId = (): string => randomUUID();

export async function insertGrant(manager: EntityManager, id: string, grant: NewGrant, setVersion: string): Promise<StoredGrant> {
  const rows = (await manager.query(
    `INSERT INTO "policy_grant" ("id", "kind", "record_type", "record_id", "owner_agency", "grantee_agency", "grantee_subject", "case_reference", "purpose",
       "justification", "expires_at", "granted_by_sub", "granted_by_issuer", "granted_by_agency", "set_version")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING *`,
    [
      id, grant.kind, grant.recordType, grant.recordId, grant.ownerAgency, grant.granteeAgency, grant.granteeSubject, grant.caseReference, grant.purpose,
      grant.justification, grant.expiresAt, grant.grantedBy.sub, grant.grantedBy.issuer, grant.grantedBy.agency, setVersion,
    ],
  )) as GrantRow[];
  return toGrant(rows[0] as GrantRow);
}

export async function markRevoked(manager: EntityManager, id: string, by: { sub: string; issuer: string }, reason: string): Promise<StoredGrant> {
  const result: unknown = await manager.query(
    `UPDATE "policy_grant" SET "revoked_at" = now(), "revoked_by_sub" = $2, "revoked_by_issuer" = $3, "revoke_reason" = $4 WHERE "id" = $1 RETURNING *`,
    [id, by.sub, by.issuer, reason],
  );
  return toGrant(returnedRows<GrantRow>(result)[0] as GrantRow);
}

export async function markReviewed(manager: EntityManager, id: string, by: { sub: string; issuer: string }, note: string): Promise<StoredGrant> {
  const result: unknown = await manager.query(
    `UPDATE "policy_grant" SET "reviewed_at" = now(), "reviewed_by_sub" = $2, "reviewed_by_issuer" = $3, "review_note" = $4 WHERE "id" = $1 RETURNING *`,
    [id, by.sub, by.issuer, note],
  );
  return toGrant(returnedRows<GrantRow>(result)[0] as GrantRow);
}
