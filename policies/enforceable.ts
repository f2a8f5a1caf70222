import type { GraphQLField, GraphQLObjectType } from "graphql";
import type { PolicyRule } from "./model.js";

/*
 * Conditions a rule may not have, although they are well formed: those that let unknown callers
 * in, and those that some query path would not check. Each problem names the rule and the reason.
 */

/**
 * An allow rule lists the roles it allows. Roles are an open set (any issuer may mint a new one),
 * so a rule for "every role" or "every role but X" lets an unknown role (`guest`, `auditors`)
 * read whatever the rule allows. Deny rules may exclude (they fail closed); masks may too, since
 * a mask only ever narrows an allowed value and an unknown role is masked, not let in. Agencies
 * are a closed list checked at the token, so `notAgency` is not an exclusion of this kind.
 */
export function grantProblems(rule: PolicyRule, where: string): string[] {
  if (rule.effect !== "allow") return [];
  const subject = rule.when?.subject;
  if (subject?.roles) return [];
  if (subject?.notRoles) {
    return [`${where}: grants by exclusion: when.subject.notRoles without when.subject.roles lets every other role in, unknown ones included; list the roles it allows in when.subject.roles`];
  }
  return [`${where}: an allow rule must list the roles it allows in when.subject.roles (without it every role, unknown ones included, is allowed)`];
}

/**
 * `when.parent` is tested by the field middleware on the object holding the field. Record lists,
 * counts, filters and visibility are decided in SQL by the subgraph that owns the records, from
 * record conditions only, so a parent condition on a field that subgraph serves (or on `Type.*`)
 * would be skipped there: an allow would open the list to everyone it names, a deny would be
 * ignored by filters. It stays valid on types nested in a record (IdentifierRef.value with
 * `kind`), on entities that are not records, and on a record type's field served by another
 * subgraph that `@requires` the condition's fields from the owner. `PostalItem.customsHit` is that
 * last case: customs serves it on a PostalItem stub, never lists postal items, and gets
 * `originAgency` from the postal subgraph, fetched by the gateway as the same caller under the
 * postal subgraph's own policy (a caller who may not see the item gets null there, so the
 * condition fails). A direct call to customs could forge that representation; in production
 * subgraphs only accept calls carrying the gateway's proof.
 */
export function parentProblems(rule: PolicyRule, where: string, type: GraphQLObjectType, fieldName: string): string[] {
  const parent = rule.when?.parent;
  if (!parent) return [];
  const fields = type.getFields();
  const envelope = fields.originAgency;
  if (!envelope || !fields.handling) return [];
  const target = `${type.name}.${fieldName}`;
  const field = fieldName === "*" ? undefined : fields[fieldName];
  if (fieldName !== "*" && !field) return [];
  const owners = servingGraphs(type, envelope);
  if (!field || servingGraphs(type, field).some((graph) => owners.includes(graph))) {
    return [
      `${where}: target ${target}: when.parent cannot be enforced on ${type.name}, a record type, in the subgraph that owns its records (lists, counts and filters are decided in SQL, which does not test parent conditions); use when.record`,
    ];
  }
  const required = requiredFields(field);
  return Object.keys(parent)
    .filter((name) => !required.includes(name))
    .map((name) => `${where}: target ${target}: when.parent.${name}: the subgraph serving ${target} does not @requires ${name}, so it never sees it`);
}

type Directive = NonNullable<NonNullable<GraphQLField<unknown, unknown>["astNode"]>["directives"]>[number];

const argument = (directive: Directive, name: string): string | undefined => {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  return value && "value" in value ? String(value.value) : undefined;
};

/** The subgraphs that resolve a field themselves (join__field without external; else every subgraph defining the type). */
function servingGraphs(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>): string[] {
  const joins = (field.astNode?.directives ?? []).filter((d) => d.name.value === "join__field");
  if (joins.length > 0) return joins.filter((d) => argument(d, "external") !== "true").map((d) => argument(d, "graph") ?? "");
  return (type.astNode?.directives ?? []).filter((d) => d.name.value === "join__type").map((d) => argument(d, "graph") ?? "");
}

/** Field names a field's `@requires` selection names (top level only). */
function requiredFields(field: GraphQLField<unknown, unknown>): string[] {
  const joins = (field.astNode?.directives ?? []).filter((d) => d.name.value === "join__field");
  return joins.flatMap((d) => (argument(d, "requires") ?? "").split(/[\s{}]+/).filter(Boolean));
}
