import { getNamedType, isInterfaceType, isObjectType, isUnionType, Kind, type DirectiveNode, type GraphQLNamedType, type GraphQLSchema } from "graphql";
import type { CallerPolicy, FieldKind } from "../../policies/index.js";
import { ENVELOPE_FIELDS } from "./schema-kinds.js";

interface Edge {
  readonly field: string;
  readonly kind: FieldKind;
  /** Whether the field is served by the record's owner, where its envelope is known. */
  readonly withRecord: boolean;
  readonly to: readonly string[];
}

type Directed = { readonly astNode?: { readonly directives?: readonly DirectiveNode[] } | null };

/** The subgraphs a supergraph field is served by (join__field without external), or null when it names none. */
function servingGraphs(field: Directed): string[] | null {
  const joins = (field.astNode?.directives ?? []).filter((d) => d.name.value === "join__field");
  if (joins.length === 0) return null;
  const arg = (d: DirectiveNode, name: string) => d.arguments?.find((a) => a.name.value === name)?.value;
  return joins
    .filter((d) => { const external = arg(d, "external"); return !(external?.kind === Kind.BOOLEAN && external.value); })
    .map((d) => { const graph = arg(d, "graph"); return graph?.kind === Kind.ENUM ? graph.value : ""; });
}

const isRecordFields = (fields: Record<string, unknown>) => "id" in fields && "originAgency" in fields && "handling" in fields;

/**
 * Which types a caller can reach through the whole federated graph, following only fields some
 * rule may serve them, from `Query` and `Mutation`. An `_entities` call names a type directly,
 * skipping the entry points (`Query.case`, `Phone.cases`, ...) whose rules decide who may ever
 * reach it; answering only for reachable types makes a direct call obey the same rules as a
 * call through the gateway. Computed on the supergraph, once per caller profile.
 */
export class Reachability {
  private readonly edges = new Map<string, Edge[]>();
  private readonly roots: string[];
  private readonly cache = new WeakMap<CallerPolicy, ReadonlySet<string>>();

  constructor(supergraph: GraphQLSchema) {
    this.roots = [supergraph.getQueryType()?.name, supergraph.getMutationType()?.name].filter((n): n is string => Boolean(n));
    const targets = (type: GraphQLNamedType): string[] => {
      if (isObjectType(type)) return [type.name];
      if (isUnionType(type)) return type.getTypes().map((t) => t.name);
      if (isInterfaceType(type)) return supergraph.getPossibleTypes(type).map((t) => t.name);
      return [];
    };
    for (const type of Object.values(supergraph.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith("__") || type.name.startsWith("join__") || type.name.startsWith("link__")) continue;
      const fields = type.getFields();
      const isRoot = this.roots.includes(type.name);
      const isRecord = isRecordFields(fields);
      const isEntity = (type.astNode?.directives ?? []).some((d) => d.name.value === "join__type" && (d.arguments ?? []).some((a) => a.name.value === "key"));
      // A record type shared as an entity (PostalItem): only its owner's fields know the envelope.
      const owners = isRecord ? servingGraphs(fields.originAgency as Directed) : null;
      const edges: Edge[] = [];
      for (const [name, field] of Object.entries(fields)) {
        const to = targets(getNamedType(field.type));
        if (to.length === 0) continue;
        if (isRecord && ENVELOPE_FIELDS.has(name)) continue;
        const graphs = servingGraphs(field as Directed);
        const withRecord = isRecord && (owners === null || graphs === null || graphs.some((g) => owners.includes(g)));
        edges.push({ field: name, kind: isRoot || isRecord || isEntity ? "governed" : "value", withRecord, to });
      }
      this.edges.set(type.name, edges);
    }
  }

  /** The types the caller can reach (breadth-first over the fields its policy may serve). */
  reachable(policy: CallerPolicy): ReadonlySet<string> {
    let found = this.cache.get(policy);
    if (found) return found;
    const seen = new Set<string>(this.roots);
    const queue = [...this.roots];
    while (queue.length > 0) {
      const type = queue.shift() as string;
      for (const edge of this.edges.get(type) ?? []) {
        if (!policy.mayServe(type, edge.field, edge.kind, edge.withRecord)) continue;
        for (const next of edge.to) {
          if (seen.has(next)) continue;
          seen.add(next);
          queue.push(next);
        }
      }
    }
    found = seen;
    this.cache.set(policy, found);
    return found;
  }
}
