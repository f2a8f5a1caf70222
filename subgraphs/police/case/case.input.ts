import { Field, GraphQLISODateTime, InputType } from "type-graphql";
import { AgencyRecordInput, IdentifiersInput } from "../../../platform/records/index.js";
import { CaseEventType, CasePartyRole, CaseStatus, DataSubjectCategory } from "./case.enums.js";

@InputType("CasePartyInput")
export class CasePartyInput {
  @Field(() => CasePartyRole) role!: CasePartyRole;
  @Field(() => DataSubjectCategory, { nullable: true, description: "Defaults from the role: SUSPECT, VICTIM, else OTHER" })
  dataSubjectCategory?: DataSubjectCategory | null;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true, description: "YYYY-MM-DD" }) birthDate?: string | null;
  @Field(() => String, { nullable: true }) nationality?: string | null;
  @Field(() => IdentifiersInput, { nullable: true }) identifiers?: IdentifiersInput | null;
}

@InputType("CaseEventInput")
export class CaseEventInput {
  @Field(() => CaseEventType) type!: CaseEventType;
  @Field(() => GraphQLISODateTime) at!: Date;
  @Field(() => String) place!: string;
  @Field(() => String, { nullable: true }) country?: string | null;
}

@InputType("CaseVehicleInput")
export class CaseVehicleInput {
  @Field(() => String, { description: "Registration country" }) country!: string;
  @Field(() => String) plate!: string;
  @Field(() => String, { nullable: true }) make?: string | null;
  @Field(() => String, { nullable: true }) model?: string | null;
  @Field(() => String, { nullable: true }) colour?: string | null;
  @Field(() => String, { nullable: true, description: "Vehicle identification number (ISO 3779)" }) vin?: string | null;
}

@InputType("OpenCaseInput")
export class OpenCaseInput extends AgencyRecordInput {
  @Field(() => [String], { description: "At least one code from the configured offence list" }) offences!: string[];
  @Field(() => CaseStatus, { nullable: true, description: "Defaults to OPEN" }) status?: CaseStatus | null;
  @Field(() => String, { description: "YYYY-MM-DD" }) openedAt!: string;
  @Field(() => String, { nullable: true, description: "YYYY-MM-DD, not before openedAt" }) closedAt?: string | null;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) summary?: string | null;
  @Field(() => [CasePartyInput], { nullable: true }) parties?: CasePartyInput[] | null;
  @Field(() => [CaseEventInput], { nullable: true }) events?: CaseEventInput[] | null;
  @Field(() => [CaseVehicleInput], { nullable: true, description: "Each plate also becomes one of the case's Vehicle identifiers" })
  vehicles?: CaseVehicleInput[] | null;
}
