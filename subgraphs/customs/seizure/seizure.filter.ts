import { Field, InputType } from "type-graphql";
import type { SelectQueryBuilder } from "typeorm";
import { applyRecordFilter, countryCode, RecordFilter } from "../../../platform/records/index.js";
import type { SeizureEntity } from "./seizure.entity.js";
import { CommodityArea, PlaceType, TransportMode } from "./seizure.enums.js";

@InputType("SeizureFilter")
export class SeizureFilter extends RecordFilter {
  @Field(() => String, { nullable: true }) country?: string | null;
  @Field(() => TransportMode, { nullable: true }) transportMode?: TransportMode | null;
  @Field(() => PlaceType, { nullable: true }) placeType?: PlaceType | null;
  @Field(() => CommodityArea, { nullable: true }) area?: CommodityArea | null;
  @Field(() => String, { nullable: true }) commodityCode?: string | null;
}

export function applySeizureFilter(query: SelectQueryBuilder<SeizureEntity>, filter: SeizureFilter | null | undefined) {
  applyRecordFilter(query, filter);
  if (!filter) return query;
  if (filter.country) query.andWhere("s.country = :country", { country: countryCode(filter.country, "filter.country") });
  if (filter.transportMode) query.andWhere("s.transport_mode = :mode", { mode: filter.transportMode });
  if (filter.placeType) query.andWhere("s.place_type = :placeType", { placeType: filter.placeType });
  if (filter.area) query.andWhere(":area = ANY(s.areas)", { area: filter.area });
  if (filter.commodityCode) query.andWhere(":code = ANY(s.commodity_codes)", { code: filter.commodityCode.trim().toUpperCase() });
  return query;
}
