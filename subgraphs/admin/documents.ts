import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import type { RawDocument } from "../../policies/index.js";
import { badInput } from "../../schema/errors.js";

/** A document id is its file name without `.yaml` (e.g. `10-own-agency`). */
const DOCUMENT_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;
/** A proposed document's text is bounded: it is parsed, validated against the supergraph and stored. */
const MAX_DOCUMENT_CHARS = 256 * 1024;

/** The file name problems name, so an edit's problems read like the YAML file's. */
export const documentFile = (id: string): string => `${id}.yaml`;

export function checkDocumentId(id: string): string {
  if (!DOCUMENT_ID.test(id)) throw badInput(`policy id must be 1-64 characters of a-z, 0-9, ".", "_" and "-", starting with a letter or digit`, { problems: [`id: not a policy id`] });
  return id;
}

/** Parses a proposed document (YAML, of which JSON is a subset); refuses text that is not one mapping. */
export function parseDocument(id: string, text: string): unknown {
  const file = documentFile(id);
  if (text.length > MAX_DOCUMENT_CHARS) throw invalidDocument(id, [`${file}: document is longer than ${MAX_DOCUMENT_CHARS} characters`]);
  let content: unknown;
  try {
    content = parseYaml(text, { maxAliasCount: 100 });
  } catch (error) {
    throw invalidDocument(id, [`${file}: not valid YAML: ${error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error)}`]);
  }
  if (typeof content !== "object" || content === null || Array.isArray(content)) throw invalidDocument(id, [`${file}: a policy document must be a mapping with "rules"`]);
  return content;
}

/** BAD_USER_INPUT naming every problem (file, rule and reason) in `extensions.problems`. */
export function invalidDocument(id: string, problems: readonly string[]) {
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
  return badInput(`policy document "${id}" is not valid: ${problems[0] ?? "unknown problem"}${more}`, { problems: [...problems] });
}

/** Keys in the order the policy files write them (jsonb keeps its own order: shortest key first). */
const KEY_ORDER = ["rules", "id", "description", "target", "effect", "mask", "when", "subject", "purpose", "record", "parent"];

function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered);
  if (typeof value !== "object" || value === null) return value;
  const rank = (key: string) => (KEY_ORDER.includes(key) ? KEY_ORDER.indexOf(key) : KEY_ORDER.length);
  const keys = Object.keys(value).sort((a, b) => rank(a) - rank(b));
  return Object.fromEntries(keys.map((key) => [key, ordered((value as Record<string, unknown>)[key])]));
}

/** A stored document as YAML text, keys in the files' order (comments are not kept: the store holds the data). */
export const documentYaml = (content: unknown): string => stringifyYaml(ordered(content), { lineWidth: 0 });

export const rawDocument = (id: string, content: unknown): RawDocument => ({ file: documentFile(id), content });

/** How many rules a stored document holds. */
export function ruleCount(content: unknown): number {
  const rules = (content as { rules?: unknown } | null)?.rules;
  return Array.isArray(rules) ? rules.length : 0;
}

/**
 * Whether every rule of a document only concerns records of `agency` (`when.record.originAgency`
 * is exactly `[agency]`): what an agency's own administrators may change (originator control).
 */
export function limitedToAgency(content: unknown, agency: string): boolean {
  const rules = (content as { rules?: unknown } | null)?.rules;
  if (!Array.isArray(rules)) return false;
  return rules.every((rule) => {
    const origin = (rule as { when?: { record?: { originAgency?: unknown } } } | null)?.when?.record?.originAgency;
    return Array.isArray(origin) && origin.length === 1 && origin[0] === agency;
  });
}
