import type { DataSource, EntityManager } from "typeorm";
import type { Agency } from "../../../schema/enums.js";
import type { NewOperation, OperationPeriod } from "./operation.input.js";

/** A joint operation as the hub database holds it (platform/operations owns the table). */
export interface StoredOperation extends OperationPeriod {
  readonly id: string;
  readonly name: string;
  readonly memberAgencies: readonly Agency[];
  readonly createdAt: Date;
  readonly createdBy: string | null;
  readonly updatedAt: Date;
  readonly updatedBy: string | null;
  readonly closedAt: Date | null;
  readonly closedBy: string | null;
  readonly closeReason: string | null;
}

/** What an edit may change on an open operation. */
export type OperationState = Pick<StoredOperation, "name" | "memberAgencies" | "validFrom" | "validTo">;

export interface Author {
  readonly sub: string;
  readonly issuer: string;
}

const SELECT = `SELECT "id", "name", "member_agencies" AS "memberAgencies",
  to_char("valid_from", 'YYYY-MM-DD') AS "validFrom", to_char("valid_to", 'YYYY-MM-DD') AS "validTo",
  "created_at" AS "createdAt", "created_by" AS "createdBy", "updated_at" AS "updatedAt", "updated_by" AS "updatedBy",
  "closed_at" AS "closedAt", "closed_by" AS "closedBy", "close_reason" AS "closeReason"
  FROM "joint_operation"`;

const stored = (row: StoredOperation): StoredOperation => ({
  ...row,
  createdAt: new Date(row.createdAt),
  updatedAt: new Date(row.updatedAt),
  closedAt: row.closedAt === null ? null : new Date(row.closedAt),
});

/** One operation by id, locked for a change when asked; null when unknown. */
export async function findOperation(db: DataSource | EntityManager, id: string, lock = false): Promise<StoredOperation | null> {
  const rows = (await db.query(`${SELECT} WHERE "id" = $1${lock ? " FOR UPDATE" : ""}`, [id])) as StoredOperation[];
  return rows[0] ? stored(rows[0]) : null;
}

/** Every operation, closed ones included (they are history), by id. */
export async function listOperations(db: DataSource): Promise<StoredOperation[]> {
  return ((await db.query(`${SELECT} ORDER BY "id"`)) as StoredOperation[]).map(stored);
}

/** Inserts a new operation; null when the id is taken (by an open or a closed one: ids are never reused). */
export async function insertOperation(manager: EntityManager, operation: NewOperation, author: Author): Promise<StoredOperation | null> {
  const inserted = (await manager.query(
    `INSERT INTO "joint_operation" ("id", "name", "member_agencies", "valid_from", "valid_to", "created_by", "created_by_issuer", "updated_by")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $6) ON CONFLICT ("id") DO NOTHING RETURNING "id"`,
    [operation.id, operation.name, [...operation.memberAgencies], operation.validFrom, operation.validTo, author.sub, author.issuer],
  )) as Array<{ id: string }>;
  return inserted.length === 0 ? null : findOperation(manager, operation.id);
}

/** Writes an open operation's new state (locked by the caller's transaction) and answers it as stored. */
export async function saveOperation(manager: EntityManager, id: string, state: OperationState, author: Author): Promise<StoredOperation> {
  await manager.query(
    `UPDATE "joint_operation" SET "name" = $2, "member_agencies" = $3, "valid_from" = $4, "valid_to" = $5, "updated_at" = now(), "updated_by" = $6 WHERE "id" = $1`,
    [id, state.name, [...state.memberAgencies], state.validFrom, state.validTo, author.sub],
  );
  return reread(manager, id);
}

/** Closes an operation for good: it stays as history and counts for nobody. */
export async function closeOperationRow(manager: EntityManager, id: string, reason: string, author: Author): Promise<StoredOperation> {
  await manager.query(
    `UPDATE "joint_operation" SET "closed_at" = now(), "closed_by" = $2, "close_reason" = $3, "updated_at" = now(), "updated_by" = $2 WHERE "id" = $1`,
    [id, author.sub, reason],
  );
  return reread(manager, id);
}

async function reread(manager: EntityManager, id: string): Promise<StoredOperation> {
  const operation = await findOperation(manager, id);
  if (!operation) throw new Error(`joint operation ${id} vanished inside its own transaction`);
  return operation;
}
