import { isObjectType, Kind, type DirectiveNode, type GraphQLObjectType, type GraphQLSchema } from "graphql";
import { SchemaKinds } from "../../../platform/access/index.js";
import { supergraphSchema, type FieldKind } from "../../../policies/index.js";
import { AGENCIES } from "../../../schema/enums.js";
import { readSupergraph } from "../../../schema/supergraph.js";

/*
 * How enforcement treats each supergraph field, for evaluating policies without a request. The
 * subgraphs classify their own schemas (SchemaKinds); in the supergraph a key is a
 * `join__type(key:)`, so entities and their keys are read from there.
 */

/** open, governed or value, as enforcement treats the field. */
export type FieldRole = ReturnType<SchemaKinds["roleOf"]>;

const arg = (d: DirectiveNode, name: string) => d.arguments?.find((a) => a.name.value === name)?.value;
const joinTypes = (type: GraphQLObjectType) => (type.astNode?.directives ?? []).filter((d) => d.name.value === "join__type");

export class SupergraphKinds {
  private readonly kinds: SchemaKinds;
  private readonly keys = new Map<string, Set<string>>();
  private readonly owners = new Map<string, string[]>();

  constructor(readonly schema: GraphQLSchema) {
    this.kinds = new SchemaKinds(schema);
    for (const type of this.objectTypes()) {
      const keys = new Set<string>();
      const graphs: string[] = [];
      for (const d of joinTypes(type)) {
        const key = arg(d, "key");
        if (key?.kind === Kind.STRING) for (const name of key.value.split(/[\s{}]+/)) if (name) keys.add(name);
        const graph = arg(d, "graph");
        if (graph?.kind === Kind.ENUM) graphs.push(graph.value);
      }
      this.keys.set(type.name, keys);
      // Records are written by their agency's own service, which stamps its agency as the origin.
      this.owners.set(type.name, graphs.filter((g) => (AGENCIES as string[]).includes(g)));
    }
  }

  /** Object types a policy may target (no federation or introspection types). */
  objectTypes(): GraphQLObjectType[] {
    return Object.values(this.schema.getTypeMap()).filter((t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith("_") && !t.name.startsWith("join__") && !t.name.startsWith("link__"));
  }

  isRecord(typeName: string): boolean {
    return this.kinds.recordTypes.has(typeName);
  }

  isEntity(typeName: string): boolean {
    return !this.isRecord(typeName) && (this.keys.get(typeName)?.size ?? 0) > 0;
  }

  /** The agencies whose services hold records of this type. */
  ownersOf(typeName: string): readonly string[] {
    return this.owners.get(typeName) ?? [];
  }

  roleOf(type: GraphQLObjectType, field: string): FieldRole {
    const role = this.kinds.roleOf(type, field);
    if (role !== "value") return role;
    if (this.keys.get(type.name)?.has(field)) return "open";
    return this.isEntity(type.name) ? "governed" : "value";
  }

  fieldKind(role: FieldRole): FieldKind {
    return this.kinds.fieldKind(role);
  }

  /** The enum values of a supergraph enum (Handling, SourceGrade). */
  enumValues(name: string): string[] {
    const type = this.schema.getType(name);
    return type && "getValues" in type ? type.getValues().map((v) => v.name) : [];
  }
}

let loaded: Promise<SupergraphKinds> | null = null;

/** The committed supergraph, parsed once per process (it changes only with a new release). */
export function supergraphKinds(): Promise<SupergraphKinds> {
  loaded ??= readSupergraph().then((sdl) => new SupergraphKinds(supergraphSchema(sdl)));
  return loaded;
}
