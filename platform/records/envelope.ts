import { Field, GraphQLISODateTime, ID, InputType, Int, InterfaceType } from "type-graphql";
import { Agency, Handling, SourceGrade } from "../../schema/enums.js";
import { intRange, optionalText, pattern } from "./validate.js";

/**
 * Fields every agency record shows (contract), as the interface `AgencyRecord` that Seizure,
 * Case, FiuReport and PostalItem implement. `id`, `originAgency` and `handling` are shown for
 * every record a caller may see, so they are non-null; every other field may be denied by
 * policy and is nullable.
 */
@InterfaceType("AgencyRecord", { description: "The handling envelope every agency record carries" })
export abstract class AgencyRecordType {
  @Field(() => ID, { nullable: false }) id!: string;
  @Field(() => Agency, { nullable: false }) originAgency!: Agency;
  @Field(() => Handling, { nullable: false, description: "TLP 2.0 marking" }) handling!: Handling;
  @Field(() => String, { nullable: true, description: "The agency's own reference; unique per agency" }) reference?: string | null;
  @Field(() => String, { nullable: true, description: "Joint operation the record belongs to" }) operationId?: string | null;
  @Field(() => SourceGrade, { nullable: true, description: "Admiralty source reliability A-F" }) sourceGrade?: SourceGrade | null;
  @Field(() => Int, { nullable: true, description: "Admiralty information credibility 1-6" }) infoGrade?: number | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) createdAt?: Date | null;
}

/** The handling envelope an agency sets when it records something. */
@InputType()
export abstract class AgencyRecordInput {
  @Field(() => String, { description: "The agency's own reference; sending it again does not duplicate the record" })
  reference!: string;
  @Field(() => Handling) handling!: Handling;
  @Field(() => String, { nullable: true }) operationId?: string | null;
  @Field(() => SourceGrade) sourceGrade!: SourceGrade;
  @Field(() => Int, { description: "1 (confirmed) .. 6 (cannot be judged)" }) infoGrade!: number;
}

export interface ValidatedEnvelope {
  reference: string;
  handling: Handling;
  operationId: string | null;
  sourceGrade: SourceGrade;
  infoGrade: number;
}

const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9/_.:-]{0,79}$/;
const OPERATION = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

export function validateEnvelope(input: AgencyRecordInput): ValidatedEnvelope {
  const operationId = optionalText(input.operationId, "input.operationId", 64);
  return {
    reference: pattern(input.reference, "input.reference", REFERENCE, "1-80 letters, digits or / _ . : - (starting with a letter or digit)"),
    handling: input.handling,
    operationId: operationId === null ? null : pattern(operationId, "input.operationId", OPERATION, "an operation id (letters, digits, _ . : -)"),
    sourceGrade: input.sourceGrade,
    infoGrade: intRange(input.infoGrade, "input.infoGrade", 1, 6),
  };
}
