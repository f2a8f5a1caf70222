import { CompiledPolicy, INHERITED, type CallerPolicy, type Decision, type FieldKind, type PolicyRule, type PolicySet, type RecordEnvelope } from "../../../policies/index.js";
import type { Subject } from "../../../schema/subject.js";
import type { SupergraphKinds } from "./supergraph-kinds.js";

/*
 * Decisions without data: the engine (CallerPolicy.decide) is asked with no record, or with every
 * kind of envelope a record of the type can have, never with a stored record.
 */

export type Outcome = "SERVED" | "DENIED" | "MASKED" | "DEPENDS_ON_RECORD";

export interface Evaluated {
  readonly outcome: Outcome;
  /** The deciding rule; null when the outcome depends on the record. */
  readonly rule: string | null;
  readonly mask: string | null;
  /** The rules that decide some records (every one when the outcome depends on the record). */
  readonly rules: readonly string[];
}

const reads = (rule: PolicyRule) => rule.when?.record !== undefined || rule.when?.parent !== undefined;

const fromDecision = (d: Decision): Evaluated => ({
  outcome: d.effect === "deny" ? "DENIED" : d.effect === "mask" ? "MASKED" : "SERVED",
  rule: d.rule,
  mask: d.mask ?? null,
  rules: [d.rule],
});

/** A compiled set with, per rule, a one-rule policy that lets the engine say whether it applies to a subject. */
export class EvaluatedSet {
  readonly compiled: CompiledPolicy;
  private readonly single = new Map<string, CompiledPolicy>();
  private readonly byCoordinate = new Map<string, PolicyRule[]>();
  /** Per caller profile, the ids of the rules that apply to it (worked out once). */
  private readonly applying = new WeakMap<CallerPolicy, ReadonlySet<string>>();

  constructor(readonly set: PolicySet) {
    this.compiled = new CompiledPolicy(set);
    for (const rule of set.rules) {
      this.single.set(rule.id, new CompiledPolicy({ version: set.version, rules: [rule] }));
      for (const target of rule.target) this.byCoordinate.set(target, [...(this.byCoordinate.get(target) ?? []), rule]);
    }
  }

  get version(): string {
    return this.set.version;
  }

  forCaller(subject: Subject, purpose: string): CallerPolicy {
    return this.compiled.forCaller(subject, purpose);
  }

  /** The rules of the set that target this coordinate and apply to the subject and purpose, deny first as the engine tests them. */
  applicable(policy: CallerPolicy, type: string, field: string): PolicyRule[] {
    let ids = this.applying.get(policy);
    if (!ids) {
      const applies = (rule: PolicyRule) => {
        const [t = "", f = ""] = (rule.target[0] ?? "").split(".");
        return this.single.get(rule.id)?.forCaller(policy.subject, policy.purpose).hasRules(t, f) ?? false;
      };
      ids = new Set(this.set.rules.filter(applies).map((r) => r.id));
      this.applying.set(policy, ids);
    }
    const applying = ids;
    const rules = [...(this.byCoordinate.get(`${type}.${field}`) ?? []), ...(this.byCoordinate.get(`${type}.*`) ?? [])];
    return rules.filter((rule) => applying.has(rule.id));
  }

  /**
   * The decision when the record is unknown: what the rules without record or parent conditions
   * decide, or DEPENDS_ON_RECORD when a rule with such conditions could change it.
   */
  withoutRecord(policy: CallerPolicy, type: string, field: string, kind: FieldKind): Evaluated {
    const decision = policy.decide(type, field, null, kind);
    const conditional = this.applicable(policy, type, field).filter(reads);
    const changers = conditional.filter((r) => (decision.effect === "deny" ? r.effect === "allow" : r.effect !== "allow"));
    // A deny by a rule (not by default) holds for every record: nothing conditional can undo it.
    if (decision.effect === "deny" && decision.rule !== "default-deny") return fromDecision(decision);
    if (changers.length === 0) return fromDecision(decision);
    return { outcome: "DEPENDS_ON_RECORD", rule: null, mask: null, rules: [...new Set([decision.rule, ...changers.map((r) => r.id)])].sort() };
  }

  /**
   * The decision over every envelope a record of `recordType` can have (origin: the agencies that
   * hold such records; every handling; in or out of the subject's operations; every grading the
   * rules test). Without a record type, as `withoutRecord`.
   */
  overRecords(policy: CallerPolicy, type: string, field: string, kind: FieldKind, recordType: string | null, kinds: SupergraphKinds): Evaluated {
    if (!recordType) return this.withoutRecord(policy, type, field, kind);
    const rules = this.applicable(policy, type, field);
    const record = rules.map((r) => r.when?.record ?? {});
    const origins = kinds.ownersOf(recordType);
    const operations = record.some((c) => c.inSubjectOperation !== undefined) ? [null, "(another operation)", ...policy.subject.operations.slice(0, 1)] : [null];
    const sourceGrades = record.some((c) => c.sourceGrade) ? [null, ...kinds.enumValues("SourceGrade")] : [null];
    const infoGrades = record.some((c) => c.maxInfoGrade !== undefined) ? [null, 1, 2, 3, 4, 5, 6] : [null];
    const seen = new Map<string, Decision>();
    for (const originAgency of origins.length > 0 ? origins : ["CUSTOMS", "POLICE", "FIU", "POSTAL"]) {
      for (const handling of kinds.enumValues("Handling")) {
        for (const operationId of operations) {
          for (const sourceGrade of sourceGrades) {
            for (const infoGrade of infoGrades) {
              const envelope: RecordEnvelope = { type: recordType, id: "(simulated)", originAgency, handling, operationId, sourceGrade, infoGrade };
              const d = policy.decide(type, field, envelope, kind);
              seen.set(`${d.effect}:${d.rule}:${d.mask ?? ""}`, d);
            }
          }
        }
      }
    }
    const decisions = [...seen.values()];
    // A rule on the object holding the field (when.parent) decides per object: that too depends on the record.
    const parentRules = rules.filter((r) => r.when?.parent !== undefined).map((r) => r.id);
    if (decisions.length === 1 && parentRules.length === 0) return fromDecision(decisions[0] as Decision);
    return { outcome: "DEPENDS_ON_RECORD", rule: null, mask: null, rules: [...new Set([...decisions.map((d) => d.rule), ...parentRules])].sort() };
  }
}

/** Whether an evaluation only passes on what the field that returned the value decided. */
export const inherits = (e: Evaluated): boolean => e.outcome === "SERVED" && e.rule === INHERITED;
