import { GraphQLError, isObjectType, type GraphQLResolveInfo, type GraphQLSchema } from "graphql";
import { applyMiddleware, type IMiddleware, type IMiddlewareFunction } from "graphql-middleware";
import { allow, deny, rule, shield, type IRules } from "graphql-shield";
import { applyMask, isVisible, type CompiledPolicy, type RecordEnvelope } from "../../policies/index.js";
import { ErrorCode } from "../../schema/errors.js";
import { envelopeOf, type AccessContext } from "./access-context.js";
import { SchemaKinds } from "./schema-kinds.js";

/** The part of a request context enforcement reads. */
export interface AccessAware {
  readonly access: AccessContext | null;
}

// The message names the rule, never the value or whether a hidden record exists.
const denial = (ruleId: string) => new GraphQLError("Not authorised to see this field", { extensions: { code: ErrorCode.FORBIDDEN, rule: ruleId } });
const unauthenticated = () => new GraphQLError("Not authorised: no verified subject and purpose", { extensions: { code: ErrorCode.FORBIDDEN, rule: "no-subject" } });

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === "object" && value !== null;

/**
 * Wraps a subgraph schema in the policy engine: a graphql-shield rule map (every field listed,
 * fallback deny) whose rules ask the caller's compiled policy, plus field middleware that hides
 * records the caller may not know exist, hands each record's envelope to the objects nested in
 * it, and masks values. The policy set itself is data; this map only says where to ask.
 */
export function enforcePolicies(schema: GraphQLSchema, policy: () => CompiledPolicy): GraphQLSchema {
  const kinds = new SchemaKinds(schema);
  const rules: Record<string, Record<string, unknown>> = {};
  const middleware: Record<string, Record<string, IMiddlewareFunction>> = {};
  const compiled = policy();
  /** Fields allowed unconditionally (open fields, untargeted nested values): they need no check at all. */
  const unchecked = new Set<string>();

  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    const typeRules: Record<string, unknown> = {};
    const typeMiddleware: Record<string, IMiddlewareFunction> = {};
    const isRecord = kinds.recordTypes.has(type.name);
    const keys = kinds.keysOf(type.name);
    for (const [fieldName, field] of Object.entries(type.getFields())) {
      const role = kinds.roleOf(type, fieldName);
      const kind = kinds.fieldKind(role);
      // A nested value field no rule targets inherits its holder's decision: no check to run.
      // (Rules that target one are compiled in; a policy set adding such a target is applied by a rebuild.)
      if (role === "open" || (role === "value" && !compiled.targets(type.name, fieldName))) {
        typeRules[fieldName] = allow;
        unchecked.add(`${type.name}.${fieldName}`);
      } else {
        // Shield's "contextual" cache ignores the parent, so rules that may read the record use no cache.
        typeRules[fieldName] = rule(`policy:${type.name}.${fieldName}`, { cache: "no_cache" })(
          (parent: unknown, _args: unknown, ctx: AccessAware) => {
            const access = ctx.access;
            if (!access) return unauthenticated();
            const holder = isObj(parent) ? parent : null;
            const envelope: RecordEnvelope | null = isRecord && holder ? access.envelopeOfRecord(type.name, holder) : holder ? (access.envelopes.get(holder) ?? null) : null;
            const decision = access.policy.decide(type.name, fieldName, envelope, kind, holder);
            // A record's own fields are all audited; nested ones only when denied or masked (the record field that returned them is already noted).
            if (envelope && (isRecord || decision.effect !== "allow")) access.note(envelope.type, envelope.id, isRecord ? fieldName : `${type.name}.${fieldName}`, decision);
            else if (holder && kinds.entityTypes.has(type.name)) access.note(type.name, keys.map((k) => String(holder[k])).join(":"), fieldName, decision);
            if (decision.effect === "deny") return denial(decision.rule);
            if (decision.effect === "mask" && holder && decision.mask) access.setMask(holder, fieldName, decision.mask);
            return true;
          },
        );
      }

      if (kinds.isRoot(type) && fieldName === "_entities") {
        // Entity look-ups (the gateway's joins) obey visibility like every other path.
        typeMiddleware[fieldName] = async (resolve, parent: unknown, args: unknown, ctx: AccessAware, info: GraphQLResolveInfo) => {
          const value: unknown = await resolve(parent, args, ctx, info);
          const access = ctx.access;
          if (!access || !Array.isArray(value)) return value;
          // @apollo/subgraph answers with one promise per representation.
          const items: unknown[] = await Promise.all(value);
          return items.map((item: unknown) => {
            const typename = isObj(item) ? item.__typename : undefined;
            return typeof typename === "string" && kinds.recordTypes.has(typename) ? hideInvisible(item, typename, access) : item;
          });
        };
        continue;
      }
      const recordType = kinds.returnedRecordType(field);
      const carriesEnvelope = kinds.returnsValueObjects(field) && !kinds.isRoot(type);
      const masked = compiled.isMasked(type.name, fieldName);
      if (!recordType && !carriesEnvelope && !masked) continue;
      const after = (value: unknown, parent: unknown, ctx: AccessAware): unknown => {
        const access = ctx.access;
        if (!access) return value;
        if (recordType) return hideInvisible(value, recordType, access);
        if (carriesEnvelope && isObj(parent)) {
          const envelope = isRecord ? access.envelopeOfRecord(type.name, parent) : access.envelopes.get(parent);
          if (envelope) passOn(value, envelope, access, 0);
        }
        if (masked && isObj(parent)) {
          const mask = access.maskOf(parent, fieldName);
          if (mask) return applyMask(value, mask);
        }
        return value;
      };
      // Synchronous when the resolver is: a promise per field per row is what large lists pay for.
      // (graphql-middleware's types ask for a promise; at run time it hands a plain value to graphql-js, which takes both.)
      typeMiddleware[fieldName] = ((resolve: (...a: unknown[]) => unknown, parent: unknown, args: unknown, ctx: AccessAware, info: GraphQLResolveInfo) => {
        const value: unknown = resolve(parent, args, ctx, info);
        return value instanceof Promise ? value.then((resolved) => after(resolved, parent, ctx)) : after(value, parent, ctx);
      }) as unknown as IMiddlewareFunction;
    }
    rules[type.name] = typeRules;
    if (Object.keys(typeMiddleware).length > 0) middleware[type.name] = typeMiddleware;
  }

  const permissions = shield(rules as IRules, {
    fallbackRule: deny,
    fallbackError: denial("default-deny"),
    // Resolver errors (bad input, not found, conflict) reach the caller as they are.
    allowExternalErrors: true,
  }) as unknown as { generate(schema: GraphQLSchema): Record<string, Record<string, IMiddlewareFunction>> };
  // Shield wraps every field in an async check. For fields its rule map allows unconditionally
  // that wrapper only costs time (a promise per field per row), so those entries are dropped.
  const fieldChecks = permissions.generate(schema);
  for (const coordinate of unchecked) {
    const [typeName = "", fieldName = ""] = coordinate.split(".");
    delete fieldChecks[typeName]?.[fieldName];
  }
  return applyMiddleware(schema, fieldChecks as IMiddleware, middleware as IMiddleware);
}

/** Records the caller may not know exist are dropped from lists and become null (= not found). */
function hideInvisible(value: unknown, type: string, access: AccessContext): unknown {
  const visibility = access.policy.visibility(type);
  const visible = (item: unknown) => isObj(item) && isVisible(visibility, envelopeOf(type, item), access.subject);
  if (Array.isArray(value)) return value.filter(visible);
  if (value === null || value === undefined) return value;
  return visible(value) ? value : null;
}

/** Hands the record's envelope to the nested objects it returned (bounded depth: values are small trees). */
function passOn(value: unknown, envelope: RecordEnvelope, access: AccessContext, depth: number): void {
  if (depth > 4) return;
  if (Array.isArray(value)) {
    for (const item of value) passOn(item, envelope, access, depth + 1);
    return;
  }
  if (isObj(value) && !(value instanceof Date)) access.envelopes.set(value, envelope);
}
