import { Field, Float, InputType } from "type-graphql";
import { AgencyRecordInput, IdentifiersInput } from "../../../platform/records/index.js";
import { CommodityArea, DetectionMethod, PlaceType, SeizurePartyRole, TransportDocumentKind, TransportMode } from "./seizure.enums.js";

@InputType("GeoPointInput")
export class GeoPointInput {
  @Field(() => Float) lat!: number;
  @Field(() => Float) lon!: number;
}

@InputType("CommodityLineInput")
export class CommodityLineInput {
  @Field(() => CommodityArea) area!: CommodityArea;
  @Field(() => String, { description: "From the configured commodity code list" }) code!: string;
  @Field(() => String, { nullable: true, description: "HS code, 6 to 10 digits" }) hsCode?: string | null;
  @Field(() => String) description!: string;
  @Field(() => Float) quantity!: number;
  @Field(() => String, { description: "KG, G, L, ML, PIECES, TABLETS, BLOTTERS, EUR, USD, ..." }) unit!: string;
}

@InputType("SeizureRouteInput")
export class SeizureRouteInput {
  @Field(() => String, { nullable: true }) origin?: string | null;
  @Field(() => [String], { nullable: true }) transit?: string[] | null;
  @Field(() => String, { nullable: true }) destination?: string | null;
}

@InputType("SeizurePartyInput")
export class SeizurePartyInput {
  @Field(() => SeizurePartyRole) role!: SeizurePartyRole;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true, description: "YYYY-MM-DD" }) birthDate?: string | null;
  @Field(() => String, { nullable: true }) nationality?: string | null;
  @Field(() => IdentifiersInput, { nullable: true }) identifiers?: IdentifiersInput | null;
}

@InputType("TransportDocumentInput")
export class TransportDocumentInput {
  @Field(() => TransportDocumentKind) kind!: TransportDocumentKind;
  @Field(() => String) number!: string;
  @Field(() => String, { nullable: true }) carrier?: string | null;
}

@InputType("RecordSeizureInput")
export class RecordSeizureInput extends AgencyRecordInput {
  @Field(() => String, { description: "YYYY-MM-DD" }) date!: string;
  @Field(() => String, { description: "ISO 3166-1 country where the seizure was made" }) country!: string;
  @Field(() => String) place!: string;
  @Field(() => PlaceType) placeType!: PlaceType;
  @Field(() => GeoPointInput, { nullable: true }) geo?: GeoPointInput | null;
  @Field(() => TransportMode) transportMode!: TransportMode;
  @Field(() => DetectionMethod) detectionMethod!: DetectionMethod;
  @Field(() => String, { nullable: true }) concealmentMethod?: string | null;
  @Field(() => [CommodityLineInput]) commodities!: CommodityLineInput[];
  @Field(() => SeizureRouteInput, { nullable: true }) route?: SeizureRouteInput | null;
  @Field(() => [SeizurePartyInput], { nullable: true }) parties?: SeizurePartyInput[] | null;
  @Field(() => [String], { nullable: true, description: "ISO 6346 container numbers" }) containers?: string[] | null;
  @Field(() => [TransportDocumentInput], { nullable: true }) transportDocuments?: TransportDocumentInput[] | null;
  @Field(() => [String], { nullable: true, description: "UPU S10 ids of seized postal items" }) postalItems?: string[] | null;
  @Field(() => String, { nullable: true }) officerNotes?: string | null;
}
