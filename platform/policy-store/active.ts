import type { DataSource, EntityManager } from "typeorm";
import type { PolicyRule, PolicySet } from "../../policies/index.js";

/** The channel an activation notifies (PostgreSQL LISTEN/NOTIFY; the embedded database polls). */
export const POLICY_CHANNEL = "liaison_policy";

/** Which version of each document makes up the active set. */
export type ActiveDocuments = Readonly<Record<string, number>>;

export interface ActivePolicy {
  readonly set: PolicySet;
  readonly documents: ActiveDocuments;
  readonly changedAt: Date;
}

/** The active set's version only: a cheap check for pollers. Null before any set is stored. */
export async function readActiveVersion(db: DataSource | EntityManager): Promise<string | null> {
  const rows = (await db.query(`SELECT "set_version" FROM "policy_active" WHERE "id" = 1`)) as Array<{ set_version: string }>;
  return rows[0]?.set_version ?? null;
}

/** The active, validated set as stored by the last activation; null before any set is stored. */
export async function readActivePolicy(db: DataSource | EntityManager): Promise<ActivePolicy | null> {
  const rows = (await db.query(`SELECT "set_version", "rules", "documents", "changed_at" FROM "policy_active" WHERE "id" = 1`)) as Array<{
    set_version: string;
    rules: PolicyRule[];
    documents: Record<string, number>;
    changed_at: Date;
  }>;
  const row = rows[0];
  return row ? { set: { version: row.set_version, rules: row.rules }, documents: row.documents, changedAt: new Date(row.changed_at) } : null;
}

/**
 * Makes a validated set the active one. Call inside the transaction that records why (the approval
 * or rollback and its audit row), so the set and its reason commit together; listeners hear of it
 * on commit.
 */
export async function writeActivePolicy(manager: EntityManager, set: PolicySet, documents: ActiveDocuments): Promise<void> {
  await manager.query(
    `INSERT INTO "policy_active" ("id", "set_version", "rules", "documents", "changed_at") VALUES (1, $1, $2, $3, now())
     ON CONFLICT ("id") DO UPDATE SET "set_version" = EXCLUDED."set_version", "rules" = EXCLUDED."rules", "documents" = EXCLUDED."documents", "changed_at" = now()`,
    [set.version, JSON.stringify(set.rules), JSON.stringify(documents)],
  );
  await manager.query(`SELECT pg_notify($1, $2)`, [POLICY_CHANNEL, set.version]);
}
