import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from "typeorm";
import { badInput, forbidden } from "../../../schema/errors.js";
import { ENVELOPE_FIELDS, visibilitySql, type AccessContext } from "../../access/index.js";
import type { ConnectionResult } from "../connection.js";
import type { CursorSealer, SortKey } from "./cursor.js";
import type { FilterCondition } from "./declaration.js";

/** What a list query needs to know of its record type. */
export interface ListTarget {
  readonly typeName: string;
  readonly agency: string;
  readonly dateField: string;
  readonly columns: Readonly<Record<string, readonly string[]>>;
}

/** Columns of the envelope every record table has, and the fields they reveal. */
export function envelopeColumns(dateField: string): Record<string, readonly string[]> {
  return { reference: ["reference"], handling: ["handling"], operation_id: ["operationId"], occurred_at: [dateField] };
}

/** Only records the caller may know exist. */
export function whereVisible<E extends ObjectLiteral>(query: SelectQueryBuilder<E>, target: ListTarget, access: AccessContext, alias = query.alias): void {
  const visible = visibilitySql(alias, access.policy.visibility(target.typeName, "id"), access.subject, `${alias}id`, target.agency);
  query.andWhere(visible.sql, visible.params);
}

/**
 * Adds filter conditions as SQL the kit writes itself, so what each condition reads is known:
 * every record field a filtered column reveals must be visible to the caller. Where policy hides
 * that field on every record the caller could list, the filter is refused with the rule
 * (FORBIDDEN); otherwise only records whose field the caller may see can match.
 */
export function applyConditions<E extends ObjectLiteral>(query: SelectQueryBuilder<E>, target: ListTarget, conditions: readonly FilterCondition[], access: AccessContext): void {
  const a = query.alias;
  const revealed = new Set<string>();
  conditions.forEach((condition, i) => {
    const fields = target.columns[condition.column];
    // A programming error (an agency filtering on an undeclared column), never a caller's.
    if (!fields) throw new Error(`${target.typeName}: column ${condition.column} is not declared filterable`);
    for (const field of fields) revealed.add(field);
    const col = `${a}.${condition.column}`;
    const p = `f${i}`;
    switch (condition.op) {
      case "eq":
        query.andWhere(`${col} = :${p}`, { [p]: condition.value });
        break;
      case "in":
        query.andWhere(`${col} IN (:...${p})`, { [p]: [...condition.value] });
        break;
      case "has":
        // Containment, so a GIN index on the array serves it.
        query.andWhere(`${col} @> ARRAY[:${p}]::text[]`, { [p]: condition.value });
        break;
      case "gte":
        query.andWhere(`${col} >= :${p}`, { [p]: condition.value });
        break;
      case "lt":
        query.andWhere(`${col} < :${p}`, { [p]: condition.value });
        break;
    }
  });
  for (const field of revealed) {
    if (ENVELOPE_FIELDS.has(field)) continue;
    const visible = visibilitySql(a, access.policy.visibility(target.typeName, field), access.subject, `f${field}`, target.agency);
    if (visible.never) throw forbidden(`Not authorised to filter on ${target.typeName}.${field}`, visible.never);
    if (!visible.always) query.andWhere(visible.sql, visible.params);
  }
}

/**
 * The sort key: newest first by the record's date where the caller may see that date; records
 * whose date is withheld come after, in id order (random), so their position tells nothing.
 */
export function sortKeySql(alias: string, target: ListTarget, access: AccessContext): { sql: string; params: Record<string, unknown> } {
  const dateVisible = visibilitySql(alias, access.policy.visibility(target.typeName, target.dateField), access.subject, `${alias}sort`, target.agency);
  if (dateVisible.always) return { sql: `${alias}.occurred_at`, params: {} };
  if (dateVisible.never) return { sql: "NULL::timestamptz", params: {} };
  return { sql: `(CASE WHEN ${dateVisible.sql} THEN ${alias}.occurred_at END)`, params: dateVisible.params };
}

export interface PageRequest {
  readonly first: number;
  readonly after: string | null;
  /** Binds cursors to the list, filter and caller they were issued for. */
  readonly binding: string;
  readonly sealer: CursorSealer;
}

/** Keyset pagination on the sort key; one query per page, plus one COUNT only when `totalCount` is selected. */
export async function paginate<E extends ObjectLiteral & { occurredAt: Date; id: string }, V>(
  query: SelectQueryBuilder<E>,
  target: ListTarget,
  access: AccessContext,
  page: PageRequest,
  toView: (row: E) => V,
): Promise<ConnectionResult<V>> {
  const a = query.alias;
  const key = sortKeySql(a, target, access);
  const counting = query.clone();
  query.addSelect(key.sql, "sort_key").setParameters(key.params);
  if (page.after) {
    const [at, id] = page.sealer.open(page.after, page.binding);
    query.andWhere(
      new Brackets((qb) => {
        if (at === null) qb.where(`(${key.sql} IS NULL AND ${a}.id < :cursorId)`, { ...key.params, cursorId: id });
        else qb.where(`(${key.sql} < :cursorAt OR (${key.sql} = :cursorAt AND ${a}.id < :cursorId) OR ${key.sql} IS NULL)`, { ...key.params, cursorAt: at, cursorId: id });
      }),
    );
  }
  const { entities, raw } = await query
    .orderBy(key.sql, "DESC", "NULLS LAST")
    .addOrderBy(`${a}.id`, "DESC")
    .limit(page.first + 1)
    .getRawAndEntities();
  const keys = new Map<string, string | null>();
  for (const row of raw as Array<Record<string, unknown>>) {
    const sortAt = row.sort_key;
    keys.set(String(row[`${a}_id`]), sortAt === null || sortAt === undefined ? null : new Date(sortAt as string | Date).toISOString());
  }
  const rows = entities.slice(0, page.first);
  const edges = rows.map((row) => {
    const sortKey: SortKey = [keys.get(row.id) ?? null, row.id];
    return { cursor: page.sealer.seal(sortKey, page.binding), node: toView(row) };
  });
  const result = { edges, pageInfo: { hasNextPage: entities.length > page.first, endCursor: edges.at(-1)?.cursor ?? null } };
  return Object.defineProperty(result, "totalCount", { get: () => counting.getCount(), enumerable: false }) as ConnectionResult<V>;
}

/** `first` within 1..max (default 20). */
export function pageSize(first: number | null | undefined, max: number): number {
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 1 || size > max) throw badInput(`first must be from 1 to ${max}`, { field: "first" });
  return size;
}
