import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from "type-graphql";
import { Agency } from "../../../schema/enums.js";

export enum JointOperationStatus {
  SCHEDULED = "scheduled",
  ACTIVE = "active",
  ENDED = "ended",
  CLOSED = "closed",
}
registerEnumType(JointOperationStatus, {
  name: "JointOperationStatus",
  description: "Whether members' operation claims count today (UTC): ACTIVE only; SCHEDULED before validFrom, ENDED after validTo, CLOSED once closed (for good)",
});

@ObjectType({ description: "A joint operation of the hub's registry: a token's claim to it counts only for its member agencies, within its validity, until it is closed" })
export class JointOperation {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => [Agency], { description: "The agencies whose subjects' claims to it count" }) memberAgencies!: Agency[];
  @Field(() => String, { description: "First day it counts (YYYY-MM-DD, UTC)" }) validFrom!: string;
  @Field(() => String, { nullable: true, description: "Last day it counts (YYYY-MM-DD, UTC, inclusive); null: open-ended" }) validTo!: string | null;
  @Field(() => JointOperationStatus) status!: JointOperationStatus;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => String, { nullable: true, description: "Who created it (null when registered outside the admin API, e.g. the demo's)" }) createdBy!: string | null;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
  @Field(() => String, { nullable: true, description: "Who changed it last (null when never changed through the admin API)" }) updatedBy!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) closedAt!: Date | null;
  @Field(() => String, { nullable: true }) closedBy!: string | null;
  @Field(() => String, { nullable: true, description: "Why it was closed" }) closeReason!: string | null;
}
