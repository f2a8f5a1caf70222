import type { Documents } from "./policy-files.js";

/** How one document differs between a folder and the hub. */
export interface DocumentDiff {
  readonly id: string;
  readonly kind: "added" | "removed" | "changed";
  /** For a changed document: rule ids added, removed and changed, and whether the rest moved. */
  readonly rules?: { readonly added: string[]; readonly removed: string[]; readonly changed: string[]; readonly reordered: boolean };
  /** For a changed document: its keys other than `rules` that differ. */
  readonly fields?: string[];
}

/** JSON with sorted keys: equal data gives equal text whatever the key order of the YAML. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value !== "object" || value === null) return JSON.stringify(value) ?? "null";
  const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
}

type Raw = Record<string, unknown>;
const asObject = (v: unknown): Raw => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Raw) : {});

/** A document's rules by id (a rule without one by its position, as the validator names it). */
function rulesById(content: unknown): Map<string, string> {
  const rules = asObject(content).rules;
  const list = Array.isArray(rules) ? rules : [];
  return new Map(list.map((rule, i) => [typeof asObject(rule).id === "string" ? (asObject(rule).id as string) : `rules[${i}]`, canonical(rule)]));
}

function diffDocument(id: string, local: unknown, hub: unknown): DocumentDiff | null {
  if (canonical(local) === canonical(hub)) return null;
  const [mine, theirs] = [rulesById(local), rulesById(hub)];
  const added = [...mine.keys()].filter((r) => !theirs.has(r));
  const removed = [...theirs.keys()].filter((r) => !mine.has(r));
  const changed = [...mine.keys()].filter((r) => theirs.has(r) && theirs.get(r) !== mine.get(r));
  const common = (ids: Iterable<string>, other: Map<string, string>) => [...ids].filter((r) => other.has(r));
  const reordered = common(mine.keys(), theirs).join("\n") !== common(theirs.keys(), mine).join("\n");
  const keys = new Set([...Object.keys(asObject(local)), ...Object.keys(asObject(hub))].filter((k) => k !== "rules"));
  const fields = [...keys].filter((k) => canonical(asObject(local)[k]) !== canonical(asObject(hub)[k])).sort();
  return { id, kind: "changed", rules: { added, removed, changed, reordered }, fields };
}

/** Every document that differs, by id: added (only in the folder), removed (only on the hub), changed. */
export function diffDocuments(local: Documents, hub: Documents): DocumentDiff[] {
  const ids = [...new Set([...local.keys(), ...hub.keys()])].sort();
  return ids.flatMap((id): DocumentDiff[] => {
    if (!hub.has(id)) return [{ id, kind: "added" }];
    if (!local.has(id)) return [{ id, kind: "removed" }];
    const diff = diffDocument(id, local.get(id), hub.get(id));
    return diff ? [diff] : [];
  });
}

/** The lines `npm run policy -- diff` prints for one document. */
export function diffLines(diff: DocumentDiff, local: Documents, hub: Documents): string[] {
  if (diff.kind === "added") return [`added    ${diff.id} (${rulesById(local.get(diff.id)).size} rules, not on the hub)`];
  if (diff.kind === "removed") return [`removed  ${diff.id} (${rulesById(hub.get(diff.id)).size} rules on the hub, not in the folder)`];
  const { added = [], removed = [], changed = [], reordered = false } = diff.rules ?? {};
  const lines = [`changed  ${diff.id} (rules: ${added.length} added, ${removed.length} removed, ${changed.length} changed)`];
  lines.push(...added.map((r) => `  + ${r}`), ...removed.map((r) => `  - ${r}`), ...changed.map((r) => `  ~ ${r}`));
  if (reordered) lines.push("  ~ rule order");
  for (const field of diff.fields ?? []) lines.push(`  ~ ${field}`);
  return lines;
}
