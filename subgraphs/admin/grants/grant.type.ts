import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { Agency } from "../../../schema/enums.js";

export enum GrantKind {
  CONSENT = "consent",
  BREAK_GLASS = "break-glass",
}
registerEnumType(GrantKind, { name: "GrantKind", description: "Prior consent of the owning agency, or emergency (break-glass) access for one person" });

export enum GrantStatus {
  ACTIVE = "active",
  EXPIRED = "expired",
  REVOKED = "revoked",
}
registerEnumType(GrantStatus, { name: "GrantStatus" });

@ObjectType({ description: "Access to one record granted outside the policy documents: a consent or a break-glass grant" })
export class AccessGrant {
  @Field(() => ID) id!: string;
  @Field(() => GrantKind) kind!: GrantKind;
  @Field(() => GrantStatus, { description: "Active until it expires or is revoked" }) status!: GrantStatus;
  @Field(() => String, { description: "The rule id deliveries under this grant name in the audit (grant.<id> or break-glass.<id>)" }) ruleId!: string;
  @Field(() => String) recordType!: string;
  @Field(() => ID) recordId!: string;
  @Field(() => Agency, { description: "The agency whose record it is" }) ownerAgency!: Agency;
  @Field(() => Agency, { description: "The agency granted access" }) agency!: Agency;
  @Field(() => String, { nullable: true, description: "Break-glass: the person granted access, as '<issuer> <sub>'" }) person!: string | null;
  @Field(() => String, { nullable: true, description: "Consent: the case the grantee's requests must name in their justification" }) caseReference!: string | null;
  @Field(() => String, { description: "The only purpose the access holds for" }) purpose!: string;
  @Field(() => String, { nullable: true, description: "Break-glass: why (mandatory); consent: the grantor's comment" }) justification!: string | null;
  @Field(() => GraphQLISODateTime) expiresAt!: Date;
  @Field(() => String) grantedBy!: string;
  @Field(() => Agency) grantedByAgency!: Agency;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => String, { description: "The policy set version that the grant activated" }) setVersion!: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) revokedAt!: Date | null;
  @Field(() => String, { nullable: true }) revokedBy!: string | null;
  @Field(() => String, { nullable: true }) revokeReason!: string | null;
  @Field(() => Boolean, { description: "Break-glass grants wait for a second administrator's review" }) pendingReview!: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true }) reviewedAt!: Date | null;
  @Field(() => String, { nullable: true }) reviewedBy!: string | null;
  @Field(() => String, { nullable: true }) reviewNote!: string | null;
}

@InputType({ description: "Prior consent: the owning agency lets one agency see one record for one case and purpose until a time" })
export class GrantAccessInput {
  @Field(() => String, { description: "The record type (e.g. FiuReport)" }) recordType!: string;
  @Field(() => ID) recordId!: string;
  @Field(() => Agency, { description: "The agency granted access" }) agency!: Agency;
  @Field(() => String, { description: "The grantee's case: requests must name it in X-Justification" }) caseReference!: string;
  @Field(() => String, { description: "The only purpose the access holds for" }) purpose!: string;
  @Field(() => GraphQLISODateTime, { description: "At most 90 days ahead" }) expiresAt!: Date;
  @Field(() => String, { nullable: true }) comment?: string | null;
}

@InputType({ description: "Emergency access for one person to one record, at most 24 hours, flagged for review" })
export class EmergencyAccessInput {
  @Field(() => String) recordType!: string;
  @Field(() => ID) recordId!: string;
  @Field(() => Agency, { description: "The person's agency" }) agency!: Agency;
  @Field(() => String, { description: "The person's token subject (sub)" }) subject!: string;
  @Field(() => String, { description: "The issuer of the person's tokens" }) issuer!: string;
  @Field(() => String) purpose!: string;
  @Field(() => String, { description: "Why (20-2000 characters), kept in the audit for the review" }) justification!: string;
  @Field(() => Int, { description: "1-24" }) hours!: number;
}

@InputType()
export class GrantFilterInput {
  @Field(() => GrantKind, { nullable: true }) kind?: GrantKind | null;
  @Field(() => Boolean, { nullable: true, description: "Only grants in force now" }) active?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "Only break-glass grants not reviewed yet" }) pendingReview?: boolean | null;
  @Field(() => Agency, { nullable: true, description: "Hub readers: only grants this agency owns or received" }) agency?: Agency | null;
}
