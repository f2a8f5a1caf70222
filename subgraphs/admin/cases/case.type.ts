import { Field, GraphQLISODateTime, Int, ObjectType, registerEnumType } from "type-graphql";
import type { CaseReport } from "./report.js";

export enum PolicyCaseOrigin {
  UNCHANGED = "unchanged",
  ADDED = "added",
  REPLACED = "replaced",
  REMOVED = "removed",
}
registerEnumType(PolicyCaseOrigin, { name: "PolicyCaseOrigin", description: "How a case of the draft relates to the active one of the same file and name" });

export enum PolicyCaseRunStatus {
  COMPLETE = "complete",
  PENDING = "pending",
  FAILED = "failed",
}
registerEnumType(PolicyCaseRunStatus, {
  name: "PolicyCaseRunStatus",
  description: "COMPLETE: every case ran; PENDING: the case sandbox was still starting, results are stored with the change when they come; FAILED: the sandbox could not run them",
});

@ObjectType({ description: "One case's outcome under one policy set" })
export class PolicyCaseOutcome {
  @Field(() => Boolean) passed!: boolean;
  @Field(() => [String], { description: "Every way the answer differed from the expectation (empty when it passed)" }) failures!: string[];
}

@ObjectType({ description: "A policy test case under the active set and under the draft" })
export class PolicyCaseResult {
  @Field(() => String, { description: "Its case file (e.g. fiu.yaml)" }) file!: string;
  @Field(() => String) name!: string;
  @Field(() => PolicyCaseOrigin) origin!: PolicyCaseOrigin;
  @Field(() => PolicyCaseOutcome, { nullable: true, description: "The active version of the case under the active set (null: the change adds it)" }) active!: PolicyCaseOutcome | null;
  @Field(() => PolicyCaseOutcome, { nullable: true, description: "The draft's version of the case under the draft set (null: the change removes it)" }) draft!: PolicyCaseOutcome | null;
  @Field(() => Boolean, { description: "It passes under one set and fails under the other" }) changed!: boolean;
  @Field(() => Boolean, { description: "It fails under the draft: the change cannot be approved" }) blocking!: boolean;
}

@ObjectType({ description: "Every policy test case (policies/*/cases, as stored) run under the active set and under a change's draft" })
export class PolicyCaseReport {
  @Field(() => PolicyCaseRunStatus) status!: PolicyCaseRunStatus;
  @Field(() => String, { description: "The active set the cases ran under" }) activeVersion!: string;
  @Field(() => String, { description: "The draft set the cases ran under" }) draftVersion!: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) ranAt!: Date | null;
  @Field(() => Int, { nullable: true, description: "How long the run took (ms), a cold sandbox's start included" }) durationMs!: number | null;
  @Field(() => String, { nullable: true, description: "Why the cases could not run (FAILED)" }) error!: string | null;
  @Field(() => Int, { description: "Cases of the draft" }) total!: number;
  @Field(() => Int, { description: "Cases passing under the draft" }) passed!: number;
  @Field(() => Int, { description: "Cases failing under the draft" }) failed!: number;
  @Field(() => Int, { description: "Cases whose outcome differs between the active set and the draft" }) changed!: number;
  @Field(() => Int, { description: "Cases that block approval (failing under the draft, updated by the change or not)" }) blocking!: number;
  @Field(() => Int, { description: "Cases failing under the active set already" }) activeFailed!: number;
  @Field(() => [String], { description: "Rules of the draft that no case says it covers" }) uncoveredRules!: string[];
  @Field(() => [PolicyCaseResult]) results!: PolicyCaseResult[];
}

export const toCaseReport = (report: CaseReport): PolicyCaseReport =>
  Object.assign(new PolicyCaseReport(), {
    ...report,
    status: report.status as PolicyCaseRunStatus,
    ranAt: report.ranAt ? new Date(report.ranAt) : null,
    uncoveredRules: [...report.uncoveredRules],
    results: report.results.map((r) =>
      Object.assign(new PolicyCaseResult(), {
        ...r,
        origin: r.origin as PolicyCaseOrigin,
        active: r.active ? Object.assign(new PolicyCaseOutcome(), { passed: r.active.passed, failures: [...r.active.failures] }) : null,
        draft: r.draft ? Object.assign(new PolicyCaseOutcome(), { passed: r.draft.passed, failures: [...r.draft.failures] }) : null,
      }),
    ),
  });
