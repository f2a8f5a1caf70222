import { Directive, Field, GraphQLISODateTime, ObjectType } from "type-graphql";
import { AgencyRecordType, IdentifierRefType } from "../../../platform/records/index.js";
import { CaseEventType, CasePartyRole, CaseStatus, DataSubjectCategory } from "./case.enums.js";

@ObjectType("CaseParty", { description: "A person involved in a case, linked to others only through identifiers" })
export class CaseParty {
  @Field(() => CasePartyRole, { nullable: true }) role!: CasePartyRole;
  @Field(() => DataSubjectCategory, { nullable: true, description: "LED Art. 6 category" }) dataSubjectCategory!: DataSubjectCategory;
  @Field(() => String, { nullable: true }) name!: string;
  @Field(() => String, { nullable: true, description: "YYYY-MM-DD" }) birthDate!: string | null;
  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2" }) nationality!: string | null;
  @Field(() => [IdentifierRefType], { nullable: true }) identifiers!: IdentifierRefType[];
}

@ObjectType("CaseEvent")
export class CaseEvent {
  @Field(() => CaseEventType, { nullable: true }) type!: CaseEventType;
  @Field(() => GraphQLISODateTime, { nullable: true }) at!: Date;
  @Field(() => String, { nullable: true }) place!: string;
  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2" }) country!: string | null;
}

@ObjectType("CaseVehicle", { description: "A vehicle as the case describes it; `Case.vehicles` lists the shared Vehicle entities" })
export class CaseVehicle {
  @Field(() => String, { nullable: true, description: "Registration country, ISO 3166-1 alpha-2" }) country!: string;
  @Field(() => String, { nullable: true, description: "Plate, upper-case without separators" }) plate!: string;
  @Field(() => String, { nullable: true }) make!: string | null;
  @Field(() => String, { nullable: true }) model!: string | null;
  @Field(() => String, { nullable: true }) colour!: string | null;
  @Field(() => String, { nullable: true, description: "Vehicle identification number" }) vin!: string | null;
}

/** A police case (LEXS/NIEM-like digest: offences, parties in roles, events, vehicles). */
@Directive('@key(fields: "id")')
@ObjectType("Case", { implements: AgencyRecordType, description: "A police case" })
export class Case extends AgencyRecordType {
  @Field(() => [String], { nullable: true, description: "Codes from the configured offence list" }) offences!: string[];
  @Field(() => CaseStatus, { nullable: true }) status!: CaseStatus;
  @Field(() => String, { nullable: true, description: "Date the case was opened, YYYY-MM-DD" }) openedAt!: string;
  @Field(() => String, { nullable: true, description: "Date the case was closed, YYYY-MM-DD" }) closedAt!: string | null;
  @Field(() => String, { nullable: true }) title!: string;
  @Field(() => String, { nullable: true, description: "Free-text summary of the investigation" }) summary!: string | null;
  @Field(() => [CaseParty], { nullable: true, description: "Suspects, victims, witnesses and associates (informants are in `informants`)" }) parties!: CaseParty[];
  @Field(() => [CaseParty], { nullable: true, description: "Informants: kept apart so that policy can withhold them whole" }) informants!: CaseParty[];
  @Field(() => [CaseEvent], { nullable: true }) events!: CaseEvent[];
  @Field(() => [CaseVehicle], { nullable: true, description: "Vehicles with make, model, colour and VIN as recorded" }) vehicleDetails!: CaseVehicle[];
}
