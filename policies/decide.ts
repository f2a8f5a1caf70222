import type { Subject } from "../schema/subject.js";
import { DEFAULT_DENY, type Decision, type PolicyRule, type PolicySet, type RecordCondition, type RecordEnvelope, type SubjectCondition } from "./model.js";

/** How a field is governed when no rule matches it. */
export type FieldKind =
  /** Records, entities and root fields: no matching allow means deny. */
  | "governed"
  /** Types nested in a record or entity: reachable only through an allowed field, so they inherit it. */
  | "value";

export const INHERITED = "inherited";

/** Rules for one coordinate that already passed the subject and purpose tests; only record tests remain. */
interface Candidates {
  readonly denies: readonly PolicyRule[];
  readonly allows: readonly PolicyRule[];
  readonly masks: readonly PolicyRule[];
  /** Some rule holds only until a time (a grant). */
  readonly timed: boolean;
  /** No rule reads the record's id or the parent object: records with the same envelope otherwise get the same decision. */
  readonly byEnvelope: boolean;
}

function subjectMatches(condition: SubjectCondition | undefined, subject: Subject): boolean {
  if (!condition) return true;
  if (condition.agency && !condition.agency.includes(subject.agency)) return false;
  if (condition.notAgency && condition.notAgency.includes(subject.agency)) return false;
  if (condition.roles && !condition.roles.some((r) => subject.roles.includes(r))) return false;
  if (condition.notRoles && condition.notRoles.some((r) => subject.roles.includes(r))) return false;
  if (condition.minClearance !== undefined && subject.clearance < condition.minClearance) return false;
  if (condition.maxClearance !== undefined && subject.clearance > condition.maxClearance) return false;
  if (condition.subjects && !condition.subjects.includes(subjectKeyOf(subject))) return false;
  return true;
}

/** A person across issuers: `"<issuer> <sub>"` (what break-glass grants name). */
export const subjectKeyOf = (subject: Pick<Subject, "issuer" | "sub">): string => `${subject.issuer} ${subject.sub}`;

const REFERENCE_CHAR = /[A-Za-z0-9_\-/]/;

/** Whether the justification names the case reference as a whole token (`"POL-2026-0042: courier"` names `POL-2026-0042`). */
export function justificationNames(justification: string | null, reference: string): boolean {
  if (!justification || reference.length === 0) return false;
  for (let at = justification.indexOf(reference); at >= 0; at = justification.indexOf(reference, at + 1)) {
    const before = justification[at - 1];
    const after = justification[at + reference.length];
    if ((before === undefined || !REFERENCE_CHAR.test(before)) && (after === undefined || !REFERENCE_CHAR.test(after))) return true;
  }
  return false;
}

/** A grant's rule holds only until its `validUntil`: decided at each use, so expiry needs no new set. */
const inForce = (rule: PolicyRule, now: number): boolean => !rule.when?.validUntil || now < Date.parse(rule.when.validUntil);

function parentMatches(condition: Readonly<Record<string, readonly string[]>> | undefined, parent: object | null): boolean {
  if (!condition) return true;
  if (!parent) return false;
  return Object.entries(condition).every(([field, values]) => {
    const value = (parent as Record<string, unknown>)[field];
    return typeof value === "string" && values.includes(value);
  });
}

/** Record conditions against one envelope; with no envelope only a rule without them can match. */
export function recordMatches(condition: RecordCondition | undefined, record: RecordEnvelope | null, subject: Subject): boolean {
  if (!condition) return true;
  if (!record) return false;
  if (condition.ownAgency !== undefined && (record.originAgency === subject.agency) !== condition.ownAgency) return false;
  if (condition.originAgency && !condition.originAgency.includes(record.originAgency)) return false;
  if (condition.handling && !condition.handling.includes(record.handling)) return false;
  if (condition.inSubjectOperation !== undefined) {
    const inOperation = record.operationId !== null && subject.operations.includes(record.operationId);
    if (inOperation !== condition.inSubjectOperation) return false;
  }
  if (condition.sourceGrade && (record.sourceGrade === null || !condition.sourceGrade.includes(record.sourceGrade))) return false;
  if (condition.maxInfoGrade !== undefined && (record.infoGrade === null || record.infoGrade > condition.maxInfoGrade)) return false;
  if (condition.ids && !condition.ids.includes(record.id)) return false;
  return true;
}

/**
 * The policy for one subject and purpose. Which rules can apply to a coordinate depends only on
 * the subject and purpose, so it is worked out once per coordinate and kept; per record only the
 * record conditions of those few rules are tested.
 */
export class CallerPolicy {
  private readonly candidates = new Map<string, Candidates>();

  constructor(
    private readonly byCoordinate: ReadonlyMap<string, readonly PolicyRule[]>,
    readonly subject: Subject,
    readonly purpose: string,
    readonly version: string,
    /** The request's declared justification (grants test it for their case reference). */
    readonly justification: string | null = null,
  ) {}

  // `key` is the coordinate when the caller holds it already: a string built per call is hashed per call.
  private candidatesFor(type: string, field: string, key = `${type}.${field}`): Candidates {
    let found = this.candidates.get(key);
    if (!found) {
      const rules = [...(this.byCoordinate.get(key) ?? []), ...(this.byCoordinate.get(`${type}.*`) ?? [])].filter(
        (rule) =>
          subjectMatches(rule.when?.subject, this.subject) &&
          (!rule.when?.purpose || rule.when.purpose.includes(this.purpose)) &&
          (!rule.when?.caseReference || rule.when.caseReference.some((ref) => justificationNames(this.justification, ref))),
      );
      found = {
        denies: rules.filter((r) => r.effect === "deny"),
        allows: rules.filter((r) => r.effect === "allow"),
        masks: rules.filter((r) => r.effect === "mask"),
        timed: rules.some((r) => r.when?.validUntil !== undefined),
        byEnvelope: rules.every((r) => r.when?.record?.ids === undefined && r.when?.parent === undefined),
      };
      this.candidates.set(key, found);
    }
    if (!found.timed) return found;
    // Rules with an expiry (grants) are tested now, not when the candidates were cached.
    const now = Date.now();
    return {
      denies: found.denies.filter((r) => inForce(r, now)),
      allows: found.allows.filter((r) => inForce(r, now)),
      masks: found.masks.filter((r) => inForce(r, now)),
      timed: true,
      byEnvelope: found.byEnvelope,
    };
  }

  /**
   * Deny overrides allow; a mask applies to an allowed value; no matching allow means deny (or
   * inherit, for value types). `parent` is the object holding the field (for `when.parent`).
   */
  decide(type: string, field: string, record: RecordEnvelope | null, kind: FieldKind, parent: object | null = null): Decision {
    const { denies, allows, masks } = this.candidatesFor(type, field);
    const holds = (r: PolicyRule) => recordMatches(r.when?.record, record, this.subject) && parentMatches(r.when?.parent, parent);
    const deny = denies.find(holds);
    if (deny) return { effect: "deny", rule: deny.id };
    const allow = allows.find(holds);
    if (!allow && kind === "governed") return { effect: "deny", rule: DEFAULT_DENY };
    const mask = masks.find(holds);
    if (mask) return { effect: "mask", rule: mask.id, mask: mask.mask };
    return { effect: "allow", rule: allow?.id ?? INHERITED };
  }

  /**
   * For a value whose record's envelope should have come with it and did not: a deny or mask that
   * would read the envelope cannot be ruled out, so that rule denies (fail closed). Null when no
   * such rule applies to the subject.
   */
  blindDenial(type: string, field: string, parent: object | null = null): Decision | null {
    const { denies, masks } = this.candidatesFor(type, field);
    const blind = [...denies, ...masks].find((r) => r.when?.record !== undefined && parentMatches(r.when?.parent, parent));
    return blind ? { effect: "deny", rule: blind.id } : null;
  }

  /** Whether any rule of this version applies to this coordinate for this subject and purpose. */
  hasRules(type: string, field: string, coordinate?: string): boolean {
    const { denies, allows, masks } = this.candidatesFor(type, field, coordinate);
    return denies.length + allows.length + masks.length > 0;
  }

  /**
   * Whether one decision serves every record with the same envelope apart from its id (no rule
   * for the coordinate names record ids or reads the parent object): decisions can then be
   * shared by such records (platform/access/record-decisions.ts).
   */
  decidedByEnvelope(type: string, field: string, coordinate?: string): boolean {
    return this.candidatesFor(type, field, coordinate).byEnvelope;
  }

  /** Whether any rule for this coordinate reads the record (else one decision serves every record). */
  readsRecord(type: string, field: string): boolean {
    const { denies, allows, masks } = this.candidatesFor(type, field);
    return [...denies, ...allows, ...masks].some((r) => r.when?.record !== undefined || r.when?.parent !== undefined);
  }

  /**
   * Which records of a type the subject may know exist: those whose `id` is served (or, with
   * `field`, those whose `field` is served). As a predicate (OR of allow conditions, minus OR of
   * deny conditions) so lists can filter in SQL.
   */
  visibility(type: string, field = "id"): Visibility {
    const { denies, allows } = this.candidatesFor(type, field);
    return {
      allow: allows.map((r) => r.when?.record ?? {}),
      deny: denies.map((r) => r.when?.record ?? {}),
      allowRules: allows.map((r) => r.id),
      denyRules: denies.map((r) => r.id),
    };
  }

  /**
   * Whether some rule could serve this coordinate to the subject for some record or parent: the
   * edges a caller can follow through the graph. `withRecord` false: the field is served where
   * the record's envelope is unknown (another subgraph's field on a shared entity), so rules
   * with record conditions cannot allow it there.
   */
  mayServe(type: string, field: string, kind: FieldKind, withRecord = true): boolean {
    const { denies, allows } = this.candidatesFor(type, field);
    if (denies.some((r) => r.when?.record === undefined && r.when?.parent === undefined)) return false;
    return kind === "value" || allows.some((r) => withRecord || r.when?.record === undefined);
  }
}

/** Visible = some allow condition holds and no deny condition does; `{}` always holds. */
export interface Visibility {
  readonly allow: readonly RecordCondition[];
  readonly deny: readonly RecordCondition[];
  /** The rule id of each allow and deny condition, in the same order (named in refusals). */
  readonly allowRules: readonly string[];
  readonly denyRules: readonly string[];
}

export function isVisible(visibility: Visibility, record: RecordEnvelope, subject: Subject): boolean {
  return visibility.allow.some((c) => recordMatches(c, record, subject)) && !visibility.deny.some((c) => recordMatches(c, record, subject));
}

const MAX_PROFILES = 1000;

/** A policy set indexed by coordinate, handing out CallerPolicy objects cached per subject profile. */
export class CompiledPolicy {
  private readonly byCoordinate = new Map<string, PolicyRule[]>();
  private readonly profiles = new Map<string, CallerPolicy>();
  /** Whether some rule (a grant) tests the justification or names persons: then they are part of the profile. */
  private readonly readsJustification: boolean;
  private readonly readsPersons: boolean;
  /** Coordinates some rule masks: only these get the masking middleware. */
  readonly maskedCoordinates: ReadonlySet<string>;

  constructor(readonly set: PolicySet) {
    const masked = new Set<string>();
    for (const rule of set.rules) {
      for (const target of rule.target) {
        const list = this.byCoordinate.get(target) ?? [];
        list.push(rule);
        this.byCoordinate.set(target, list);
        if (rule.effect === "mask") masked.add(target);
      }
    }
    this.maskedCoordinates = masked;
    this.readsJustification = set.rules.some((r) => r.when?.caseReference !== undefined);
    this.readsPersons = set.rules.some((r) => r.when?.subject?.subjects !== undefined);
  }

  get version(): string {
    return this.set.version;
  }

  /**
   * The subject's policy; subjects with the same agency, roles, clearance, operations and purpose
   * share one (and, while grants name them, the same justification and person).
   */
  forCaller(subject: Subject, purpose: string, justification: string | null = null): CallerPolicy {
    const key = JSON.stringify([
      subject.agency,
      [...subject.roles].sort(),
      subject.clearance,
      [...subject.operations].sort(),
      purpose,
      this.readsJustification ? justification : null,
      this.readsPersons ? subjectKeyOf(subject) : null,
    ]);
    let policy = this.profiles.get(key);
    if (!policy) {
      if (this.profiles.size >= MAX_PROFILES) this.profiles.clear();
      policy = new CallerPolicy(this.byCoordinate, subject, purpose, this.set.version, this.readsJustification ? justification : null);
      this.profiles.set(key, policy);
    }
    return policy;
  }

  /** Whether any rule of the set targets this coordinate (directly or through `Type.*`). */
  targets(type: string, field: string): boolean {
    return this.byCoordinate.has(`${type}.${field}`) || this.byCoordinate.has(`${type}.*`);
  }

  isMasked(type: string, field: string): boolean {
    return this.maskedCoordinates.has(`${type}.${field}`) || this.maskedCoordinates.has(`${type}.*`);
  }
}
