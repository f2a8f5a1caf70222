import { Directive, Field, Float, GraphQLISODateTime, Int, ObjectType } from "type-graphql";
import { AgencyRecordType, IdentifierRefType } from "../../../platform/records/index.js";
import { FiuPartyKind } from "./report.enums.js";

@ObjectType("FiuReportingEntity", { description: "The institution that filed the report (goAML rentity)" })
export class FiuReportingEntity {
  @Field(() => String, { nullable: true }) name!: string;
  @Field(() => String, { nullable: true, description: "Institution code, e.g. a BIC" }) institutionCode!: string | null;
  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2" }) country!: string;
}

@ObjectType("FiuParty", { description: "A person or company the report is about (goAML report party)" })
export class FiuParty {
  @Field(() => FiuPartyKind, { nullable: true }) kind!: FiuPartyKind;
  @Field(() => String, { nullable: true }) name!: string;
  @Field(() => String, { nullable: true, description: "YYYY-MM-DD (persons only)" }) birthDate!: string | null;
  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2" }) nationality!: string | null;
  @Field(() => Int, { nullable: true, description: "goAML significance, 0 (marginal) to 10 (central)" }) significance!: number;
  @Field(() => String, { nullable: true }) role!: string | null;
  @Field(() => [IdentifierRefType], { nullable: true }) identifiers!: IdentifierRefType[];
}

@ObjectType("FiuAccount", { description: "A bank account named in the report (goAML t_account)" })
export class FiuAccount {
  @Field(() => String, { nullable: true, description: "Electronic IBAN" }) iban!: string;
  @Field(() => String, { nullable: true }) institutionName!: string | null;
  @Field(() => String, { nullable: true }) holderName!: string | null;
  @Field(() => String, { nullable: true, description: "ISO 4217" }) currency!: string | null;
}

@ObjectType("FiuTransaction", { description: "A transaction the report describes (goAML transaction, bi-party)" })
export class FiuTransaction {
  @Field(() => String, { nullable: true, description: "The reporting entity's transaction number" }) number!: string | null;
  @Field(() => String, { nullable: true, description: "YYYY-MM-DD" }) date!: string;
  @Field(() => Float, { nullable: true }) amount!: number;
  @Field(() => String, { nullable: true, description: "ISO 4217" }) currency!: string;
  @Field(() => String, { nullable: true, description: "Electronic IBAN of the paying account" }) fromAccount!: string | null;
  @Field(() => String, { nullable: true, description: "Electronic IBAN of the receiving account" }) toAccount!: string | null;
  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2" }) country!: string | null;
  @Field(() => String, { nullable: true }) description!: string | null;
}

/** A report filed with the FIU, modelled on UNODC goAML. */
@Directive('@key(fields: "id")')
@ObjectType("FiuReport", { implements: AgencyRecordType, description: "A suspicious or threshold transaction report filed with the FIU (goAML-like)" })
export class FiuReport extends AgencyRecordType {
  @Field(() => String, { nullable: true, description: "From the configured report code list (STR, SAR, CTR, ...)" }) reportCode!: string;
  @Field(() => String, { nullable: true, description: "The reporting entity's own reference" }) entityReference!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: "When the reporting entity submitted the report" }) submittedAt!: Date;
  @Field(() => FiuReportingEntity, { nullable: true }) reportingEntity!: FiuReportingEntity;
  @Field(() => String, { nullable: true, description: "Why the entity reports" }) reason!: string;
  @Field(() => String, { nullable: true, description: "Action the entity took" }) action!: string | null;
  @Field(() => [String], { nullable: true, description: "Report indicator codes, e.g. STRUCTURING" }) indicators!: string[];
  @Field(() => String, { nullable: true }) narrative!: string;
  @Field(() => [FiuParty], { nullable: true }) parties!: FiuParty[];
  @Field(() => [FiuAccount], { nullable: true }) accounts!: FiuAccount[];
  @Field(() => [FiuTransaction], { nullable: true }) transactions!: FiuTransaction[];
}
