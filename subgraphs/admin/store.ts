import type { DataSource, EntityManager } from "typeorm";
import { buildPolicySet, PolicyError, type PolicyRule, type PolicySet } from "../../policies/index.js";
import type { LiaisonConfig } from "../../platform/config.js";
import { readActivePolicy, type ActiveDocuments } from "../../platform/policy-store/index.js";
import { readSupergraph } from "../../schema/supergraph.js";
import { invalidDocument, rawDocument } from "./documents.js";
import { isGrantRuleId, withGrants } from "./grants/rules.js";

/** One stored document version. */
export interface StoredVersion {
  readonly policyId: string;
  readonly version: number;
  readonly content: unknown;
  readonly author: string;
  readonly authorIssuer: string | null;
  readonly createdAt: Date;
  readonly comment: string;
  readonly changeId: string | null;
}

interface VersionRow {
  policy_id: string;
  version: number;
  content: unknown;
  author: string;
  author_issuer: string | null;
  created_at: Date;
  comment: string;
  change_id: string | null;
}

const toVersion = (row: VersionRow): StoredVersion => ({
  policyId: row.policy_id,
  version: Number(row.version),
  content: row.content,
  author: row.author,
  authorIssuer: row.author_issuer,
  createdAt: new Date(row.created_at),
  comment: row.comment,
  changeId: row.change_id,
});

const VERSION_COLUMNS = `"policy_id", "version", "content", "author", "author_issuer", "created_at", "comment", "change_id"`;

/**
 * Serialises every write to the policy store (import, approval): the base-version check, the new
 * version number and the activation then see no concurrent write. Held until the transaction ends.
 */
export async function lockPolicyStore(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('liaison.policy_store'))`);
}

/**
 * The documents of the active set, at their active versions, by id (empty before any set is
 * stored), and the rules of the grants in force in it (a new set keeps them: grants/rules.ts).
 */
export async function activeVersions(
  db: DataSource | EntityManager,
): Promise<{ documents: ActiveDocuments; versions: Map<string, StoredVersion>; grants: PolicyRule[] }> {
  const active = await readActivePolicy(db);
  const documents = active?.documents ?? {};
  const now = Date.now();
  const grants = (active?.set.rules ?? []).filter((r) => isGrantRuleId(r.id) && (!r.when?.validUntil || now < Date.parse(r.when.validUntil)));
  const ids = Object.keys(documents);
  const rows = (await db.query(
    `SELECT ${VERSION_COLUMNS.split(", ").map((c) => `v.${c}`).join(", ")} FROM "policy_document_version" v
       JOIN unnest($1::text[], $2::int[]) AS d("id", "version") ON v."policy_id" = d."id" AND v."version" = d."version"`,
    [ids, ids.map((id) => documents[id])],
  )) as VersionRow[];
  return { documents, versions: new Map(rows.map((row) => [row.policy_id, toVersion(row)])), grants };
}

export async function documentVersion(db: DataSource | EntityManager, policyId: string, version: number): Promise<StoredVersion | null> {
  const rows = (await db.query(`SELECT ${VERSION_COLUMNS} FROM "policy_document_version" WHERE "policy_id" = $1 AND "version" = $2`, [policyId, version])) as VersionRow[];
  return rows[0] ? toVersion(rows[0]) : null;
}

/** Every version of a document, newest first. */
export async function documentHistory(db: DataSource | EntityManager, policyId: string): Promise<StoredVersion[]> {
  const rows = (await db.query(`SELECT ${VERSION_COLUMNS} FROM "policy_document_version" WHERE "policy_id" = $1 ORDER BY "version" DESC`, [policyId])) as VersionRow[];
  return rows.map(toVersion);
}

/** Stores a document version; returns its number (one past the highest stored). */
export async function insertVersion(
  manager: EntityManager,
  policyId: string,
  content: unknown,
  author: { sub: string; issuer: string | null },
  comment: string,
  changeId: string | null,
): Promise<number> {
  const rows = (await manager.query(
    `INSERT INTO "policy_document_version" ("policy_id", "version", "content", "author", "author_issuer", "comment", "change_id")
     SELECT $1, COALESCE(MAX("version"), 0) + 1, $2, $3, $4, $5, $6 FROM "policy_document_version" WHERE "policy_id" = $1
     RETURNING "version"`,
    [policyId, JSON.stringify(content), author.sub, author.issuer, comment, changeId],
  )) as Array<{ version: number }>;
  return Number(rows[0]?.version);
}

/**
 * The whole set the active documents make with `policyId` replaced by (or added as) `content`,
 * validated like the files are at start, with the grants in force after the documents' rules; an
 * invalid set is BAD_USER_INPUT naming every problem.
 */
export async function candidateSet(
  versions: ReadonlyMap<string, StoredVersion>,
  policyId: string,
  content: unknown,
  config: Pick<LiaisonConfig, "purposes">,
  grants: readonly PolicyRule[],
): Promise<PolicySet> {
  const contents = new Map([...versions].map(([id, v]) => [id, v.content]));
  contents.set(policyId, content);
  // The order the files load in (sorted by name), so the same documents give the same set version.
  const documents = [...contents.keys()].sort().map((id) => rawDocument(id, contents.get(id)));
  try {
    return withGrants(buildPolicySet(documents, await readSupergraph(), config.purposes), grants);
  } catch (error) {
    if (error instanceof PolicyError) throw invalidDocument(policyId, error.problems);
    throw error;
  }
}
