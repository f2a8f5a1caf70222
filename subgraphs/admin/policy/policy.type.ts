import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { PolicyCaseReport } from "../cases/index.js";

export enum PolicyChangeKind {
  EDIT = "edit",
  ROLLBACK = "rollback",
}
registerEnumType(PolicyChangeKind, { name: "PolicyChangeKind", description: "A new version of a document, or an earlier version made active again" });

export enum PolicyChangeStatus {
  PROPOSED = "proposed",
  APPROVED = "approved",
  REJECTED = "rejected",
}
registerEnumType(PolicyChangeStatus, { name: "PolicyChangeStatus" });

@ObjectType({ description: "A policy document of the active set" })
export class PolicyDocument {
  @Field(() => ID, { description: "The document's id (its file name without .yaml)" }) id!: string;
  @Field(() => Int) activeVersion!: number;
  @Field(() => String, { description: "The active version as YAML" }) content!: string;
  @Field(() => Int, { description: "How many rules it holds" }) rules!: number;
  @Field(() => GraphQLISODateTime, { description: "When the active version was stored" }) updatedAt!: Date;
  @Field(() => String, { description: "Who wrote the active version (the proposer of the change that made it)" }) updatedBy!: string;
}

@ObjectType({ description: "One stored version of a policy document" })
export class PolicyDocumentVersion {
  @Field(() => ID) policyId!: string;
  @Field(() => Int) version!: number;
  @Field(() => String) author!: string;
  @Field(() => String, { nullable: true }) authorIssuer!: string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => String) comment!: string;
  @Field(() => ID, { nullable: true, description: "The approved change that made it (null for an import)" }) changeId!: string | null;
  @Field(() => Boolean, { description: "Whether this is the version the active set holds" }) active!: boolean;
  @Field(() => String, { description: "The version as YAML" }) content!: string;
}

@ObjectType({ description: "A proposed change to a policy document and its decision" })
export class PolicyChange {
  @Field(() => ID) id!: string;
  @Field(() => ID) policyId!: string;
  @Field(() => PolicyChangeKind) kind!: PolicyChangeKind;
  @Field(() => Int, { description: "The document's active version the change was proposed against (0: a new document)" }) baseVersion!: number;
  @Field(() => String, { description: "The proposed document as YAML" }) document!: string;
  @Field(() => String) comment!: string;
  @Field(() => String) proposedBy!: string;
  @Field(() => String) proposerIssuer!: string;
  @Field(() => String) proposerAgency!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => PolicyChangeStatus) status!: PolicyChangeStatus;
  @Field(() => Boolean, { description: "Whether the whole set with this change validated (an invalid one is refused, never stored)" }) valid!: boolean;
  @Field(() => String, { description: "The version of the whole set the change makes (on approval: the set activated)" }) setVersion!: string;
  @Field(() => String, { nullable: true }) decidedBy!: string | null;
  @Field(() => String, { nullable: true }) decidedByIssuer!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true, description: "Why it was rejected" }) reason!: string | null;
  @Field(() => Int, { nullable: true, description: "The document version an approval stored" }) resultingVersion!: number | null;
  @Field(() => String, { nullable: true, description: "The policy test case files the change adds or replaces, as YAML (file name to its cases); null: none" }) caseFiles!: string | null;
  @Field(() => PolicyCaseReport, {
    nullable: true,
    description: "Every policy test case under the active set and under the draft, as run when proposed (or again on approval when the active set had moved); a case failing under the draft blocks approval",
  })
  cases!: PolicyCaseReport | null;
}
