import { Field, Float, GraphQLISODateTime, InputType, Int } from "type-graphql";
import { AgencyRecordInput, IdentifiersInput } from "../../../platform/records/index.js";
import { FiuPartyKind } from "./report.enums.js";

@InputType("FiuReportingEntityInput")
export class FiuReportingEntityInput {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true, description: "Institution code, e.g. a BIC" }) institutionCode?: string | null;
  @Field(() => String, { description: "ISO 3166-1 alpha-2 or alpha-3" }) country!: string;
}

@InputType("FiuPartyInput")
export class FiuPartyInput {
  @Field(() => FiuPartyKind) kind!: FiuPartyKind;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true, description: "YYYY-MM-DD; persons only" }) birthDate?: string | null;
  @Field(() => String, { nullable: true }) nationality?: string | null;
  @Field(() => Int, { description: "0 (marginal) to 10 (central)" }) significance!: number;
  @Field(() => String, { nullable: true }) role?: string | null;
  @Field(() => IdentifiersInput, { nullable: true }) identifiers?: IdentifiersInput | null;
}

@InputType("FiuAccountInput")
export class FiuAccountInput {
  @Field(() => String, { description: "IBAN in any common notation" }) iban!: string;
  @Field(() => String, { nullable: true }) institutionName?: string | null;
  @Field(() => String, { nullable: true }) holderName?: string | null;
  @Field(() => String, { nullable: true, description: "ISO 4217, e.g. EUR" }) currency?: string | null;
}

@InputType("FiuTransactionInput")
export class FiuTransactionInput {
  @Field(() => String, { nullable: true }) number?: string | null;
  @Field(() => String, { description: "YYYY-MM-DD" }) date!: string;
  @Field(() => Float, { description: "Greater than 0, in `currency`" }) amount!: number;
  @Field(() => String, { description: "ISO 4217, e.g. EUR" }) currency!: string;
  @Field(() => String, { nullable: true, description: "IBAN of the paying account" }) fromAccount?: string | null;
  @Field(() => String, { nullable: true, description: "IBAN of the receiving account" }) toAccount?: string | null;
  @Field(() => String, { nullable: true }) country?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
}

@InputType("FileFiuReportInput")
export class FileFiuReportInput extends AgencyRecordInput {
  @Field(() => String, { description: "From the configured report code list (STR, SAR, CTR, ...)" }) reportCode!: string;
  @Field(() => String, { nullable: true, description: "The reporting entity's own reference" }) entityReference?: string | null;
  @Field(() => GraphQLISODateTime) submittedAt!: Date;
  @Field(() => FiuReportingEntityInput) reportingEntity!: FiuReportingEntityInput;
  @Field(() => String) reason!: string;
  @Field(() => String, { nullable: true }) action?: string | null;
  @Field(() => [String], { nullable: true, description: "Indicator codes, e.g. STRUCTURING, RAPID_MOVEMENT" }) indicators?: string[] | null;
  @Field(() => String) narrative!: string;
  @Field(() => [FiuPartyInput], { nullable: true }) parties?: FiuPartyInput[] | null;
  @Field(() => [FiuAccountInput], { nullable: true }) accounts?: FiuAccountInput[] | null;
  @Field(() => [FiuTransactionInput], { nullable: true }) transactions?: FiuTransactionInput[] | null;
}
