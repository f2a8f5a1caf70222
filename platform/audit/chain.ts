import { createHmac } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { storableRow } from "./storable.js";

/*
 * Append-only, hash-chained audit tables. Each row's hash is an HMAC, under a key kept outside the
 * database (key.ts), of its content and the previous row's hash: a changed or deleted row breaks
 * the chain from that point on, and write access to the table is not enough to recompute it. A
 * trigger refuses UPDATE, DELETE and TRUNCATE in the first place, the runtime role holds no such
 * privilege (restrict.ts), and anchors in the hub database catch a truncated tail (anchor.ts).
 */

export const GENESIS = "0".repeat(64);

/** Audit tables and their content columns, in hash order (seq, prev_hash and hash are the chain). */
export const AUDIT_TABLES = {
  access_audit: [
    "at", "request_id", "subject", "agency", "purpose", "justification",
    "entity_type", "entity_id", "fields_served", "fields_denied", "fields_masked", "policy_version",
    "issuer", "grant_rules", "actor",
  ],
  request_audit: [
    "at", "request_id", "subject", "agency", "purpose", "justification",
    "operation_name", "root_fields", "outcome", "error_codes", "policy_version",
    "client_request_id", "issuer", "actor",
  ],
  /** Hub database: the heads of every chain, recorded over time, so a truncated tail shows. */
  audit_anchor: ["at", "source", "head_seq", "head_hash", "rows"],
  /** Hub database: every administrative change (policy proposals, decisions), written with the change itself. */
  admin_audit: ["at", "request_id", "subject", "issuer", "agency", "action", "policy_id", "change_id", "detail"],
} as const;
export type AuditTable = keyof typeof AUDIT_TABLES;
export type AuditRow = Record<string, string | string[] | number | Date | null>;

function canonical(table: AuditTable, row: AuditRow): string {
  const values = AUDIT_TABLES[table].map((column) => {
    const value = row[column];
    // Numbers as text: a bigint column reads back as a string and must hash as it was written.
    return value instanceof Date ? value.toISOString() : typeof value === "number" ? String(value) : (value ?? null);
  });
  // Columns are only ever appended, nullable: trailing nulls are left out, so rows written
  // before a column was added hash as they did then and old chains still verify.
  while (values.length > 0 && values[values.length - 1] === null) values.pop();
  return JSON.stringify(values);
}

/** HMAC-SHA256 under the chain key of the previous row's hash and this row's content, hex. */
export const rowHash = (table: AuditTable, key: Buffer, prevHash: string, row: AuditRow): string =>
  createHmac("sha256", key).update(`${prevHash}\n${canonical(table, row)}`).digest("hex");

/** Statements of the audit start with this, so query counters can tell audit writes from data access. */
export const AUDIT_SQL_MARK = "/* audit */";

interface Pending {
  readonly rows: readonly AuditRow[];
  readonly key: Buffer;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Per data source and table: rows waiting for the next write, whether a write is under way, and
 * the chain's head as this writer last committed it (null: unknown, read it). The head is only a
 * guess: the insert checks it under the chain's lock, so another writer in between costs a re-read.
 */
interface Writer {
  queue: Pending[];
  writing: boolean;
  head: string | null;
}
const writers = new WeakMap<DataSource, Map<AuditTable, Writer>>();

/**
 * Appends rows, chained after the current last row, and resolves once they are committed.
 * Text values are first made storable (see storable.ts), so the hash covers exactly what is stored.
 * Group commit: rows of requests that arrive while a write is under way go together in the next
 * transaction, so concurrent requests share one round of statements. When that shared write fails,
 * each request's rows are retried alone, so only a request whose own rows fail is rejected (and
 * then withholds its answer).
 */
export function appendChained(dataSource: DataSource, table: AuditTable, rows: readonly AuditRow[], key: Buffer): Promise<void> {
  if (rows.length === 0) return Promise.resolve();
  let tables = writers.get(dataSource);
  if (!tables) {
    tables = new Map();
    writers.set(dataSource, tables);
  }
  let writer = tables.get(table);
  if (!writer) {
    writer = { queue: [], writing: false, head: null };
    tables.set(table, writer);
  }
  const state = writer;
  const stored = rows.map(storableRow);
  const done = new Promise<void>((resolve, reject) => state.queue.push({ rows: stored, key, resolve, reject }));
  if (!state.writing) void drain(dataSource, table, state);
  return done;
}

async function drain(dataSource: DataSource, table: AuditTable, state: Writer): Promise<void> {
  state.writing = true;
  while (state.queue.length > 0) {
    const batch = state.queue.splice(0, state.queue.length);
    try {
      await writeTransaction(dataSource, table, batch.flatMap((p) => p.rows.map((row) => ({ row, key: p.key }))), state);
      for (const pending of batch) pending.resolve();
    } catch (error) {
      if (batch.length === 1) batch[0]?.reject(error);
      else await writeEachAlone(dataSource, table, batch, state);
    }
  }
  state.writing = false;
}

/** After a failed group write: one transaction per request, in arrival order, so one bad row fails only its own request. */
async function writeEachAlone(dataSource: DataSource, table: AuditTable, batch: readonly Pending[], state: Writer): Promise<void> {
  for (const pending of batch) {
    try {
      await writeTransaction(dataSource, table, pending.rows.map((row) => ({ row, key: pending.key })), state);
      pending.resolve();
    } catch (error) {
      pending.reject(error);
    }
  }
}

/** A row to append and the key it is chained under. */
interface Keyed {
  readonly row: AuditRow;
  readonly key: Buffer;
}

/**
 * One transaction in three round trips, the answer waiting on each: begin and lock the chain
 * (one simple-protocol call; the table name is one of AUDIT_TABLES' keys, never input), insert
 * the rows chained on the head this writer last committed (checked in the insert itself, re-read
 * only when another writer came in between), commit.
 */
async function writeTransaction(dataSource: DataSource, table: AuditTable, rows: readonly Keyed[], state: Writer): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`${AUDIT_SQL_MARK} BEGIN; SELECT pg_advisory_xact_lock(hashtext('${table}'))`);
    const head = await insertChained(runner.manager, table, rows, state.head);
    await runner.query(`${AUDIT_SQL_MARK} COMMIT`);
    state.head = head;
  } catch (error) {
    state.head = null;
    await runner.query(`${AUDIT_SQL_MARK} ROLLBACK`).catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}

/**
 * Appends rows inside a transaction the caller holds open, so the audit row commits or rolls back
 * with the change it records (a policy change and its audit row are one transaction). Takes the
 * chain's lock until that transaction ends.
 */
export async function appendChainedIn(manager: EntityManager, table: AuditTable, rows: readonly AuditRow[], key: Buffer): Promise<void> {
  if (!manager.queryRunner?.isTransactionActive) throw new Error(`appendChainedIn(${table}): no transaction is open`);
  await manager.query(`${AUDIT_SQL_MARK} SELECT pg_advisory_xact_lock(hashtext($1))`, [table]);
  await insertChained(manager, table, rows.map((row) => ({ row: storableRow(row), key })), null);
}

/**
 * Rows per INSERT: every row travels in one JSON parameter (json_populate_recordset over the
 * table's own row type, so column types come from the table), not one parameter per value:
 * 1000 rows are one parameter instead of 17,000, which the driver and the server each parse far
 * faster. Bounded so one statement stays a few megabytes.
 */
const ROWS_PER_STATEMENT = 5000;

const readHead = async (manager: EntityManager, table: AuditTable): Promise<string> =>
  ((await manager.query(`${AUDIT_SQL_MARK} SELECT hash FROM ${table} ORDER BY seq DESC LIMIT 1`)) as Array<{ hash: string }>)[0]?.hash ?? GENESIS;

/**
 * Inserts the rows chained after `head` (null: read it), with the chain's lock held; returns the
 * new head. Each INSERT goes through only if the table's last hash is still the one the rows were
 * chained on; if another writer moved it, the head is read and the rows chained again.
 */
async function insertChained(manager: EntityManager, table: AuditTable, rows: readonly Keyed[], head: string | null): Promise<string> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error(`${table}: audit rows are appended inside a transaction`);
  let prev = head ?? (await readHead(manager, table));
  const content = AUDIT_TABLES[table];
  const columns = [...content, "prev_hash", "hash"].join(", ");
  let reread = false;
  for (let start = 0; start < rows.length; ) {
    const from = prev;
    const batch: Array<Record<string, unknown>> = [];
    for (const { row, key } of rows.slice(start, start + ROWS_PER_STATEMENT)) {
      const hash = rowHash(table, key, prev, row);
      const stored: Record<string, unknown> = { prev_hash: prev, hash };
      // Dates as ISO text (what the hash covers); PostgreSQL reads them back as the same instant.
      for (const column of content) stored[column] = row[column] ?? null;
      batch.push(stored);
      prev = hash;
    }
    // In the order given: seq (and so the chain's order) follows the rows' order.
    const inserted = await runner.query(
      `${AUDIT_SQL_MARK} INSERT INTO ${table} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${table}, $1::json) WITH ORDINALITY AS r ` +
        `WHERE (SELECT hash FROM ${table} ORDER BY seq DESC LIMIT 1) IS NOT DISTINCT FROM $2 ORDER BY r.ordinality`,
      [JSON.stringify(batch), from === GENESIS ? null : from],
      true,
    );
    if (inserted.affected === batch.length) {
      start += batch.length;
      reread = false;
      continue;
    }
    // Nothing inserted: the head moved (another writer, before this one took the lock). Read it
    // and chain these rows again, once: under the lock it cannot move a second time.
    if (inserted.affected !== 0 || reread) throw new Error(`${table}: the audit chain's head moved while its lock was held`);
    reread = true;
    prev = await readHead(manager, table);
  }
  return prev;
}

/** One row that does not follow from the rows before it. */
export interface ChainBreak {
  readonly seq: number;
  readonly reason: string;
}

export interface ChainReport {
  readonly table: AuditTable;
  readonly rows: number;
  readonly ok: boolean;
  /** Every break, in seq order; a row can break twice (its link and its content). */
  readonly breaks: readonly ChainBreak[];
  /** The first break's row and reason (null when the chain is intact). */
  readonly brokenAtSeq: number | null;
  readonly reason: string | null;
  /** The newest hash: record it elsewhere to detect a truncated tail later. */
  readonly head: string;
}

export const BREAK_LINK = "previous row missing or changed (prev_hash does not match)";
export const BREAK_CONTENT = "row content changed (hash does not match)";

/**
 * Recomputes the chain from the first row and reports every changed, inserted or missing row, not
 * only the first: each row's link is checked against the stored hash of the row before it, and its
 * content against its own stored prev_hash, so one break does not hide the ones after it.
 */
export async function verifyChain(dataSource: DataSource, table: AuditTable, key: Buffer): Promise<ChainReport> {
  const rows = (await dataSource.query(`SELECT * FROM ${table} ORDER BY seq`)) as Array<AuditRow & { seq: string; prev_hash: string; hash: string }>;
  const breaks: ChainBreak[] = [];
  let prev = GENESIS;
  for (const row of rows) {
    const seq = Number(row.seq);
    if (row.prev_hash !== prev) breaks.push({ seq, reason: BREAK_LINK });
    if (row.hash !== rowHash(table, key, row.prev_hash, row)) breaks.push({ seq, reason: BREAK_CONTENT });
    prev = row.hash;
  }
  const first = breaks[0];
  return { table, rows: rows.length, ok: breaks.length === 0, breaks, brokenAtSeq: first?.seq ?? null, reason: first?.reason ?? null, head: prev };
}
