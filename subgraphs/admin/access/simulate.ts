import { getNamedType, isAbstractType, isObjectType, Kind, parse, validate, type DocumentNode, type FragmentDefinitionNode, type GraphQLNamedType, type GraphQLObjectType, type SelectionSetNode } from "graphql";
import type { CallerPolicy } from "../../../policies/index.js";
import { badInput } from "../../../schema/errors.js";
import { inherits, type EvaluatedSet, type Evaluated } from "./evaluate.js";
import type { SupergraphKinds } from "./supergraph-kinds.js";

/*
 * A query as a subject would get it, from the policies alone: parsed and validated against the
 * supergraph, then every field selection walked (through fragments, every type an abstract
 * selection may be) and decided as enforcement would decide it, never run against any data.
 */

const MAX_DEPTH = 32;
const MAX_COORDINATES = 1000;
const MAX_QUERY = 100_000;

export interface SimulatedField extends Evaluated {
  readonly coordinate: string;
}

export function parseQuery(query: string, kinds: SupergraphKinds): DocumentNode {
  if (query.length > MAX_QUERY) throw badInput(`query: at most ${MAX_QUERY} characters`, { field: "query" });
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    throw badInput(`query: ${(error as Error).message}`, { field: "query" });
  }
  const errors = validate(kinds.schema, document);
  if (errors.length > 0) throw badInput(`query: ${errors.map((e) => e.message).join("; ")}`, { field: "query", problems: errors.map((e) => e.message) });
  return document;
}

export function simulate(document: DocumentNode, policy: CallerPolicy, set: EvaluatedSet, kinds: SupergraphKinds): SimulatedField[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const out = new Map<string, SimulatedField>();

  const possible = (type: GraphQLNamedType): GraphQLObjectType[] =>
    isObjectType(type) ? [type] : isAbstractType(type) ? [...kinds.schema.getPossibleTypes(type)] : [];

  const decide = (type: GraphQLObjectType, field: string, record: string | null, holder: Evaluated | null): Evaluated => {
    const role = kinds.roleOf(type, field);
    // Keys and the envelope come with every record the caller may see; whether it may is its id's decision.
    if (role === "open") return kinds.isRecord(type.name) && field !== "id" ? set.overRecords(policy, type.name, "id", "governed", type.name, kinds) : { outcome: "SERVED", rule: "open", mask: null, rules: ["open"] };
    const own = set.overRecords(policy, type.name, field, kinds.fieldKind(role), record, kinds);
    return inherits(own) && holder ? holder : own;
  };

  const walk = (selections: SelectionSetNode, types: GraphQLObjectType[], record: string | null, holder: Evaluated | null, depth: number, spread: ReadonlySet<string>): void => {
    if (depth > MAX_DEPTH) throw badInput(`query: deeper than ${MAX_DEPTH} levels`, { field: "query" });
    for (const selection of selections.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT || selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
        if (!fragment || (selection.kind === Kind.FRAGMENT_SPREAD && spread.has(selection.name.value))) continue;
        const condition = fragment.typeCondition ? kinds.schema.getType(fragment.typeCondition.name.value) : null;
        const narrowed = condition ? types.filter((t) => possible(condition).includes(t)) : types;
        walk(fragment.selectionSet, narrowed, record, holder, depth, selection.kind === Kind.FRAGMENT_SPREAD ? new Set([...spread, selection.name.value]) : spread);
        continue;
      }
      const name = selection.name.value;
      if (name.startsWith("__")) continue;
      for (const type of types) {
        const definition = type.getFields()[name];
        if (!definition) continue;
        const coordinate = `${type.name}.${name}`;
        const context = kinds.isRecord(type.name) ? type.name : kinds.isEntity(type.name) ? null : record;
        const evaluated = decide(type, name, context, holder);
        if (!out.has(coordinate)) {
          if (out.size >= MAX_COORDINATES) throw badInput(`query: reaches more than ${MAX_COORDINATES} coordinates`, { field: "query" });
          out.set(coordinate, { coordinate, ...evaluated });
        }
        if (selection.selectionSet) walk(selection.selectionSet, possible(getNamedType(definition.type)), context, evaluated, depth + 1, spread);
      }
    }
  };

  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    const root = d.operation === "mutation" ? kinds.schema.getMutationType() : d.operation === "subscription" ? kinds.schema.getSubscriptionType() : kinds.schema.getQueryType();
    if (root) walk(d.selectionSet, [root], null, null, 0, new Set());
  }
  return [...out.values()];
}
