import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { Agency } from "../../../schema/enums.js";

export enum AccessOutcome {
  SERVED = "SERVED",
  DENIED = "DENIED",
  MASKED = "MASKED",
  DEPENDS_ON_RECORD = "DEPENDS_ON_RECORD",
}
registerEnumType(AccessOutcome, {
  name: "AccessOutcome",
  description: "What a caller gets for a field: served, denied (null with FORBIDDEN), masked, or it depends on the record's envelope (handling, origin, operation, grading) or the object holding it",
});

@ObjectType({ description: "A rule that applies to the subject and purpose on a coordinate" })
export class AppliedRule {
  @Field(() => String) id!: string;
  @Field(() => String) description!: string;
  @Field(() => String, { description: "allow, deny or mask" }) effect!: string;
  @Field(() => String, { nullable: true }) mask!: string | null;
  @Field(() => String, { nullable: true, description: "Its record conditions (when.record) as JSON; null when it has none" }) record!: string | null;
  @Field(() => String, { nullable: true, description: "Its conditions on the object holding the field (when.parent) as JSON" }) parent!: string | null;
  @Field(() => Boolean, { description: "Whether it holds without a record (it has no record or parent conditions)" }) holdsWithoutRecord!: boolean;
}

@ObjectType({ description: "Why a subject with a purpose gets what it gets on one schema coordinate" })
export class AccessExplanation {
  @Field(() => String) coordinate!: string;
  @Field(() => String, { description: "The policy set evaluated (the active one, or the one the change would make)" }) policyVersion!: string;
  @Field(() => String, { description: "open (always served with a visible record: keys, envelope), governed (needs an allow) or value (inherits the field that returned it)" }) role!: string;
  @Field(() => AccessOutcome, { description: "The decision when the record's envelope is unknown" }) withoutRecord!: AccessOutcome;
  @Field(() => String, { nullable: true, description: "The rule deciding without a record; null when it depends on the record" }) rule!: string | null;
  @Field(() => AccessOutcome, { description: "The decision over every envelope a record of this type can have (records are held by their origin agency's service)" }) outcome!: AccessOutcome;
  @Field(() => [String], { description: "The rules deciding `outcome` (several when it depends on the record)" }) outcomeRules!: string[];
  @Field(() => [AppliedRule], { description: "Every rule of the set on this coordinate that applies to this subject and purpose, denies first" }) rules!: AppliedRule[];
}

@ObjectType({ description: "The simulated decision on one schema coordinate a query reaches" })
export class FieldAccess {
  @Field(() => String) coordinate!: string;
  @Field(() => AccessOutcome) outcome!: AccessOutcome;
  @Field(() => String, { nullable: true, description: "The deciding rule (inherited: the value passes on what the field that returned it decided; open: keys and envelope); null when it depends on the record" }) rule!: string | null;
  @Field(() => String, { nullable: true }) mask!: string | null;
  @Field(() => [String], { description: "The rules that decide (with DEPENDS_ON_RECORD, each rule that decides some records)" }) rules!: string[];
}

@ObjectType({ description: "A query's fields as a subject would get them, evaluated from the policies alone" })
export class AccessSimulation {
  @Field(() => String) policyVersion!: string;
  @Field(() => [FieldAccess], { description: "One entry per distinct schema coordinate, in query order" }) fields!: FieldAccess[];
}

@ObjectType({ description: "One profile whose decision on one coordinate a change alters" })
export class AccessChange {
  @Field(() => Agency) agency!: Agency;
  @Field(() => String) role!: string;
  @Field(() => Int) clearance!: number;
  @Field(() => String) purpose!: string;
  @Field(() => String) coordinate!: string;
  @Field(() => AccessOutcome, { description: "Under the active set, without a record" }) before!: AccessOutcome;
  @Field(() => AccessOutcome, { description: "Under the draft, without a record" }) after!: AccessOutcome;
}

@ObjectType({ description: "Who gains or loses access to which coordinates if a change is approved" })
export class PolicyImpact {
  @Field(() => String) changeId!: string;
  @Field(() => String) activeVersion!: string;
  @Field(() => String, { description: "The set the change would make with the documents active now" }) draftVersion!: string;
  @Field(() => Int, { description: "Profiles evaluated: each agency x role (officer, analyst, admin, auditor) x clearance 1-3 x purpose" }) profiles!: number;
  @Field(() => Int, { description: "Differences before truncation" }) total!: number;
  @Field(() => Int, { description: "Denied before, not after" }) gained!: number;
  @Field(() => Int, { description: "Not denied before, denied after" }) lost!: number;
  @Field(() => Boolean) truncated!: boolean;
  @Field(() => [AccessChange], { description: "Sorted by agency, role, clearance, purpose, coordinate; at most 2000" }) entries!: AccessChange[];
}
