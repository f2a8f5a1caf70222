import { Field, ID, InputType, Int, ObjectType } from "type-graphql";

/* The audit API's GraphQL types (contract: `accessLog`, and the field names `scripts/audit.ts` relies on). */

@InputType({ description: "Which delivery-audit rows: every condition given holds at once. At least one of owner, subject, agency, recordId, reference, grantRule, or both from and to" })
export class AccessLogFilter {
  @Field(() => String, { nullable: true, description: "Whose audit (CUSTOMS, POLICE, FIU, POSTAL); omitted: every one the caller may read" }) owner?: string | null;
  @Field(() => String, { nullable: true, description: "The subject served (the `sub` of their token)" }) subject?: string | null;
  @Field(() => String, { nullable: true, description: "The issuer of the subject's token" }) issuer?: string | null;
  @Field(() => String, { nullable: true, description: "The agency of whoever was served" }) agency?: string | null;
  @Field(() => String, { nullable: true, description: "Record or identifier type (Seizure, Case, Phone, ...)" }) recordType?: string | null;
  @Field(() => ID, { nullable: true, description: "Record id (or identifier value) as the audit names it" }) recordId?: string | null;
  @Field(() => String, { nullable: true, description: "The owner's own reference of a record: the rows of the records with it" }) reference?: string | null;
  @Field(() => String, { nullable: true }) purpose?: string | null;
  @Field(() => String, { nullable: true, description: "Deliveries a consent or break-glass grant let through (its rule id, grant.<id> or break-glass.<id>)" }) grantRule?: string | null;
  @Field(() => Date, { nullable: true, description: "On or after" }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: "Before" }) to?: Date | null;
}

@ObjectType({ description: "One entity served to one subject in one request, as its owner's delivery audit recorded it" })
export class AccessLogEntry {
  @Field(() => String, { description: "The agency whose audit holds the row (whose data was served)" }) owner!: string;
  @Field(() => Int, { description: "The row's place in the owner's chain" }) seq!: number;
  @Field(() => Date) at!: Date;
  @Field(() => String) subject!: string;
  @Field(() => String, { nullable: true, description: "The issuer of the subject's token (null on rows written before issuers were recorded)" }) issuer!: string | null;
  @Field(() => String, { description: "The agency of whoever was served" }) agency!: string;
  @Field(() => String) purpose!: string;
  @Field(() => String, { nullable: true }) justification!: string | null;
  @Field(() => String) recordType!: string;
  @Field(() => ID) recordId!: string;
  @Field(() => [String]) fieldsServed!: readonly string[];
  @Field(() => [String]) fieldsDenied!: readonly string[];
  @Field(() => [String]) fieldsMasked!: readonly string[];
  @Field(() => String) policyVersion!: string;
  @Field(() => [String], { description: "The grant rules that let this delivery through; empty when the policy documents alone did" }) grantRules!: readonly string[];
  @Field(() => String, { description: "The gateway's request id (the hub's request audit names it too)" }) requestId!: string;
}

@ObjectType({ description: "Delivery-audit rows, newest first" })
export class AccessLogPage {
  @Field(() => [AccessLogEntry]) entries!: readonly AccessLogEntry[];
  @Field(() => Boolean, { description: "More rows match than were returned: narrow the filter" }) truncated!: boolean;
  @Field(() => [String], { description: "Owners asked that did not answer: their rows are missing" }) unavailable!: readonly string[];
}

@ObjectType({ description: "One record of the owner delivered to the recipient agency" })
export class DisclosedRecord {
  @Field(() => String) recordType!: string;
  @Field(() => ID) recordId!: string;
  @Field(() => Int, { description: "Audit rows that served at least one field of it" }) deliveries!: number;
  @Field(() => [String], { description: "Every field served, over all deliveries" }) fieldsServed!: readonly string[];
  @Field(() => Date) first!: Date;
  @Field(() => Date) last!: Date;
  @Field(() => Int, { description: "Distinct subjects (issuer and sub) it was delivered to" }) subjects!: number;
}

@ObjectType()
export class DisclosureTotals {
  @Field(() => Int) records!: number;
  @Field(() => Int) deliveries!: number;
  @Field(() => Int) subjects!: number;
}

@ObjectType({ description: "What the owner's service delivered to users of the recipient agency in [from, to)" })
export class DisclosureReport {
  @Field(() => String) owner!: string;
  @Field(() => String) recipient!: string;
  @Field(() => Date) from!: Date;
  @Field(() => Date) to!: Date;
  @Field(() => [DisclosedRecord], { description: "Most delivered first" }) records!: readonly DisclosedRecord[];
  @Field(() => DisclosureTotals, { description: "Over every record, listed or not" }) totals!: DisclosureTotals;
  @Field(() => Boolean, { description: "More records than listed (the totals count them all)" }) truncated!: boolean;
  @Field(() => [String], { description: "The owner, when its service did not answer (the report is then empty)" }) unavailable!: readonly string[];
}

@ObjectType({ description: "A row that does not follow from the chain or its anchors" })
export class AuditBreak {
  @Field(() => Int) seq!: number;
  @Field(() => String) reason!: string;
}

@ObjectType({ description: "One audit chain, verified under its owner's key and against its anchors in the hub database" })
export class AuditChainReport {
  @Field(() => String, { description: "hub.request_audit, hub.admin_audit, hub.audit_anchor, customs.access_audit, ..." }) chain!: string;
  @Field(() => Boolean, { description: "Intact, anchors matched, and verified (false when its service did not answer)" }) ok!: boolean;
  @Field(() => Int) rows!: number;
  @Field(() => Int, { description: "Anchors the hub holds for this chain" }) anchors!: number;
  @Field(() => String, { nullable: true, description: "The newest row's hash; null for an empty chain" }) head!: string | null;
  @Field(() => [AuditBreak], { description: "Every break, chain and anchors, in seq order" }) breaks!: readonly AuditBreak[];
  @Field(() => Boolean, { description: "Its service did not answer: nothing was verified" }) unavailable!: boolean;
}
