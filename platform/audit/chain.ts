import { createHash } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";

/*
 * Append-only, hash-chained audit tables. Each row's hash covers its content and the previous
 * row's hash, so a changed or deleted row breaks the chain from that point on; a trigger refuses
 * UPDATE, DELETE and TRUNCATE in the first place.
 */

export const GENESIS = "0".repeat(64);

/** Audit tables and their content columns, in hash order (seq, prev_hash and hash are the chain). */
export const AUDIT_TABLES = {
  access_audit: [
    "at", "request_id", "subject", "agency", "purpose", "justification",
    "entity_type", "entity_id", "fields_served", "fields_denied", "fields_masked", "policy_version",
  ],
  request_audit: [
    "at", "request_id", "subject", "agency", "purpose", "justification",
    "operation_name", "root_fields", "outcome", "error_codes", "policy_version",
  ],
} as const;
export type AuditTable = keyof typeof AUDIT_TABLES;
export type AuditRow = Record<string, string | string[] | Date | null>;

function canonical(table: AuditTable, row: AuditRow): string {
  return JSON.stringify(AUDIT_TABLES[table].map((column) => {
    const value = row[column];
    return value instanceof Date ? value.toISOString() : (value ?? null);
  }));
}

export const rowHash = (table: AuditTable, prevHash: string, row: AuditRow): string =>
  createHash("sha256").update(`${prevHash}\n${canonical(table, row)}`).digest("hex");

/** Appends rows in one transaction, chained after the current last row (serialised by an advisory lock). */
export async function appendChained(dataSource: DataSource, table: AuditTable, rows: readonly AuditRow[]): Promise<void> {
  if (rows.length === 0) return;
  await dataSource.transaction(async (manager: EntityManager) => {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [table]);
    const last = (await manager.query(`SELECT hash FROM ${table} ORDER BY seq DESC LIMIT 1`)) as Array<{ hash: string }>;
    let prev = last[0]?.hash ?? GENESIS;
    const columns = AUDIT_TABLES[table];
    const values: unknown[] = [];
    const tuples: string[] = [];
    for (const row of rows) {
      const hash = rowHash(table, prev, row);
      const base = values.length;
      values.push(...columns.map((c) => row[c] ?? null), prev, hash);
      tuples.push(`(${[...columns, "prev_hash", "hash"].map((_, i) => `$${base + i + 1}`).join(", ")})`);
      prev = hash;
    }
    await manager.query(`INSERT INTO ${table} (${[...columns, "prev_hash", "hash"].join(", ")}) VALUES ${tuples.join(", ")}`, values);
  });
}

export interface ChainReport {
  readonly table: AuditTable;
  readonly rows: number;
  readonly ok: boolean;
  /** The first row whose hash does not follow from the rows before it. */
  readonly brokenAtSeq: number | null;
  readonly reason: string | null;
  /** The newest hash: record it elsewhere to detect a truncated tail later. */
  readonly head: string;
}

/** Recomputes the chain from the first row; reports the first changed, inserted or missing row. */
export async function verifyChain(dataSource: DataSource, table: AuditTable): Promise<ChainReport> {
  const rows = (await dataSource.query(`SELECT * FROM ${table} ORDER BY seq`)) as Array<AuditRow & { seq: string; prev_hash: string; hash: string }>;
  let prev = GENESIS;
  for (const row of rows) {
    if (row.prev_hash !== prev) {
      return { table, rows: rows.length, ok: false, brokenAtSeq: Number(row.seq), reason: "previous row missing or changed (prev_hash does not match)", head: prev };
    }
    const expected = rowHash(table, prev, row);
    if (row.hash !== expected) return { table, rows: rows.length, ok: false, brokenAtSeq: Number(row.seq), reason: "row content changed (hash does not match)", head: prev };
    prev = row.hash;
  }
  return { table, rows: rows.length, ok: true, brokenAtSeq: null, reason: null, head: prev };
}
