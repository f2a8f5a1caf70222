import { Field, InputType } from "type-graphql";
import { Handling } from "../../schema/enums.js";
import type { FilterCondition } from "./kit/declaration.js";
import { isoDate, text } from "./validate.js";

/** Filter fields every record list accepts; agency filters extend it. */
@InputType()
export abstract class RecordFilter {
  @Field(() => String, { nullable: true }) reference?: string | null;
  @Field(() => [Handling], { nullable: true }) handling?: Handling[] | null;
  @Field(() => String, { nullable: true }) operationId?: string | null;
  @Field(() => String, { nullable: true, description: "On or after this date (YYYY-MM-DD)" }) from?: string | null;
  @Field(() => String, { nullable: true, description: "On or before this date (YYYY-MM-DD)" }) to?: string | null;
}

const nextDay = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString();

/** The shared filter keys as conditions on the envelope columns; values are validated here. */
export function recordFilterConditions(filter: RecordFilter): FilterCondition[] {
  const conditions: FilterCondition[] = [];
  if (filter.reference) conditions.push({ column: "reference", op: "eq", value: text(filter.reference, "filter.reference", 80) });
  if (filter.handling?.length) conditions.push({ column: "handling", op: "in", value: filter.handling });
  if (filter.operationId) conditions.push({ column: "operation_id", op: "eq", value: text(filter.operationId, "filter.operationId", 64) });
  if (filter.from) conditions.push({ column: "occurred_at", op: "gte", value: `${isoDate(filter.from, "filter.from")}T00:00:00.000Z` });
  if (filter.to) conditions.push({ column: "occurred_at", op: "lt", value: nextDay(isoDate(filter.to, "filter.to")) });
  return conditions;
}
