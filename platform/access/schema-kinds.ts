import { getNamedType, isObjectType, Kind, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from "graphql";
import type { FieldKind } from "../../policies/index.js";

/** How enforcement treats a field. */
export type FieldRole =
  /** `_service`, `_entities`, entity keys, record envelope: always served (records are filtered whole). */
  | "open"
  /** Root, record and entity fields: a rule must allow them. */
  | "governed"
  /** Fields of types nested in a record or entity: inherit the field that returned them. */
  | "value";

const FEDERATION_ROOT_FIELDS = new Set(["_service", "_entities"]);
/** Shown for every record the caller may see: enough to know whom to ask and how it is marked. */
export const ENVELOPE_FIELDS = new Set(["id", "originAgency", "handling"]);

/** The fields named in a type's @key directives. */
export function keyFieldsOf(type: GraphQLObjectType): Set<string> {
  const keys = new Set<string>();
  const nodes = [type.astNode, ...(type.extensionASTNodes ?? [])];
  for (const node of nodes) {
    for (const directive of node?.directives ?? []) {
      if (directive.name.value !== "key") continue;
      const fields = directive.arguments?.find((arg) => arg.name.value === "fields")?.value;
      if (fields?.kind === Kind.STRING) for (const name of fields.value.split(/\s+/)) if (name) keys.add(name);
    }
  }
  return keys;
}

export const isRecordType = (type: GraphQLObjectType): boolean => {
  const fields = type.getFields();
  return "originAgency" in fields && "handling" in fields && "id" in fields;
};

/** Classifies every object type of a subgraph schema once, at start. */
export class SchemaKinds {
  readonly recordTypes = new Set<string>();
  readonly entityTypes = new Set<string>();
  private readonly keys = new Map<string, Set<string>>();

  constructor(private readonly schema: GraphQLSchema) {
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith("__")) continue;
      const keys = keyFieldsOf(type);
      this.keys.set(type.name, keys);
      if (isRecordType(type)) this.recordTypes.add(type.name);
      else if (keys.size > 0) this.entityTypes.add(type.name);
    }
  }

  keysOf(typeName: string): readonly string[] {
    return [...(this.keys.get(typeName) ?? [])];
  }

  isRoot(type: GraphQLObjectType): boolean {
    return type === this.schema.getQueryType() || type === this.schema.getMutationType();
  }

  roleOf(type: GraphQLObjectType, fieldName: string): FieldRole {
    if (this.isRoot(type)) return FEDERATION_ROOT_FIELDS.has(fieldName) ? "open" : "governed";
    // @external values come from another service inside the gateway's representation; this service never serves them.
    if ((type.getFields()[fieldName]?.astNode?.directives ?? []).some((d) => d.name.value === "external")) return "open";
    if (type.name === "_Service") return "open";
    if (this.keys.get(type.name)?.has(fieldName)) return "open";
    if (this.recordTypes.has(type.name)) return ENVELOPE_FIELDS.has(fieldName) ? "open" : "governed";
    if (this.entityTypes.has(type.name)) return "governed";
    return "value";
  }

  fieldKind(role: FieldRole): FieldKind {
    return role === "value" ? "value" : "governed";
  }

  /** The record type a field returns (list or not), if any: such results are filtered by visibility. */
  returnedRecordType(field: GraphQLField<unknown, unknown>): string | null {
    const named = getNamedType(field.type);
    return this.recordTypes.has(named.name) ? named.name : null;
  }

  /**
   * The fields of every value type a field's objects can hold, however deep (not through records
   * or entities): the coordinates whose rules could read the envelope handed down to them.
   */
  valueFieldsUnder(field: GraphQLField<unknown, unknown>): Array<{ type: string; field: string; coordinate: string }> {
    const found: Array<{ type: string; field: string; coordinate: string }> = [];
    const seen = new Set<string>();
    const visit = (named: ReturnType<typeof getNamedType>): void => {
      if (!isObjectType(named) || this.recordTypes.has(named.name) || this.entityTypes.has(named.name) || seen.has(named.name)) return;
      seen.add(named.name);
      for (const [name, inner] of Object.entries(named.getFields())) {
        found.push({ type: named.name, field: name, coordinate: `${named.name}.${name}` });
        visit(getNamedType(inner.type));
      }
    };
    visit(getNamedType(field.type));
    return found;
  }

  /** Whether a field returns nested objects that carry on their holder's envelope. */
  returnsValueObjects(field: GraphQLField<unknown, unknown>): boolean {
    const named = getNamedType(field.type);
    return isObjectType(named) && !this.recordTypes.has(named.name) && !this.entityTypes.has(named.name);
  }
}
