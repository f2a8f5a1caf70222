import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { databaseOf, type SubgraphContext } from "../../../platform/subgraph/index.js";
import { mayRead } from "../authorise.js";
import { approveChange, findChange, listChanges, proposeChange, proposeRollback, rejectChange, type StoredChange } from "../changes.js";
import { AccessOutcome, PolicyImpact } from "../access/access.type.js";
import { policyImpact } from "../access/impact.js";
import { activeSet, draftSet } from "../access/sets.js";
import { supergraphKinds } from "../access/supergraph-kinds.js";
import { caseFilesYaml, toCaseReport } from "../cases/index.js";
import { documentYaml, ruleCount } from "../documents.js";
import type { Agency } from "../../../schema/enums.js";
import { activeVersions, documentHistory, type StoredVersion } from "../store.js";
import { PolicyChange, PolicyChangeStatus, PolicyDocument, PolicyDocumentVersion, type PolicyChangeKind } from "./policy.type.js";

const toDocument = (v: StoredVersion): PolicyDocument =>
  Object.assign(new PolicyDocument(), { id: v.policyId, activeVersion: v.version, content: documentYaml(v.content), rules: ruleCount(v.content), updatedAt: v.createdAt, updatedBy: v.author });

const toChange = (c: StoredChange): PolicyChange =>
  Object.assign(new PolicyChange(), {
    id: c.id,
    policyId: c.policyId,
    kind: c.kind as PolicyChangeKind,
    baseVersion: c.baseVersion,
    document: documentYaml(c.content),
    comment: c.comment,
    proposedBy: c.proposer.sub,
    proposerIssuer: c.proposer.issuer,
    proposerAgency: c.proposer.agency,
    createdAt: c.createdAt,
    status: c.status as PolicyChangeStatus,
    valid: c.valid,
    setVersion: c.setVersion,
    decidedBy: c.decidedBy?.sub ?? null,
    decidedByIssuer: c.decidedBy?.issuer ?? null,
    decidedAt: c.decidedAt,
    reason: c.reason,
    resultingVersion: c.resultingVersion,
    caseFiles: c.caseFiles ? caseFilesYaml(c.caseFiles) : null,
    cases: c.caseReport ? toCaseReport(c.caseReport) : null,
  });

/*
 * The policy administration API (contract names). Authorised in code (authorise.ts), not by the
 * editable field policies; every change and its admin_audit row are one transaction (changes.ts).
 */
@Resolver()
export class PolicyResolver {
  @Query(() => [PolicyDocument], { description: "The documents of the active policy set, by id" })
  async policies(@Ctx() ctx: SubgraphContext): Promise<PolicyDocument[]> {
    mayRead(ctx);
    const { versions } = await activeVersions(databaseOf(ctx));
    return [...versions.values()].sort((a, b) => a.policyId.localeCompare(b.policyId)).map(toDocument);
  }

  @Query(() => PolicyDocument, { nullable: true, description: "One document of the active set; null when unknown" })
  async policy(@Arg("id", () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<PolicyDocument | null> {
    mayRead(ctx);
    const { versions } = await activeVersions(databaseOf(ctx));
    const version = versions.get(id);
    return version ? toDocument(version) : null;
  }

  @Query(() => [PolicyDocumentVersion], { description: "Every stored version of a document, newest first" })
  async policyHistory(@Arg("id", () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<PolicyDocumentVersion[]> {
    mayRead(ctx);
    const db = databaseOf(ctx);
    const [history, { documents }] = await Promise.all([documentHistory(db, id), activeVersions(db)]);
    return history.map((v) =>
      Object.assign(new PolicyDocumentVersion(), { ...v, content: documentYaml(v.content), active: documents[id] === v.version }),
    );
  }

  @Query(() => PolicyChange, { nullable: true, description: "One proposed change; null when unknown" })
  async policyChange(@Arg("id", () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<PolicyChange | null> {
    mayRead(ctx);
    const change = await findChange(databaseOf(ctx), id);
    return change ? toChange(change) : null;
  }

  @Query(() => [PolicyChange], { description: "Changes, newest first (at most 200), for reviewers" })
  async policyChanges(
    @Ctx() ctx: SubgraphContext,
    @Arg("status", () => PolicyChangeStatus, { nullable: true }) status?: PolicyChangeStatus | null,
    @Arg("policyId", () => ID, { nullable: true }) policyId?: string | null,
  ): Promise<PolicyChange[]> {
    mayRead(ctx);
    return (await listChanges(databaseOf(ctx), { status: status ?? null, policyId: policyId ?? null })).map(toChange);
  }

  @Mutation(() => PolicyChange, {
    description:
      "Proposes a new version of a document (YAML or JSON text); baseVersion is its active version, 0 for a new one. Every policy test case runs under the active set and the draft (answered in cases)",
  })
  async proposePolicyChange(
    @Arg("id", () => ID) id: string,
    @Arg("document", () => String) document: string,
    @Arg("baseVersion", () => Int) baseVersion: number,
    @Arg("comment", () => String) comment: string,
    @Ctx() ctx: SubgraphContext,
    @Arg("cases", () => String, {
      nullable: true,
      description: "Policy test case files to add or replace with the change: YAML mapping a file name (e.g. fiu.yaml) to its whole list of cases (an empty list empties it)",
    })
    cases?: string | null,
  ): Promise<PolicyChange> {
    return toChange(await proposeChange(ctx, { id, document, baseVersion, comment, cases }));
  }

  @Mutation(() => PolicyChange, { description: "Approves a proposed change (never by its proposer) and makes the set it makes active" })
  async approvePolicyChange(@Arg("changeId", () => ID) changeId: string, @Ctx() ctx: SubgraphContext): Promise<PolicyChange> {
    return toChange(await approveChange(ctx, changeId));
  }

  @Mutation(() => PolicyChange)
  async rejectPolicyChange(@Arg("changeId", () => ID) changeId: string, @Arg("reason", () => String) reason: string, @Ctx() ctx: SubgraphContext): Promise<PolicyChange> {
    return toChange(await rejectChange(ctx, changeId, reason));
  }

  @Mutation(() => PolicyChange, { description: "Proposes making an earlier version active again; approved by a second administrator like any change" })
  async rollbackPolicy(
    @Arg("id", () => ID) id: string,
    @Arg("toVersion", () => Int) toVersion: number,
    @Ctx() ctx: SubgraphContext,
    @Arg("comment", () => String, { nullable: true }) comment?: string | null,
  ): Promise<PolicyChange> {
    return toChange(await proposeRollback(ctx, { id, toVersion, comment }));
  }
}

/** What a proposed change would do to access, answered with the change (the `policyImpact` query's computation). */
@Resolver(() => PolicyChange)
export class PolicyChangeResolver {
  @FieldResolver(() => PolicyImpact, { nullable: true, description: "Who gains or loses access if it is approved now (as policyImpact(changeId)); null once decided" })
  async impact(@Root() change: PolicyChange, @Ctx() ctx: SubgraphContext): Promise<PolicyImpact | null> {
    if (change.status !== PolicyChangeStatus.PROPOSED) return null;
    const db = databaseOf(ctx);
    const [kinds, before, after] = await Promise.all([supergraphKinds(), activeSet(db), draftSet(db, change.id, ctx.config)]);
    const impact = policyImpact(before, after, kinds, ctx.config.purposes);
    return Object.assign(new PolicyImpact(), {
      ...impact,
      changeId: change.id,
      activeVersion: before.version,
      draftVersion: after.version,
      entries: impact.entries.map((e) => ({ ...e, agency: e.agency as Agency, before: e.before as AccessOutcome, after: e.after as AccessOutcome })),
    });
  }
}
