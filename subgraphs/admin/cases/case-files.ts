import { parse, validate } from "graphql";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { CASE_FILE, parseCaseList, type PolicyCase, type RawCaseFile } from "../../../policies/testing/index.js";
import { AGENCIES } from "../../../schema/enums.js";
import { badInput } from "../../../schema/errors.js";
import { supergraphKinds } from "../access/supergraph-kinds.js";

/** Case files by file name, each its cases as written. */
export type CaseFiles = ReadonlyMap<string, RawCaseFile>;

/** The proposed case files' text is bounded like a document: parsed, validated and stored. */
const MAX_CASES_CHARS = 256 * 1024;
const MAX_FILES = 64;
const MAX_CASES_PER_FILE = 200;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** BAD_USER_INPUT naming every problem, each with its path (`cases: fiu.yaml: cases[1].query: ...`). */
function invalidCases(problems: readonly string[]) {
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
  return badInput(`policy test cases are not valid: ${problems[0] ?? "unknown problem"}${more}`, { problems: [...problems] });
}

/**
 * The `cases` argument of a proposal: YAML (or JSON) mapping a case file name to that file's cases,
 * which the file becomes in full (added, or replacing the stored one; an empty list empties it):
 *
 *     fiu.yaml:
 *       - name: police investigating learn that the FIU holds something ...
 *         subject: { agency: POLICE, roles: [analyst], clearance: 2 }
 *         ...
 *
 * A file's value may also be written as the file itself (`{ cases: [...] }`). Validated at the
 * edge: every case needs name, subject (a known agency), query (valid against the supergraph) and
 * expect; the purpose, when given, is a configured one; names are unique within a file.
 */
export async function parseProposedCases(text: string, purposes: readonly string[]): Promise<Map<string, RawCaseFile>> {
  if (text.length > MAX_CASES_CHARS) throw invalidCases([`cases: longer than ${MAX_CASES_CHARS} characters`]);
  let content: unknown;
  try {
    content = parseYaml(text, { maxAliasCount: 100 });
  } catch (error) {
    throw invalidCases([`cases: not valid YAML: ${error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error)}`]);
  }
  if (!isObject(content) || Object.keys(content).length === 0) throw invalidCases([`cases: a mapping of case file name (e.g. fiu.yaml) to its list of cases`]);
  const entries = Object.entries(content);
  if (entries.length > MAX_FILES) throw invalidCases([`cases: at most ${MAX_FILES} files`]);
  const files = new Map<string, RawCaseFile>();
  const problems: string[] = [];
  const kinds = await supergraphKinds();
  for (const [file, value] of entries) {
    const list = Array.isArray(value) ? value : isObject(value) && Array.isArray(value.cases) ? value.cases : null;
    if (!CASE_FILE.test(file)) problems.push(`cases: ${JSON.stringify(file.slice(0, 80))}: not a case file name (a-z, 0-9, ".", "_", "-", ending in .yaml)`);
    else if (!list) problems.push(`cases: ${file}: needs a list of cases (or { cases: [...] })`);
    else if (list.length > MAX_CASES_PER_FILE) problems.push(`cases: ${file}: at most ${MAX_CASES_PER_FILE} cases`);
    else {
      const parsed = parseCaseList(file, list);
      problems.push(...parsed.problems.map((p) => `cases: ${p}`));
      parsed.cases.forEach((c) => problems.push(...caseProblems(c, list.findIndex((raw) => isObject(raw) && raw.name === c.name), purposes, kinds.schema)));
      files.set(file, list);
    }
  }
  if (problems.length > 0) throw invalidCases(problems);
  return files;
}

function caseProblems(c: PolicyCase, index: number, purposes: readonly string[], schema: Parameters<typeof validate>[0]): string[] {
  const at = `cases: ${c.file}: cases[${index}]`;
  const problems: string[] = [];
  if (!(AGENCIES as readonly string[]).includes(c.subject.agency)) problems.push(`${at}.subject.agency: one of ${AGENCIES.join(", ")}`);
  if (!purposes.includes(c.purpose)) problems.push(`${at}.purpose: one of ${purposes.join(", ")}`);
  try {
    const errors = validate(schema, parse(c.query));
    if (errors.length > 0) problems.push(`${at}.query: ${errors.map((e) => e.message).join("; ")}`);
  } catch (error) {
    problems.push(`${at}.query: ${(error as Error).message}`);
  }
  return problems;
}

/** The cases of every file, parsed for a run (stored files were validated when they were stored). */
export function casesOf(files: CaseFiles): PolicyCase[] {
  return [...files.keys()].sort().flatMap((file) => parseCaseList(file, files.get(file) ?? []).cases);
}

/** The active files with a change's files in their place. */
export function withProposed(active: CaseFiles, proposed: CaseFiles | null): Map<string, RawCaseFile> {
  return new Map([...active, ...(proposed ?? [])]);
}

/** Case files as the YAML the `cases` argument takes (file name to its list). */
export const caseFilesYaml = (files: CaseFiles): string => stringifyYaml(Object.fromEntries([...files].sort(([a], [b]) => a.localeCompare(b))), { lineWidth: 0 });
