import { HubError, type HubClient } from "./hub-client.js";

/*
 * Fields a type may have on one hub and not on another (a newer hub adds results to PolicyChange):
 * asked of the hub's schema, so the CLI prints what is there and still works where it is not.
 * Production hubs answer no introspection: then only the fields the CLI knows are asked for.
 */

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface IntrospectedField {
  name: string;
  args: Array<{ type: TypeRef }>;
  type: TypeRef;
}

const TYPE_QUERY = `query($name: String!) { __type(name: $name) { fields { name args { type { kind } } type { ...T } } } }
fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }`;

function named(ref: TypeRef | null): TypeRef | null {
  let current = ref;
  while (current && (current.kind === "NON_NULL" || current.kind === "LIST")) current = current.ofType;
  return current;
}

async function fieldsOf(client: HubClient, name: string): Promise<IntrospectedField[] | null> {
  try {
    const data = await client.query<{ __type: { fields: IntrospectedField[] | null } | null }>(TYPE_QUERY, { name });
    return data.__type?.fields ?? null;
  } catch (error) {
    // No introspection (production), or not this type: only the known fields.
    if (error instanceof HubError) return null;
    throw error;
  }
}

/** A selection of every leaf of `typeName` (objects to `depth` levels, fields without required arguments). */
async function selectAll(client: HubClient, typeName: string, depth: number, skip: ReadonlySet<string>): Promise<string | null> {
  const fields = await fieldsOf(client, typeName);
  if (!fields) return null;
  const parts: string[] = [];
  for (const field of fields) {
    if (skip.has(field.name) || field.args.some((a) => a.type.kind === "NON_NULL")) continue;
    const type = named(field.type);
    if (type?.kind === "SCALAR" || type?.kind === "ENUM") parts.push(field.name);
    else if (type?.kind === "OBJECT" && type.name && depth > 1) {
      const inner = await selectAll(client, type.name, depth - 1, new Set());
      if (inner) parts.push(`${field.name} { ${inner} }`);
    }
  }
  return parts.length > 0 ? parts.join(" ") : null;
}

/** The fields of `typeName` beyond `known` (and `skip`), as a selection; empty when none or not introspectable. */
export async function extraSelection(client: HubClient, typeName: string, known: readonly string[], skip: readonly string[] = []): Promise<string> {
  return (await selectAll(client, typeName, 3, new Set([...known, ...skip]))) ?? "";
}

/** Lines for extra fields of an answer: scalars as `name: value`, lists counted and shown item by item (up to 20). */
export function valueLines(name: string, value: unknown, indent = "  "): string[] {
  if (value === null || value === undefined) return [`${indent}${name}: -`];
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== "object" || v === null)) return [`${indent}${name}: ${value.length === 0 ? "none" : value.join(", ")}`];
    const shown = value.slice(0, 20).map((item) => `${indent}  - ${flat(item)}`);
    return [`${indent}${name}: ${value.length}`, ...shown, ...(value.length > 20 ? [`${indent}  … ${value.length - 20} more`] : [])];
  }
  if (typeof value === "object") return [`${indent}${name}:`, ...Object.entries(value).flatMap(([k, v]) => valueLines(k, v, `${indent}  `))];
  return [`${indent}${name}: ${String(value)}`];
}

/** One object on one line: `key=value` pairs, nested values as JSON. */
const flat = (item: unknown): string =>
  typeof item === "object" && item !== null
    ? Object.entries(item)
        .map(([k, v]) => `${k}=${typeof v === "object" && v !== null ? JSON.stringify(v) : String(v)}`)
        .join(" ")
    : String(item);
