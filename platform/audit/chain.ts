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

/** Statements of the audit start with this, so query counters can tell audit writes from data access. */
export const AUDIT_SQL_MARK = "/* audit */";

interface Pending {
  readonly rows: readonly AuditRow[];
  resolve(): void;
  reject(error: unknown): void;
}

/** Per data source and table: rows waiting for the next write, and whether a write is under way. */
const writers = new WeakMap<DataSource, Map<AuditTable, { queue: Pending[]; writing: boolean }>>();

/**
 * Appends rows, chained after the current last row, and resolves once they are committed.
 * Group commit: rows of requests that arrive while a write is under way go together in the next
 * transaction, so concurrent requests share one round of statements. A failed write rejects every
 * request in it (each then withholds its answer).
 */
export function appendChained(dataSource: DataSource, table: AuditTable, rows: readonly AuditRow[]): Promise<void> {
  if (rows.length === 0) return Promise.resolve();
  let tables = writers.get(dataSource);
  if (!tables) {
    tables = new Map();
    writers.set(dataSource, tables);
  }
  let writer = tables.get(table);
  if (!writer) {
    writer = { queue: [], writing: false };
    tables.set(table, writer);
  }
  const state = writer;
  const done = new Promise<void>((resolve, reject) => state.queue.push({ rows, resolve, reject }));
  if (!state.writing) void drain(dataSource, table, state);
  return done;
}

async function drain(dataSource: DataSource, table: AuditTable, state: { queue: Pending[]; writing: boolean }): Promise<void> {
  state.writing = true;
  while (state.queue.length > 0) {
    const batch = state.queue.splice(0, state.queue.length);
    try {
      await writeTransaction(dataSource, table, batch.flatMap((p) => p.rows));
      for (const pending of batch) pending.resolve();
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    }
  }
  state.writing = false;
}

/** One transaction: lock the chain, read its head, insert the rows with their hashes. */
async function writeTransaction(dataSource: DataSource, table: AuditTable, rows: readonly AuditRow[]): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`${AUDIT_SQL_MARK} BEGIN`);
    await insertChained(runner.manager, table, rows);
    await runner.query(`${AUDIT_SQL_MARK} COMMIT`);
  } catch (error) {
    await runner.query(`${AUDIT_SQL_MARK} ROLLBACK`).catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}

async function insertChained(manager: EntityManager, table: AuditTable, rows: readonly AuditRow[]): Promise<void> {
  {
    await manager.query(`${AUDIT_SQL_MARK} SELECT pg_advisory_xact_lock(hashtext($1))`, [table]);
    const last = (await manager.query(`${AUDIT_SQL_MARK} SELECT hash FROM ${table} ORDER BY seq DESC LIMIT 1`)) as Array<{ hash: string }>;
    let prev = last[0]?.hash ?? GENESIS;
    const columns = [...AUDIT_TABLES[table], "prev_hash", "hash"];
    // PostgreSQL binds at most 65535 parameters per statement: insert in chunks.
    const perStatement = Math.floor(60_000 / columns.length);
    for (let start = 0; start < rows.length; start += perStatement) {
      const values: unknown[] = [];
      const tuples: string[] = [];
      for (const row of rows.slice(start, start + perStatement)) {
        const hash = rowHash(table, prev, row);
        const base = values.length;
        values.push(...AUDIT_TABLES[table].map((c) => row[c] ?? null), prev, hash);
        tuples.push(`(${columns.map((_, i) => `$${base + i + 1}`).join(", ")})`);
        prev = hash;
      }
      await manager.query(`${AUDIT_SQL_MARK} INSERT INTO ${table} (${columns.join(", ")}) VALUES ${tuples.join(", ")}`, values);
    }
  }
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
