import { Field, InputType } from "type-graphql";
import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { Handling } from "../../schema/enums.js";
import { isoDate } from "./validate.js";

/** Filter fields every record list accepts; agency filters extend it. */
@InputType()
export abstract class RecordFilter {
  @Field(() => String, { nullable: true }) reference?: string | null;
  @Field(() => [Handling], { nullable: true }) handling?: Handling[] | null;
  @Field(() => String, { nullable: true }) operationId?: string | null;
  @Field(() => String, { nullable: true, description: "On or after this date (YYYY-MM-DD)" }) from?: string | null;
  @Field(() => String, { nullable: true, description: "On or before this date (YYYY-MM-DD)" }) to?: string | null;
}

/** Adds the shared filter conditions; values are bound parameters, never spliced into SQL. */
export function applyRecordFilter<E extends ObjectLiteral>(query: SelectQueryBuilder<E>, filter: RecordFilter | null | undefined): SelectQueryBuilder<E> {
  const a = query.alias;
  if (!filter) return query;
  if (filter.reference) query.andWhere(`${a}.reference = :reference`, { reference: filter.reference.trim() });
  if (filter.handling?.length) query.andWhere(`${a}.handling IN (:...handling)`, { handling: filter.handling });
  if (filter.operationId) query.andWhere(`${a}.operation_id = :operationId`, { operationId: filter.operationId.trim() });
  if (filter.from) query.andWhere(`${a}.occurred_at >= :from`, { from: `${isoDate(filter.from, "filter.from")}T00:00:00Z` });
  if (filter.to) query.andWhere(`${a}.occurred_at < (:to::date + 1)`, { to: isoDate(filter.to, "filter.to") });
  return query;
}

/**
 * The record fields a filter reads, from a map of filter key to record field. A filter may only
 * select on values the caller may see, or it would answer "does the hidden value equal X?".
 */
export function filteredFields(filter: object | null | undefined, mapping: Readonly<Record<string, string>>): string[] {
  if (!filter) return [];
  const entries = Object.entries(filter as Record<string, unknown>).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0));
  return [...new Set(entries.map(([key]) => mapping[key] ?? key))];
}

/** How the shared filter keys map to record fields; `from`/`to` read the record's own date field. */
export const recordFilterFields = (dateField: string): Record<string, string> => ({
  reference: "reference",
  handling: "handling",
  operationId: "operationId",
  from: dateField,
  to: dateField,
});
