import { Field, InputType } from "type-graphql";
import type { SelectQueryBuilder } from "typeorm";
import { applyRecordFilter, countryCode, RecordFilter } from "../../../platform/records/index.js";
import type { PostalItemEntity } from "./item.entity.js";
import { PostalCategory } from "./item.enums.js";

@InputType("PostalItemFilter")
export class PostalItemFilter extends RecordFilter {
  @Field(() => PostalCategory, { nullable: true }) category?: PostalCategory | null;
  @Field(() => String, { nullable: true }) destinationCountry?: string | null;
  @Field(() => String, { nullable: true }) originCountry?: string | null;
  @Field(() => String, { nullable: true, description: "Country of the sender's address" }) senderCountry?: string | null;
}

export function applyPostalItemFilter(query: SelectQueryBuilder<PostalItemEntity>, filter: PostalItemFilter | null | undefined) {
  applyRecordFilter(query, filter);
  if (!filter) return query;
  const a = query.alias;
  if (filter.category) query.andWhere(`${a}.category = :category`, { category: filter.category });
  if (filter.destinationCountry) {
    query.andWhere(`${a}.destination_country = :destination`, { destination: countryCode(filter.destinationCountry, "filter.destinationCountry") });
  }
  if (filter.originCountry) query.andWhere(`${a}.origin_country = :origin`, { origin: countryCode(filter.originCountry, "filter.originCountry") });
  if (filter.senderCountry) query.andWhere(`${a}.sender_country = :senderCountry`, { senderCountry: countryCode(filter.senderCountry, "filter.senderCountry") });
  return query;
}
