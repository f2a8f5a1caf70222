import { isObjectType, type GraphQLResolveInfo, type GraphQLSchema } from "graphql";
import { applyMiddleware, type IMiddleware, type IMiddlewareFunction } from "graphql-middleware";
import { deny, shield, type IRules } from "graphql-shield";
import { applyMask, type Decision } from "../../policies/index.js";
import type { AccessContext } from "./access-context.js";
import { passOn } from "./pass-on.js";
import type { Reachability } from "./reachability.js";
import { buildRuleMap, denial, noAccess, type AccessAware } from "./rule-map.js";
import { ENVELOPE_FIELDS, SchemaKinds } from "./schema-kinds.js";
import { filterEntity, hideInvisible } from "./visibility.js";

export type { AccessAware } from "./rule-map.js";

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === "object" && value !== null;

/** How a served envelope field is noted in the delivery audit (it is always served with a visible record). */
const ENVELOPE_SERVED: Decision = { effect: "allow", rule: "envelope" };

/**
 * Wraps a subgraph schema in the policy engine: a graphql-shield rule map (rule-map.ts: every
 * field listed, fallback deny) whose root-field rules ask the caller's compiled policy, plus field
 * middleware that checks record, entity and value fields synchronously (decided once per record,
 * record-decisions.ts), hides records the caller may not know exist (visibility.ts), answers
 * `_entities` only for types the caller can reach, notes envelope disclosures for the audit,
 * hands each record's envelope to the objects nested in it (pass-on.ts), and masks values.
 * The policy set itself is data; this only says where to ask. See README.md in this folder.
 */
export function enforcePolicies(schema: GraphQLSchema, reachability: Reachability): GraphQLSchema {
  const kinds = new SchemaKinds(schema);
  const { rules, unchecked, valueChecks, recordChecks } = buildRuleMap(schema, kinds);
  const middleware: Record<string, Record<string, IMiddlewareFunction>> = {};

  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    const typeMiddleware: Record<string, IMiddlewareFunction> = {};
    const isRecord = kinds.recordTypes.has(type.name);
    for (const [fieldName, field] of Object.entries(type.getFields())) {
      if (kinds.isRoot(type) && fieldName === "_entities") {
        typeMiddleware[fieldName] = async (resolve, parent: unknown, args: unknown, ctx: AccessAware, info: GraphQLResolveInfo) => {
          const access = ctx.access;
          // Fail closed: without a caller's policy nothing is answered (the caller plugin refuses such requests first).
          if (!access) throw noAccess();
          const value: unknown = await resolve(parent, args, ctx, info);
          if (!Array.isArray(value)) return value;
          // @apollo/subgraph answers with one promise per representation: each is filtered on
          // its own, so one refused representation fails only its own item.
          return value.map((item: unknown) => Promise.resolve(item).then((entity) => filterEntity(entity, access, kinds.recordTypes, reachability)));
        };
        continue;
      }
      if (kinds.roleOf(type, fieldName) === "open" && !(isRecord && ENVELOPE_FIELDS.has(fieldName))) continue;
      const recordType = kinds.returnedRecordType(field);
      const carriesEnvelope = kinds.returnsValueObjects(field) && !kinds.isRoot(type);
      // The value fields below this one: no envelope is handed down where no rule of the caller's names one.
      const below = carriesEnvelope ? kinds.valueFieldsUnder(field) : [];
      // Every disclosure of a record, even of its envelope alone, reaches the delivery audit.
      const envelopeField = isRecord && ENVELOPE_FIELDS.has(fieldName);
      const coordinate = `${type.name}.${fieldName}`;
      const recordCheck = recordChecks.get(coordinate);
      const valueCheck = valueChecks.get(coordinate);
      const after = (value: unknown, parent: unknown, access: AccessContext): unknown => {
        if (envelopeField && isObj(parent)) {
          access.noteOn(access.envelopeOfRecord(type.name, parent), fieldName, ENVELOPE_SERVED);
          return value;
        }
        if (recordType) return hideInvisible(value, recordType, access);
        if (carriesEnvelope && isObj(parent) && access.anyRules(coordinate, below)) {
          const envelope = isRecord ? access.envelopeOfRecord(type.name, parent) : access.envelopes.get(parent);
          if (envelope) passOn(value, envelope, access);
        }
        // Which fields are masked is the request's policy version's business: asked per value, not fixed at start.
        if (access.masking && isObj(parent)) {
          const mask = access.maskOf(parent, fieldName);
          if (mask) return applyMask(value, mask);
        }
        return value;
      };
      // Synchronous when the resolver is: a promise per field per row is what large lists pay for.
      // (graphql-middleware's types ask for a promise; at run time it hands a plain value to graphql-js, which takes both.)
      typeMiddleware[fieldName] = ((resolve: (...a: unknown[]) => unknown, parent: unknown, args: unknown, ctx: AccessAware, info: GraphQLResolveInfo) => {
        const access = ctx.access;
        if (!access) throw noAccess();
        // A record's or entity's field: decided before it is resolved, once per record (record-decisions.ts).
        if (recordCheck) {
          const checked = recordCheck(parent, ctx);
          if (checked !== true) throw checked;
        }
        // A nested value no rule of this version targets inherits its holder's decision: no check.
        else if (valueCheck && access.policy.hasRules(type.name, fieldName, coordinate)) {
          const checked = valueCheck(parent, ctx);
          if (checked !== true) throw checked;
        }
        const value: unknown = resolve(parent, args, ctx, info);
        return value instanceof Promise ? value.then((resolved) => after(resolved, parent, access)) : after(value, parent, access);
      }) as unknown as IMiddlewareFunction;
    }
    if (Object.keys(typeMiddleware).length > 0) middleware[type.name] = typeMiddleware;
  }

  const permissions = shield(rules as IRules, {
    fallbackRule: deny,
    fallbackError: denial("default-deny"),
    // Resolver errors (bad input, not found, conflict) reach the caller as they are.
    allowExternalErrors: true,
  }) as unknown as { generate(schema: GraphQLSchema): Record<string, Record<string, IMiddlewareFunction>> };
  // Shield wraps every field in an async check. For fields its rule map allows unconditionally
  // (open fields, nested values, and record and entity fields, which the middleware above checks)
  // that wrapper only costs time (a promise per field per row), so those entries are dropped.
  const fieldChecks = permissions.generate(schema);
  for (const coordinate of unchecked) {
    const [typeName = "", fieldName = ""] = coordinate.split(".");
    delete fieldChecks[typeName]?.[fieldName];
  }
  return applyMiddleware(schema, fieldChecks as IMiddleware, middleware as IMiddleware);
}
