import { buildASTSchema, isObjectType, Kind, parse, type ConstDirectiveNode, type GraphQLObjectType, type GraphQLSchema } from "graphql";
import { grantProblems, parentProblems } from "./enforceable.js";
import { EFFECTS, MASK_STRATEGIES, type Condition, type PolicyRule, type RecordCondition, type SubjectCondition } from "./model.js";

/** A problem in a policy document, naming the file, the rule and the reason. */
export class PolicyError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid policy set:\n${problems.map((p) => `- ${p}`).join("\n")}`);
    this.name = "PolicyError";
  }
}

const AGENCIES = ["CUSTOMS", "POLICE", "FIU", "POSTAL", "HUB"];
const HANDLINGS = ["CLEAR", "GREEN", "AMBER", "AMBER_STRICT", "RED"];
const GRADES = ["A", "B", "C", "D", "E", "F"];
const RULE_ID = /^[a-z0-9][a-z0-9.-]{2,79}$/;
const COORDINATE = /^[A-Za-z_][A-Za-z0-9_]*\.([A-Za-z_][A-Za-z0-9_]*|\*)$/;

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v);

/** Checks one raw rule's shape and returns it typed, collecting every problem in `problems`. */
function readRule(raw: unknown, file: string, index: number, purposes: readonly string[], problems: string[]): PolicyRule | null {
  if (!isObject(raw)) {
    problems.push(`${file}: rules[${index}]: a rule must be a mapping`);
    return null;
  }
  const id = typeof raw.id === "string" ? raw.id : "";
  const at = id ? `${file}: rule "${id}"` : `${file}: rules[${index}]`;
  const start = problems.length;
  if (!RULE_ID.test(id)) problems.push(`${at}: id must be 3-80 characters of a-z, 0-9, "." and "-"`);
  if (typeof raw.description !== "string" || raw.description.trim().length < 10) problems.push(`${at}: description must say what the rule is for (10+ characters)`);
  const target = typeof raw.target === "string" ? [raw.target] : raw.target;
  if (!Array.isArray(target) || target.length === 0 || !target.every((t) => typeof t === "string" && COORDINATE.test(t))) {
    problems.push(`${at}: target must be "Type.field", "Type.*" or a list of them`);
  }
  if (!EFFECTS.includes(raw.effect as never)) problems.push(`${at}: effect must be one of ${EFFECTS.join(", ")}`);
  if (raw.effect === "mask" && !MASK_STRATEGIES.includes(raw.mask as never)) problems.push(`${at}: a mask rule needs mask: ${MASK_STRATEGIES.join(" | ")}`);
  if (raw.effect !== "mask" && raw.mask !== undefined) problems.push(`${at}: mask is only valid with effect: mask`);
  for (const key of Object.keys(raw)) {
    if (!["id", "description", "target", "effect", "mask", "when"].includes(key)) problems.push(`${at}: unknown key "${key}"`);
  }
  const when = raw.when === undefined ? undefined : readCondition(raw.when, at, purposes, problems);
  if (problems.length > start) return null;
  return {
    id,
    description: (raw.description as string).trim(),
    target: target as string[],
    effect: raw.effect as PolicyRule["effect"],
    ...(raw.mask ? { mask: raw.mask as PolicyRule["mask"] } : {}),
    ...(when ? { when } : {}),
  };
}

function list(value: unknown, allowed: readonly string[] | null, name: string, at: string, problems: string[]): readonly string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === "string" && (allowed === null || allowed.includes(v)))) {
    problems.push(`${at}: ${name} must be a non-empty list${allowed ? ` of ${allowed.join(", ")}` : " of strings"}`);
    return undefined;
  }
  return value as string[];
}

function keysOnly(raw: Raw, allowed: readonly string[], at: string, problems: string[]): void {
  for (const key of Object.keys(raw)) if (!allowed.includes(key)) problems.push(`${at}: unknown condition "${key}"`);
}

function readCondition(raw: unknown, at: string, purposes: readonly string[], problems: string[]): Condition | undefined {
  if (!isObject(raw)) {
    problems.push(`${at}: when must be a mapping of subject, purpose, record`);
    return undefined;
  }
  keysOnly(raw, ["subject", "purpose", "record", "parent"], `${at}: when`, problems);
  let parent: Record<string, readonly string[]> | undefined;
  if (raw.parent !== undefined) {
    if (!isObject(raw.parent) || Object.keys(raw.parent).length === 0) problems.push(`${at}: when.parent must map field names to lists of values`);
    else {
      parent = {};
      for (const [field, values] of Object.entries(raw.parent)) {
        const checked = list(values, null, `when.parent.${field}`, at, problems);
        if (checked) parent[field] = checked;
      }
    }
  }
  let subject: SubjectCondition | undefined;
  if (raw.subject !== undefined) {
    if (!isObject(raw.subject)) problems.push(`${at}: when.subject must be a mapping`);
    else {
      const s = raw.subject;
      keysOnly(s, ["agency", "notAgency", "roles", "notRoles", "minClearance", "maxClearance"], `${at}: when.subject`, problems);
      for (const bound of ["minClearance", "maxClearance"]) {
        if (s[bound] !== undefined && !(Number.isInteger(s[bound]) && (s[bound] as number) >= 0 && (s[bound] as number) <= 4)) {
          problems.push(`${at}: when.subject.${bound} must be an integer 0-4`);
        }
      }
      subject = {
        agency: list(s.agency, AGENCIES, "when.subject.agency", at, problems),
        notAgency: list(s.notAgency, AGENCIES, "when.subject.notAgency", at, problems),
        roles: list(s.roles, null, "when.subject.roles", at, problems),
        notRoles: list(s.notRoles, null, "when.subject.notRoles", at, problems),
        minClearance: s.minClearance as number | undefined,
        maxClearance: s.maxClearance as number | undefined,
      };
    }
  }
  let record: RecordCondition | undefined;
  if (raw.record !== undefined) {
    if (!isObject(raw.record)) problems.push(`${at}: when.record must be a mapping`);
    else {
      const r = raw.record;
      keysOnly(r, ["ownAgency", "originAgency", "handling", "inSubjectOperation", "sourceGrade", "maxInfoGrade"], `${at}: when.record`, problems);
      for (const flag of ["ownAgency", "inSubjectOperation"]) {
        if (r[flag] !== undefined && typeof r[flag] !== "boolean") problems.push(`${at}: when.record.${flag} must be true or false`);
      }
      if (r.maxInfoGrade !== undefined && !(Number.isInteger(r.maxInfoGrade) && (r.maxInfoGrade as number) >= 1 && (r.maxInfoGrade as number) <= 6)) {
        problems.push(`${at}: when.record.maxInfoGrade must be an integer 1-6`);
      }
      record = {
        ownAgency: r.ownAgency as boolean | undefined,
        originAgency: list(r.originAgency, AGENCIES, "when.record.originAgency", at, problems),
        handling: list(r.handling, HANDLINGS, "when.record.handling", at, problems),
        inSubjectOperation: r.inSubjectOperation as boolean | undefined,
        sourceGrade: list(r.sourceGrade, GRADES, "when.record.sourceGrade", at, problems),
        maxInfoGrade: r.maxInfoGrade as number | undefined,
      };
    }
  }
  const purpose = list(raw.purpose, purposes, "when.purpose", at, problems);
  return {
    ...(subject ? { subject: prune(subject) } : {}),
    ...(purpose ? { purpose } : {}),
    ...(record ? { record: prune(record) } : {}),
    ...(parent ? { parent } : {}),
  };
}

/** Drops undefined keys so stored rules and versions do not depend on how a condition was spelled. */
function prune<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export interface RawDocument {
  readonly file: string;
  readonly content: unknown;
}

/**
 * Validates documents against their own shape and against the supergraph: every target names
 * an existing type and field, record conditions only target record types, and rule ids are
 * unique across the set. Throws PolicyError listing every problem.
 */
export function validateDocuments(documents: readonly RawDocument[], supergraph: GraphQLSchema, purposes: readonly string[]): PolicyRule[] {
  const problems: string[] = [];
  const rules: PolicyRule[] = [];
  const seen = new Map<string, string>();
  for (const { file, content } of documents) {
    if (!isObject(content) || !Array.isArray(content.rules)) {
      problems.push(`${file}: a policy document needs a top-level "rules" list`);
      continue;
    }
    content.rules.forEach((raw, index) => {
      const rule = readRule(raw, file, index, purposes, problems);
      if (!rule) return;
      const where = `${file}: rule "${rule.id}"`;
      const earlier = seen.get(rule.id);
      if (earlier) problems.push(`${where}: id is already used in ${earlier}`);
      seen.set(rule.id, file);
      problems.push(...grantProblems(rule, where));
      for (const target of rule.target) {
        const [typeName = "", field = ""] = target.split(".");
        const type = supergraph.getType(typeName);
        if (!type || !isObjectType(type)) {
          problems.push(`${where}: target ${target}: no object type ${typeName} in the supergraph`);
          continue;
        }
        if (field !== "*" && !type.getFields()[field]) problems.push(`${where}: target ${target}: ${typeName} has no field ${field}`);
        else if (servedOnlyUnenforced(type, field)) {
          problems.push(`${where}: target ${target}: served by the administration and audit APIs, which are authorised in code, never by policies`);
        }
        for (const parentField of Object.keys(rule.when?.parent ?? {})) {
          if (!type.getFields()[parentField]) problems.push(`${where}: when.parent.${parentField}: ${typeName} has no field ${parentField}`);
        }
        // Records carry the envelope and value types inherit their record's; entities and roots have none to test.
        const isRecord = "originAgency" in type.getFields() && "handling" in type.getFields();
        if (rule.when?.record && !isRecord && (hasKey(type) || isRootType(supergraph, typeName))) {
          problems.push(`${where}: target ${target}: record conditions need a record type or a type nested in one`);
        }
        problems.push(...parentProblems(rule, where, type, field));
      }
      rules.push(rule);
    });
  }
  if (problems.length > 0) throw new PolicyError(problems);
  return rules;
}

/**
 * The graphs whose fields policies do not govern: the admin subgraph and the gateway's audit API
 * are authorised in code, so an administrator cannot lock everyone out, or let themselves in,
 * with a policy. A rule on their fields would do nothing, so it is refused rather than trusted.
 */
const UNENFORCED_GRAPHS = new Set(["ADMIN", "AUDIT"]);

const graphsOf = (directives: readonly ConstDirectiveNode[] | undefined, name: string): string[] =>
  (directives ?? [])
    .filter((d) => d.name.value === name)
    .map((d) => d.arguments?.find((a) => a.name.value === "graph")?.value)
    .flatMap((v) => (v?.kind === Kind.ENUM ? [v.value] : []));

/** Whether every graph serving the target (the field's, else its type's) is one policies do not govern. */
function servedOnlyUnenforced(type: GraphQLObjectType, field: string): boolean {
  const fieldGraphs = field === "*" ? [] : graphsOf(type.getFields()[field]?.astNode?.directives, "join__field");
  const graphs = fieldGraphs.length > 0 ? fieldGraphs : graphsOf(type.astNode?.directives, "join__type");
  return graphs.length > 0 && graphs.every((g) => UNENFORCED_GRAPHS.has(g));
}

/** An entity: some subgraph declares a key for it (join__type(..., key: ...) in the supergraph). */
function hasKey(type: GraphQLObjectType): boolean {
  return (type.astNode?.directives ?? []).some((d) => d.name.value === "join__type" && (d.arguments ?? []).some((a) => a.name.value === "key"));
}

const isRootType = (schema: GraphQLSchema, name: string) => schema.getQueryType()?.name === name || schema.getMutationType()?.name === name;

/** The supergraph as a schema to check targets against (join directives are kept, not executed). */
export function supergraphSchema(sdl: string): GraphQLSchema {
  return buildASTSchema(parse(sdl), { assumeValidSDL: true });
}
