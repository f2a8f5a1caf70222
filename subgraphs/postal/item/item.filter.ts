import { Field, InputType } from "type-graphql";
import { countryCode, RecordFilter, type FilterCondition } from "../../../platform/records/index.js";
import { PostalCategory } from "./item.enums.js";

@InputType("PostalItemFilter")
export class PostalItemFilter extends RecordFilter {
  @Field(() => PostalCategory, { nullable: true }) category?: PostalCategory | null;
  @Field(() => String, { nullable: true }) destinationCountry?: string | null;
  @Field(() => String, { nullable: true }) originCountry?: string | null;
  @Field(() => String, { nullable: true, description: "Country of the sender's address" }) senderCountry?: string | null;
}

/** The columns postal filters read, and the item fields each reveals. */
export const POSTAL_ITEM_FILTER_COLUMNS = {
  category: ["category"],
  destination_country: ["destinationCountry"],
  origin_country: ["originCountry"],
  sender_country: ["sender"],
} as const;

export function postalItemConditions(filter: PostalItemFilter): FilterCondition[] {
  const conditions: FilterCondition[] = [];
  if (filter.category) conditions.push({ column: "category", op: "eq", value: filter.category });
  if (filter.destinationCountry) conditions.push({ column: "destination_country", op: "eq", value: countryCode(filter.destinationCountry, "filter.destinationCountry") });
  if (filter.originCountry) conditions.push({ column: "origin_country", op: "eq", value: countryCode(filter.originCountry, "filter.originCountry") });
  if (filter.senderCountry) conditions.push({ column: "sender_country", op: "eq", value: countryCode(filter.senderCountry, "filter.senderCountry") });
  return conditions;
}
