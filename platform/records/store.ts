import { randomUUID } from "node:crypto";
import DataLoader from "dataloader";
import { In, type DataSource, type EntityTarget } from "typeorm";
import { conflict } from "../../schema/errors.js";
import type { IdentifierKind } from "../../schema/identifiers/index.js";
import { IdentifierMention } from "./mention.entity.js";
import type { AgencyRecordEntity } from "./record.entity.js";

export type NewRecord<E extends AgencyRecordEntity> = Omit<E, "id" | "createdAt">;

/**
 * Writes a record and its identifier mentions in one transaction. The agency's reference makes
 * it idempotent: the same reference with the same content returns the stored record; with
 * different content it is a CONFLICT, never a silent overwrite.
 */
export async function saveRecordOnce<E extends AgencyRecordEntity>(
  dataSource: DataSource,
  target: EntityTarget<E>,
  record: NewRecord<E>,
): Promise<{ record: E; created: boolean }> {
  return dataSource.transaction(async (manager) => {
    const repo = manager.getRepository(target);
    const existing = await repo.findOne({ where: { reference: record.reference } as never });
    if (existing) return { record: sameOrConflict(existing, record), created: false };
    const id = randomUUID();
    const inserted = await repo
      .createQueryBuilder()
      .insert()
      .values({ ...record, id } as never)
      // A concurrent writer with the same reference wins; we then compare below. A clash on any
      // other unique column is an error, reported as CONFLICT.
      .orUpdate([], ["reference"])
      .returning("id")
      .execute()
      .catch(rethrowUniqueViolation);
    if (inserted.raw.length === 0) {
      const winner = await repo.findOneOrFail({ where: { reference: record.reference } as never });
      return { record: sameOrConflict(winner, record), created: false };
    }
    if (record.identifiers.length > 0) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(IdentifierMention)
        .values(record.identifiers.map((ref) => ({ recordId: id, kind: ref.kind, value: ref.value })))
        .orIgnore()
        .execute();
    }
    return { record: await repo.findOneOrFail({ where: { id } as never }), created: true };
  });
}

function rethrowUniqueViolation(error: unknown): never {
  if ((error as { code?: string }).code === "23505") throw conflict("the record conflicts with one already stored");
  throw error;
}

function sameOrConflict<E extends AgencyRecordEntity>(existing: E, incoming: NewRecord<E>): E {
  if (existing.contentHash !== incoming.contentHash) {
    throw conflict(`reference "${incoming.reference}" is already used for a different record`);
  }
  return existing;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (id: string): boolean => UUID.test(id);

/** Loads records by id in one query per batch; unknown or malformed ids resolve to null. */
export function recordsByIdLoader<E extends AgencyRecordEntity>(dataSource: DataSource, target: EntityTarget<E>): DataLoader<string, E | null> {
  return new DataLoader<string, E | null>(async (ids) => {
    const valid = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
    const rows = valid.length === 0 ? [] : await dataSource.getRepository(target).find({ where: { id: In(valid) } as never });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
  });
}

/**
 * Loads, for many identifier values of one kind, the records that mention each: one query per
 * batch whatever the number of identifiers (the no-N+1 rule).
 */
export function recordsByIdentifierLoader<E extends AgencyRecordEntity>(
  dataSource: DataSource,
  target: EntityTarget<E>,
  kind: IdentifierKind,
): DataLoader<string, E[]> {
  return new DataLoader<string, E[]>(async (values) => {
    const wanted = [...new Set(values)];
    const rows = await dataSource
      .getRepository(target)
      .createQueryBuilder("r")
      .where(`r.id IN (SELECT m.record_id FROM identifier_mention m WHERE m.kind = :kind AND m.value = ANY(:values))`, { kind, values: wanted })
      .orderBy("r.occurred_at", "DESC")
      .addOrderBy("r.id", "DESC")
      .getMany();
    return values.map((value) => rows.filter((row) => row.identifiers.some((ref) => ref.kind === kind && ref.value === value)));
  });
}

/**
 * Changes a stored record inside one transaction (e.g. adding parties to a case) and keeps the
 * mention index in step with the record's new identifier list. `change` receives the locked row
 * and returns the new column values, or null when nothing changes (an idempotent repeat).
 */
export async function updateRecordOnce<E extends AgencyRecordEntity>(
  dataSource: DataSource,
  target: EntityTarget<E>,
  id: string,
  change: (current: E) => Partial<E> | null,
): Promise<E | null> {
  return dataSource.transaction(async (manager) => {
    const repo = manager.getRepository(target);
    const current = await repo.findOne({ where: { id } as never, lock: { mode: "pessimistic_write" } });
    if (!current) return null;
    const next = change(current);
    if (!next) return current;
    await repo.update({ id } as never, next as never);
    if (next.identifiers) {
      await manager.createQueryBuilder().delete().from(IdentifierMention).where("record_id = :id", { id }).execute();
      if (next.identifiers.length > 0) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(IdentifierMention)
          .values(next.identifiers.map((ref) => ({ recordId: id, kind: ref.kind, value: ref.value })))
          .execute();
      }
    }
    return repo.findOneOrFail({ where: { id } as never });
  });
}
