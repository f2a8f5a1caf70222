import { Field, InputType } from "type-graphql";
import type { LiaisonConfig } from "../../../platform/config.js";
import { check, countryCode, RecordFilter, type FilterCondition } from "../../../platform/records/index.js";
import { CommodityArea, PlaceType, TransportMode } from "./seizure.enums.js";

@InputType("SeizureFilter")
export class SeizureFilter extends RecordFilter {
  @Field(() => String, { nullable: true }) country?: string | null;
  @Field(() => TransportMode, { nullable: true }) transportMode?: TransportMode | null;
  @Field(() => PlaceType, { nullable: true }) placeType?: PlaceType | null;
  @Field(() => CommodityArea, { nullable: true }) area?: CommodityArea | null;
  @Field(() => String, { nullable: true }) commodityCode?: string | null;
}

/** The columns customs filters read, and the seizure fields each reveals. */
export const SEIZURE_FILTER_COLUMNS = {
  country: ["country"],
  transport_mode: ["transportMode"],
  place_type: ["placeType"],
  areas: ["commodities"],
  commodity_codes: ["commodities"],
} as const;

export function seizureConditions(filter: SeizureFilter, config: LiaisonConfig): FilterCondition[] {
  const conditions: FilterCondition[] = [];
  if (filter.country) conditions.push({ column: "country", op: "eq", value: countryCode(filter.country, "filter.country") });
  if (filter.transportMode) conditions.push({ column: "transport_mode", op: "eq", value: filter.transportMode });
  if (filter.placeType) conditions.push({ column: "place_type", op: "eq", value: filter.placeType });
  if (filter.area) conditions.push({ column: "areas", op: "has", value: filter.area });
  if (filter.commodityCode) conditions.push({ column: "commodity_codes", op: "has", value: check.code(filter.commodityCode, "filter.commodityCode", config.codes.commodity) });
  return conditions;
}
