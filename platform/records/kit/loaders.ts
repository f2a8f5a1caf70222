import DataLoader from "dataloader";
import type { ClassType } from "type-graphql";
import { In, type DataSource, type EntityTarget } from "typeorm";
import type { IdentifierKind } from "../../../schema/identifiers/index.js";
import type { AccessContext } from "../../access/index.js";
import { HIT_HANDLINGS } from "../hit.js";
import { IdentifierMention } from "../mention.entity.js";
import type { AgencyRecordEntity } from "../record.entity.js";
import { sortKeySql, whereVisible, type ListTarget } from "./list.js";

/** At most this many records per identifier in `Phone.cases` and the like (newest first). */
export const MENTION_LIST_MAX = 100;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (id: string): boolean => UUID.test(id);

/** Loads records by id in one query per batch; unknown or malformed ids resolve to null. */
export function byIdLoader<E extends AgencyRecordEntity>(dataSource: DataSource, entity: EntityTarget<E>): DataLoader<string, E | null> {
  return new DataLoader<string, E | null>(async (ids) => {
    const valid = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
    const rows = valid.length === 0 ? [] : await dataSource.getRepository(entity).find({ where: { id: In(valid) } as never });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
  });
}

/**
 * Loads records by another key (a postal item's S10 id) in one query per batch. Several records
 * may share one key; the newest the caller may know exists answers for it.
 */
export function byKeyLoader<E extends AgencyRecordEntity>(
  dataSource: DataSource,
  entity: EntityTarget<E>,
  target: ListTarget,
  key: { readonly field: string; readonly column: string; normalise(value: string): string | null },
  access: AccessContext | null,
): DataLoader<string, E | null> {
  return new DataLoader<string, E | null>(async (values) => {
    const keys = values.map((value) => key.normalise(value));
    const wanted = [...new Set(keys.filter((k): k is string => k !== null))];
    if (wanted.length === 0 || !access) return keys.map(() => null);
    const query = dataSource.getRepository(entity).createQueryBuilder("r").where(`r.${key.column} IN (:...keys)`, { keys: wanted });
    whereVisible(query, target, access);
    const rows = await query.orderBy("r.created_at", "DESC").addOrderBy("r.id", "DESC").getMany();
    const first = new Map<string, E>();
    for (const row of rows) {
      const value = String((row as Record<string, unknown>)[key.field]);
      if (!first.has(value)) first.set(value, row);
    }
    return keys.map((k) => (k === null ? null : (first.get(k) ?? null)));
  });
}

/**
 * For many identifier values of one kind, the records that mention each, visible to the caller,
 * newest first and at most MENTION_LIST_MAX per value: one query per batch whatever the number of
 * identifiers (the no-N+1 rule), bounded whatever the number of records held.
 */
export function mentioningLoader<E extends AgencyRecordEntity>(
  dataSource: DataSource,
  entity: EntityTarget<E>,
  target: ListTarget,
  kind: IdentifierKind,
  access: AccessContext | null,
): DataLoader<string, E[]> {
  return new DataLoader<string, E[]>(async (values) => {
    if (!access) return values.map(() => []);
    const wanted = [...new Set(values)];
    const repo = dataSource.getRepository(entity);
    // The ranking sub-query: per identifier, the newest visible records, bounded.
    const ranked = repo.createQueryBuilder("r2").innerJoin(IdentifierMention, "m2", "m2.record_id = r2.id AND m2.kind = :kind AND m2.value = ANY(:values)");
    whereVisible(ranked, target, access, "r2");
    const innerKey = sortKeySql("r2", target, access);
    ranked.select("m2.record_id", "record_id").addSelect(`row_number() OVER (PARTITION BY m2.value ORDER BY ${innerKey.sql} DESC NULLS LAST, r2.id DESC)`, "rn");
    const key = sortKeySql("r", target, access);
    const { entities, raw } = await repo
      .createQueryBuilder("r")
      .innerJoin(IdentifierMention, "m", "m.record_id = r.id AND m.kind = :kind AND m.value = ANY(:values)")
      .addSelect("m.value", "mention_value")
      .where(`r.id IN (SELECT ranked.record_id FROM (${ranked.getQuery()}) ranked WHERE ranked.rn <= :limit)`)
      .setParameters({ ...ranked.getParameters(), ...innerKey.params, ...key.params, kind, values: wanted, limit: MENTION_LIST_MAX })
      .orderBy(key.sql, "DESC", "NULLS LAST")
      .addOrderBy("r.id", "DESC")
      .getRawAndEntities();
    const byId = new Map(entities.map((row) => [row.id, row]));
    const perValue = new Map<string, E[]>();
    for (const row of raw as Array<Record<string, unknown>>) {
      const record = byId.get(String(row.r_id));
      const value = String(row.mention_value);
      if (!record) continue;
      const list = perValue.get(value) ?? [];
      if (list.length < MENTION_LIST_MAX) list.push(record);
      perValue.set(value, list);
    }
    return values.map((value) => perValue.get(value) ?? []);
  });
}

/**
 * Hit/no-hit for many identifier values of one kind in one query: whether any record that may be
 * disclosed as a hit mentions each. An existence test: no record is loaded.
 */
export function hitLoader(dataSource: DataSource, entity: ClassType<AgencyRecordEntity>, kind: IdentifierKind): DataLoader<string, boolean> {
  return new DataLoader<string, boolean>(async (values) => {
    const rows = (await dataSource
      .getRepository(IdentifierMention)
      .createQueryBuilder("m")
      .select("DISTINCT m.value", "value")
      .innerJoin(entity, "r", "r.id = m.record_id")
      .where("m.kind = :kind AND m.value = ANY(:values)", { kind, values: [...new Set(values)] })
      .andWhere("r.handling IN (:...handlings)", { handlings: [...HIT_HANDLINGS] })
      .getRawMany()) as Array<{ value: string }>;
    const hits = new Set(rows.map((row) => row.value));
    return values.map((value) => hits.has(value));
  });
}
