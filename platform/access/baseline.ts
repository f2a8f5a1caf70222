import { GraphQLError, GraphQLObjectType, isObjectType, Kind, type GraphQLSchema } from "graphql";
import { applyMiddleware } from "graphql-middleware";
import { allow, deny, rule, shield, type IRules } from "graphql-shield";
import { ErrorCode } from "../../schema/errors.js";
import type { Agency } from "../../schema/enums.js";
import type { SubgraphContext } from "../subgraph/context.js";

/*
 * Deny-by-default access until the policy engine lands: an agency sees its own records in full,
 * and of another agency's records only the envelope that says whom to ask (id, origin agency,
 * handling code). Mutations belong to the owning agency's officers and analysts.
 */

/** Record fields anyone authenticated may see: enough to know whom to ask, nothing more. */
const OPEN_RECORD_FIELDS = new Set(["id", "originAgency", "handling", "__typename"]);
const WRITER_ROLES = new Set(["officer", "analyst", "admin"]);

const denial = (message: string, ruleId: string) => new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN, rule: ruleId } });

// Reads the record itself, so it must never be cached across parents (shield's "contextual" cache ignores parent).
const ownAgencyRecord = rule("own-agency-record", { cache: "no_cache" })((parent: { originAgency?: string }, _args, ctx: SubgraphContext) => {
  if (ctx.caller.subject && parent.originAgency === ctx.caller.subject.agency) return true;
  return denial("Not authorised to see this field of another agency's record", "baseline.own-agency-record");
});

function ownerWriter(owner: Agency | null) {
  return rule("owner-writer", { cache: "contextual" })((_parent, _args, ctx: SubgraphContext) => {
    const subject = ctx.caller.subject;
    if (subject && owner && subject.agency === owner && subject.roles.some((r) => WRITER_ROLES.has(r))) return true;
    return denial("Only the owning agency's officers and analysts may record here", "baseline.owner-writer");
  });
}

/** Fields named in the type's @key: the caller already holds them (they asked by them), and a denied key would null the entity. */
function keyFields(type: GraphQLObjectType): Set<string> {
  const keys = new Set<string>();
  for (const directive of type.astNode?.directives ?? []) {
    if (directive.name.value !== "key") continue;
    const fields = directive.arguments?.find((arg) => arg.name.value === "fields")?.value;
    if (fields?.kind === Kind.STRING) for (const name of fields.value.split(/\s+/)) if (name) keys.add(name);
  }
  for (const extension of type.extensionASTNodes ?? []) {
    for (const directive of extension.directives ?? []) {
      const fields = directive.name.value === "key" ? directive.arguments?.find((arg) => arg.name.value === "fields")?.value : undefined;
      if (fields?.kind === Kind.STRING) for (const name of fields.value.split(/\s+/)) if (name) keys.add(name);
    }
  }
  return keys;
}

/** A record type carries the handling envelope. */
export const isRecordType = (type: GraphQLObjectType): boolean => {
  const fields = type.getFields();
  return "originAgency" in fields && "handling" in fields && "id" in fields;
};

/** Wraps a subgraph schema in the baseline rules: every field gets an explicit rule, anything unlisted is denied. */
export function applyBaselineAccess(schema: GraphQLSchema, owner: Agency | null): GraphQLSchema {
  const rules: Record<string, Record<string, unknown>> = {};
  const writer = ownerWriter(owner);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    const typeRules: Record<string, unknown> = {};
    const record = isRecordType(type);
    const keys = keyFields(type);
    for (const field of Object.keys(type.getFields())) {
      if (type === schema.getMutationType()) typeRules[field] = writer;
      else if (record && !OPEN_RECORD_FIELDS.has(field) && !keys.has(field)) typeRules[field] = ownAgencyRecord;
      else typeRules[field] = allow;
    }
    rules[type.name] = typeRules;
  }
  const permissions = shield(rules as IRules, {
    fallbackRule: deny,
    fallbackError: denial("Not authorised", "baseline.default-deny"),
    // Resolver errors (bad input, not found) reach the caller as they are, not as a denial.
    allowExternalErrors: true,
  });
  return applyMiddleware(schema, permissions);
}
