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
