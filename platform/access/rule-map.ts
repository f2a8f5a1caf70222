import { GraphQLError, isObjectType, type GraphQLSchema } from "graphql";
import { allow, rule } from "graphql-shield";
import type { Decision, RecordEnvelope } from "../../policies/index.js";
import { ErrorCode } from "../../schema/errors.js";
import type { AccessContext } from "./access-context.js";
import type { SchemaKinds } from "./schema-kinds.js";

/** The part of a request context enforcement reads. */
export interface AccessAware {
  readonly access: AccessContext | null;
}

// The message names the rule, never the value or whether a hidden record exists.
export const denial = (ruleId: string) => new GraphQLError("Not authorised to see this field", { extensions: { code: ErrorCode.FORBIDDEN, rule: ruleId } });
/** Fail closed: a field reached without a caller's policy (the caller plugin refuses such requests first). */
export const noAccess = () => new GraphQLError("Not authorised: no verified subject and purpose", { extensions: { code: ErrorCode.FORBIDDEN, rule: "no-subject" } });

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === "object" && value !== null;

export interface RuleMap {
  /** graphql-shield rules by type and field. */
  readonly rules: Record<string, Record<string, unknown>>;
  /** Coordinates allowed unconditionally by shield (open fields, nested values): no shield check at all. */
  readonly unchecked: ReadonlySet<string>;
  /**
   * Nested value fields, checked only when the request's policy version has a rule for them
   * (enforce.ts asks per request): a rule added by a later version applies without a rebuild.
   */
  readonly valueChecks: ReadonlyMap<string, FieldCheck>;
}

/** One field's policy check for one parent: true, or the error that denies it. */
export type FieldCheck = (parent: unknown, ctx: AccessAware) => true | GraphQLError;

/**
 * Where to ask the policy: every field of every object type gets a rule (fallback deny). A rule
 * asks the caller's compiled policy about the field with the envelope of the record that holds
 * it, notes the decision for the delivery audit, and registers a mask. Nothing here depends on a
 * policy version: which rules exist is read from the request's own policy.
 */
export function buildRuleMap(schema: GraphQLSchema, kinds: SchemaKinds): RuleMap {
  const rules: Record<string, Record<string, unknown>> = {};
  const unchecked = new Set<string>();
  const valueChecks = new Map<string, FieldCheck>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    const typeRules: Record<string, unknown> = {};
    for (const fieldName of Object.keys(type.getFields())) {
      const role = kinds.roleOf(type, fieldName);
      const coordinate = `${type.name}.${fieldName}`;
      if (role === "open") {
        typeRules[fieldName] = allow;
        unchecked.add(coordinate);
        continue;
      }
      const check = fieldCheck(type.name, fieldName, kinds.fieldKind(role), kinds);
      // A nested value field inherits its holder's decision unless a rule targets it: checked in
      // enforce.ts's middleware only then, so most values cost no check at all.
      if (role === "value") {
        typeRules[fieldName] = allow;
        unchecked.add(coordinate);
        valueChecks.set(coordinate, check);
        continue;
      }
      // Shield's "contextual" cache ignores the parent, so rules that may read the record use no cache.
      typeRules[fieldName] = rule(`policy:${coordinate}`, { cache: "no_cache" })((parent: unknown, _args: unknown, ctx: AccessAware) => check(parent, ctx));
    }
    rules[type.name] = typeRules;
  }
  return { rules, unchecked, valueChecks };
}

function fieldCheck(typeName: string, fieldName: string, kind: ReturnType<SchemaKinds["fieldKind"]>, kinds: SchemaKinds): FieldCheck {
  const isRecord = kinds.recordTypes.has(typeName);
  const isEntity = kinds.entityTypes.has(typeName);
  const keys = kinds.keysOf(typeName);
  return (parent, ctx) => {
    const access = ctx.access;
    if (!access) return noAccess();
    const holder = isObj(parent) ? parent : null;
    const entityId = () => keys.map((k) => String((holder as Obj)[k])).join(":");
    // The record's own envelope, or the one its record handed down (pass-on.ts).
    let envelope: RecordEnvelope | null = null;
    if (holder) envelope = isRecord ? access.envelopeOfRecord(typeName, holder) : (access.envelopes.get(holder) ?? null);
    // A shared entity may carry its record's envelope itself (a cross-service field's @requires).
    const carried = !envelope && holder && isEntity ? access.envelopeOfEntity(typeName, entityId(), holder) : null;
    // A nested value always comes with its record's envelope; if it did not, a rule that would
    // read it denies (fail closed). Shared entities served elsewhere carry one or none by design.
    const blind = holder && !envelope && !isEntity ? access.policy.blindDenial(typeName, fieldName, holder) : null;
    const decision: Decision = blind ?? access.policy.decide(typeName, fieldName, envelope ?? carried, kind, holder);
    // A record's own fields are all audited; nested ones only when denied or masked (the record field that returned them is already noted).
    if (envelope && (isRecord || decision.effect !== "allow")) access.note(envelope.type, envelope.id, isRecord ? fieldName : `${typeName}.${fieldName}`, decision);
    else if (holder && isEntity) access.note(typeName, entityId(), fieldName, decision);
    if (decision.effect === "deny") return denial(decision.rule);
    if (decision.effect === "mask" && holder && decision.mask) access.setMask(holder, fieldName, decision.mask);
    return true;
  };
}
