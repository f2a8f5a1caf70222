import { isObjectType } from "graphql";
import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { databaseOf, type SubgraphContext } from "../../../platform/subgraph/index.js";
import { Agency } from "../../../schema/enums.js";
import { badInput } from "../../../schema/errors.js";
import { mayRead } from "../authorise.js";
import { checkPurpose, SubjectInput, toSubject } from "./access.input.js";
import { AccessExplanation, AccessOutcome, AccessSimulation, AppliedRule, PolicyImpact } from "./access.type.js";
import { policyImpact } from "./impact.js";
import { activeSet, draftSet, setFor } from "./sets.js";
import { parseQuery, simulate } from "./simulate.js";
import { supergraphKinds } from "./supergraph-kinds.js";

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/*
 * Read-only questions to the policies ("view as"), for the readers of the policy store. Nothing
 * here reads or touches any agency's records: decisions come from the rules and the supergraph.
 */
@Resolver()
export class AccessResolver {
  @Query(() => AccessExplanation, { description: "Why a subject with a purpose gets what it gets on one coordinate (Type.field), under the active set or the draft of changeId" })
  async explainAccess(
    @Arg("subject", () => SubjectInput) input: SubjectInput,
    @Arg("purpose", () => String) purpose: string,
    @Arg("coordinate", () => String) coordinate: string,
    @Ctx() ctx: SubgraphContext,
    @Arg("changeId", () => ID, { nullable: true }) changeId?: string | null,
  ): Promise<AccessExplanation> {
    mayRead(ctx);
    const subject = toSubject(input);
    checkPurpose(purpose, ctx.config.purposes);
    const kinds = await supergraphKinds();
    const [typeName = "", field = "", ...rest] = coordinate.split(".");
    const type = kinds.schema.getType(typeName);
    if (rest.length > 0 || !isObjectType(type) || !kinds.objectTypes().includes(type) || !type.getFields()[field]) {
      throw badInput(`coordinate: ${JSON.stringify(coordinate.slice(0, 200))} is not a field of the supergraph (Type.field)`, { field: "coordinate" });
    }
    const set = await setFor(databaseOf(ctx), changeId, ctx.config);
    const policy = set.forCaller(subject, purpose);
    const role = kinds.roleOf(type, field);
    const kind = kinds.fieldKind(role);
    const unknown = set.withoutRecord(policy, typeName, field, kind);
    const over = set.overRecords(policy, typeName, field, kind, kinds.isRecord(typeName) ? typeName : null, kinds);
    return Object.assign(new AccessExplanation(), {
      coordinate: `${typeName}.${field}`,
      policyVersion: set.version,
      role,
      withoutRecord: unknown.outcome as AccessOutcome,
      rule: unknown.rule,
      outcome: over.outcome as AccessOutcome,
      outcomeRules: [...over.rules],
      rules: set.applicable(policy, typeName, field).map((r) =>
        Object.assign(new AppliedRule(), {
          id: r.id,
          description: r.description,
          effect: r.effect,
          mask: r.mask ?? null,
          record: json(r.when?.record),
          parent: json(r.when?.parent),
          holdsWithoutRecord: r.when?.record === undefined && r.when?.parent === undefined,
        }),
      ),
    });
  }

  @Query(() => AccessSimulation, {
    description:
      "View as agency X / role Y: each field a query reaches, decided for the subject and purpose under the active set or the draft of changeId. The query is only parsed and validated against the supergraph, never run: no agency's data is read",
  })
  async simulateAccess(
    @Arg("subject", () => SubjectInput) input: SubjectInput,
    @Arg("purpose", () => String) purpose: string,
    @Arg("query", () => String) query: string,
    @Ctx() ctx: SubgraphContext,
    @Arg("changeId", () => ID, { nullable: true }) changeId?: string | null,
  ): Promise<AccessSimulation> {
    mayRead(ctx);
    const subject = toSubject(input);
    checkPurpose(purpose, ctx.config.purposes);
    const kinds = await supergraphKinds();
    const document = parseQuery(query, kinds);
    const set = await setFor(databaseOf(ctx), changeId, ctx.config);
    const fields = simulate(document, set.forCaller(subject, purpose), set, kinds);
    return Object.assign(new AccessSimulation(), {
      policyVersion: set.version,
      fields: fields.map((f) => ({ coordinate: f.coordinate, outcome: f.outcome as AccessOutcome, rule: f.rule, mask: f.mask, rules: [...f.rules] })),
    });
  }

  @Query(() => PolicyImpact, { description: "Who gains or loses access to which coordinates if a change is approved, by agency, role, clearance and purpose (decided without a record)" })
  async policyImpact(@Arg("changeId", () => ID) changeId: string, @Ctx() ctx: SubgraphContext): Promise<PolicyImpact> {
    mayRead(ctx);
    const db = databaseOf(ctx);
    const kinds = await supergraphKinds();
    const [before, after] = await Promise.all([activeSet(db), draftSet(db, changeId, ctx.config)]);
    const impact = policyImpact(before, after, kinds, ctx.config.purposes);
    return Object.assign(new PolicyImpact(), {
      ...impact,
      changeId,
      activeVersion: before.version,
      draftVersion: after.version,
      entries: impact.entries.map((e) => ({ ...e, agency: e.agency as Agency, before: e.before as AccessOutcome, after: e.after as AccessOutcome })),
    });
  }
}
