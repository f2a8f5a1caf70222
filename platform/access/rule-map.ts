import { GraphQLError, isObjectType, type GraphQLSchema } from "graphql";
import { allow, rule } from "graphql-shield";
import type { CompiledPolicy, Decision, RecordEnvelope } from "../../policies/index.js";
import { ErrorCode } from "../../schema/errors.js";
import type { AccessContext } from "./access-context.js";
import type { SchemaKinds } from "./schema-kinds.js";

/** The part of a request context enforcement reads. */
export interface AccessAware {
  readonly access: AccessContext | null;
}

// The message names the rule, never the value or whether a hidden record exists.
export const denial = (ruleId: string) => new GraphQLError("Not authorised to see this field", { extensions: { code: ErrorCode.FORBIDDEN, rule: ruleId } });
const unauthenticated = () => new GraphQLError("Not authorised: no verified subject and purpose", { extensions: { code: ErrorCode.FORBIDDEN, rule: "no-subject" } });

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === "object" && value !== null;

export interface RuleMap {
  /** graphql-shield rules by type and field. */
  readonly rules: Record<string, Record<string, unknown>>;
  /** Coordinates allowed unconditionally (open fields, untargeted nested values): they need no check at all. */
  readonly unchecked: ReadonlySet<string>;
}

/**
 * Where to ask the policy: every field of every object type gets a rule (fallback deny). A rule
 * asks the caller's compiled policy about the field with the envelope of the record that holds
 * it, notes the decision for the delivery audit, and registers a mask.
 */
export function buildRuleMap(schema: GraphQLSchema, kinds: SchemaKinds, compiled: CompiledPolicy): RuleMap {
  const rules: Record<string, Record<string, unknown>> = {};
  const unchecked = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    const typeRules: Record<string, unknown> = {};
    const isRecord = kinds.recordTypes.has(type.name);
    const isEntity = kinds.entityTypes.has(type.name);
    const keys = kinds.keysOf(type.name);
    for (const fieldName of Object.keys(type.getFields())) {
      const role = kinds.roleOf(type, fieldName);
      const kind = kinds.fieldKind(role);
      // A nested value field no rule targets inherits its holder's decision: no check to run.
      // (Rules that target one are compiled in; a policy set adding such a target is applied by a rebuild.)
      if (role === "open" || (role === "value" && !compiled.targets(type.name, fieldName))) {
        typeRules[fieldName] = allow;
        unchecked.add(`${type.name}.${fieldName}`);
        continue;
      }
      // Shield's "contextual" cache ignores the parent, so rules that may read the record use no cache.
      typeRules[fieldName] = rule(`policy:${type.name}.${fieldName}`, { cache: "no_cache" })((parent: unknown, _args: unknown, ctx: AccessAware) => {
        const access = ctx.access;
        if (!access) return unauthenticated();
        const holder = isObj(parent) ? parent : null;
        const envelope: RecordEnvelope | null = isRecord && holder ? access.envelopeOfRecord(type.name, holder) : holder ? (access.envelopes.get(holder) ?? null) : null;
        const decision: Decision = access.policy.decide(type.name, fieldName, envelope, kind, holder);
        // A record's own fields are all audited; nested ones only when denied or masked (the record field that returned them is already noted).
        if (envelope && (isRecord || decision.effect !== "allow")) access.note(envelope.type, envelope.id, isRecord ? fieldName : `${type.name}.${fieldName}`, decision);
        else if (holder && isEntity) access.note(type.name, keys.map((k) => String(holder[k])).join(":"), fieldName, decision);
        if (decision.effect === "deny") return denial(decision.rule);
        if (decision.effect === "mask" && holder && decision.mask) access.setMask(holder, fieldName, decision.mask);
        return true;
      });
    }
    rules[type.name] = typeRules;
  }
  return { rules, unchecked };
}
