import { Directive, Field, Float, ObjectType } from "type-graphql";
import { AgencyRecordType, IdentifierRefType } from "../../../platform/records/index.js";
import { CommodityArea, DetectionMethod, PlaceType, SeizurePartyRole, TransportDocumentKind, TransportMode } from "./seizure.enums.js";

@ObjectType("GeoPoint")
export class GeoPoint {
  @Field(() => Float, { nullable: false }) lat!: number;
  @Field(() => Float, { nullable: false }) lon!: number;
}

@ObjectType("CommodityLine")
export class CommodityLine {
  @Field(() => CommodityArea, { nullable: true }) area!: CommodityArea;
  @Field(() => String, { nullable: true, description: "Code from the configured commodity list (NPS, COCAINE, ...)" }) code!: string;
  @Field(() => String, { nullable: true, description: "Harmonized System code" }) hsCode!: string | null;
  @Field(() => String, { nullable: true }) description!: string;
  @Field(() => Float, { nullable: true }) quantity!: number;
  @Field(() => String, { nullable: true }) unit!: string;
}

@ObjectType("SeizureRoute")
export class SeizureRoute {
  @Field(() => String, { nullable: true }) origin!: string | null;
  @Field(() => [String], { nullable: true }) transit!: string[];
  @Field(() => String, { nullable: true }) destination!: string | null;
}

@ObjectType("SeizureParty")
export class SeizureParty {
  @Field(() => SeizurePartyRole, { nullable: true }) role!: SeizurePartyRole;
  @Field(() => String, { nullable: true }) name!: string;
  @Field(() => String, { nullable: true, description: "YYYY-MM-DD" }) birthDate!: string | null;
  @Field(() => String, { nullable: true }) nationality!: string | null;
  @Field(() => [IdentifierRefType], { nullable: true }) identifiers!: IdentifierRefType[];
}

@ObjectType("TransportDocument")
export class TransportDocument {
  @Field(() => TransportDocumentKind, { nullable: true }) kind!: TransportDocumentKind;
  @Field(() => String, { nullable: true }) number!: string;
  @Field(() => String, { nullable: true }) carrier!: string | null;
}

/** A customs seizure, modelled on the WCO Customs Enforcement Network. */
@Directive('@key(fields: "id")')
@ObjectType("Seizure", { implements: AgencyRecordType, description: "A customs seizure (WCO CEN-like record)" })
export class Seizure extends AgencyRecordType {
  @Field(() => String, { nullable: true, description: "Seizure date, YYYY-MM-DD" }) date!: string;
  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2" }) country!: string;
  @Field(() => String, { nullable: true }) place!: string;
  @Field(() => PlaceType, { nullable: true }) placeType!: PlaceType;
  @Field(() => GeoPoint, { nullable: true }) geo!: GeoPoint | null;
  @Field(() => TransportMode, { nullable: true }) transportMode!: TransportMode;
  @Field(() => DetectionMethod, { nullable: true }) detectionMethod!: DetectionMethod;
  @Field(() => String, { nullable: true }) concealmentMethod!: string | null;
  @Field(() => [CommodityLine], { nullable: true }) commodities!: CommodityLine[];
  @Field(() => SeizureRoute, { nullable: true }) route!: SeizureRoute;
  @Field(() => [SeizureParty], { nullable: true }) parties!: SeizureParty[];
  @Field(() => [TransportDocument], { nullable: true }) transportDocuments!: TransportDocument[];
  @Field(() => String, { nullable: true, description: "Free-text notes of the seizing officer" }) officerNotes!: string | null;
}
