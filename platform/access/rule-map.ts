import { getNamedType, GraphQLError, isObjectType, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from "graphql";
import { allow, rule } from "graphql-shield";
import type { Decision, RecordEnvelope } from "../../policies/index.js";
import { ErrorCode } from "../../schema/errors.js";
import type { AccessContext } from "./access-context.js";
import type { FieldSite } from "./record-decisions.js";
import type { SchemaKinds } from "./schema-kinds.js";

/** The part of a request context enforcement reads. */
export interface AccessAware {
  readonly access: AccessContext | null;
}

// The message names the rule, never the value or whether a hidden record exists.
export const denial = (ruleId: string) => new GraphQLError("Not authorised to see this field", { extensions: { code: ErrorCode.FORBIDDEN, rule: ruleId } });
/**
 * A refused write says it is one. Decided on the caller alone, before anything is read, so it
 * is the same whether or not the record named exists.
 */
export const writeDenial = (verb: "create" | "change", typeName: string, ruleId: string) =>
  new GraphQLError(`Not authorised to ${verb} ${typeName}`, { extensions: { code: ErrorCode.FORBIDDEN, rule: ruleId } });
/** Fail closed: a field reached without a caller's policy (the caller plugin refuses such requests first). */
export const noAccess = () => new GraphQLError("Not authorised: no verified subject and purpose", { extensions: { code: ErrorCode.FORBIDDEN, rule: "no-subject" } });

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === "object" && value !== null;

export interface RuleMap {
  /** graphql-shield rules by type and field. */
  readonly rules: Record<string, Record<string, unknown>>;
  /** Coordinates without a shield check at all (open fields, nested values, record and entity fields). */
  readonly unchecked: ReadonlySet<string>;
  /**
   * Record and entity fields: checked in enforce.ts's field middleware, synchronously, with the
   * decision made once per record (record-decisions.ts). A shield rule per field and row would
   * cost a promise each (STACK.md: wrapping every field has a real cost on large lists).
   */
  readonly recordChecks: ReadonlyMap<string, FieldCheck>;
  /**
   * Nested value fields, checked only when the request's policy version has a rule for them
   * (enforce.ts asks per request): a rule added by a later version applies without a rebuild.
   */
  readonly valueChecks: ReadonlyMap<string, FieldCheck>;
}

/** One field's policy check for one parent: true, or the error that denies it. */
export type FieldCheck = (parent: unknown, ctx: AccessAware) => true | GraphQLError;

/**
 * Where to ask the policy: every field of every object type is listed (fallback deny). Root
 * fields, which depend on the caller alone, are graphql-shield rules; every other governed field
 * gets a check that enforce.ts runs. A check asks the caller's compiled policy about the field
 * with the envelope of the record that holds it, notes the decision for the delivery audit, and
 * registers a mask. Nothing here depends on a policy version: which rules exist is read from the
 * request's own policy.
 */
export function buildRuleMap(schema: GraphQLSchema, kinds: SchemaKinds): RuleMap {
  const rules: Record<string, Record<string, unknown>> = {};
  const unchecked = new Set<string>();
  const valueChecks = new Map<string, FieldCheck>();
  const recordChecks = new Map<string, FieldCheck>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    const typeRules: Record<string, unknown> = {};
    for (const [fieldName, field] of Object.entries(type.getFields())) {
      const role = kinds.roleOf(type, fieldName);
      const coordinate = `${type.name}.${fieldName}`;
      if (role === "open") {
        typeRules[fieldName] = allow;
        unchecked.add(coordinate);
        continue;
      }
      const site: FieldSite = { type: type.name, field: fieldName, coordinate, kind: kinds.fieldKind(role) };
      const check = fieldCheck(site, kinds, refusalOf(schema, type, field));
      // A nested value field inherits its holder's decision unless a rule targets it: checked in
      // enforce.ts's middleware only then, so most values cost no check at all.
      if (role === "value") {
        typeRules[fieldName] = allow;
        unchecked.add(coordinate);
        valueChecks.set(coordinate, check);
        continue;
      }
      if (!kinds.isRoot(type)) {
        typeRules[fieldName] = allow;
        unchecked.add(coordinate);
        recordChecks.set(coordinate, check);
        continue;
      }
      // Shield's "contextual" cache ignores the parent, so rules that may read the record use no cache.
      typeRules[fieldName] = rule(`policy:${coordinate}`, { cache: "no_cache" })((parent: unknown, _args: unknown, ctx: AccessAware) => check(parent, ctx));
    }
    rules[type.name] = typeRules;
  }
  return { rules, unchecked, valueChecks, recordChecks };
}

/** How a refusal of the field is worded: a mutation is a write (one naming an existing record by its ID a change). */
function refusalOf(schema: GraphQLSchema, type: GraphQLObjectType, field: GraphQLField<unknown, unknown>): (rule: string) => GraphQLError {
  if (type !== schema.getMutationType()) return denial;
  const verb = field.args.some((arg) => getNamedType(arg.type).name === "ID") ? "change" : "create";
  const target = getNamedType(field.type).name;
  return (ruleId) => writeDenial(verb, target, ruleId);
}

// Top-level, not a closure per call: closures made per field and row are what large lists pay for.
const entityIdOf = (keys: readonly string[], holder: Obj): string => keys.map((k) => String(holder[k])).join(":");

function fieldCheck(site: FieldSite, kinds: SchemaKinds, refuse: (rule: string) => GraphQLError): FieldCheck {
  const { type: typeName, field: fieldName } = site;
  const isRecord = kinds.recordTypes.has(typeName);
  const isEntity = kinds.entityTypes.has(typeName);
  const keys = kinds.keysOf(typeName);
  return (parent, ctx) => {
    const access = ctx.access;
    if (!access) return noAccess();
    const holder = isObj(parent) ? parent : null;
    // The record's own envelope, or the one its record handed down (pass-on.ts).
    let envelope: RecordEnvelope | null = null;
    if (holder) envelope = isRecord ? access.envelopeOfRecord(typeName, holder) : (access.envelopes.get(holder) ?? null);
    // A shared entity may carry its record's envelope itself (a cross-service field's @requires).
    const carried = !envelope && holder && isEntity ? access.envelopeOfEntity(typeName, entityIdOf(keys, holder), holder) : null;
    // A nested value always comes with its record's envelope; if it did not, a rule that would
    // read it denies (fail closed). Shared entities served elsewhere carry one or none by design.
    const blind = holder && !envelope && !isEntity ? access.policy.blindDenial(typeName, fieldName, holder) : null;
    const decision: Decision = blind ?? access.decisions.decide(site, envelope ?? carried, holder);
    // A record's own fields are all audited; nested ones only when denied or masked (the record field that returned them is already noted).
    if (envelope && (isRecord || decision.effect !== "allow")) access.noteOn(envelope, isRecord ? fieldName : site.coordinate, decision);
    else if (holder && isEntity) access.note(typeName, entityIdOf(keys, holder), fieldName, decision);
    if (decision.effect === "deny") return refuse(decision.rule);
    if (decision.effect === "mask" && holder && decision.mask) access.setMask(holder, fieldName, decision.mask);
    return true;
  };
}
