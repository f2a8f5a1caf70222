import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";

/** One policy test case (like `opa test`): a subject asks a query; the answer must be exactly as expected. */
export interface PolicyCase {
  readonly file: string;
  readonly name: string;
  readonly subject: { agency: string; roles: string[]; clearance: number; operations: string[] };
  readonly purpose: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
  /** Rule ids this case exercises; every rule of the set must be covered by some case. */
  readonly covers: string[];
  readonly expect: {
    /** Paths whose value must be present (not null) with no error. */
    readonly served: string[];
    /** Path -> rule id: the value is null and the error at that path names the rule. */
    readonly denied: Record<string, string>;
    /** Path -> the masked value expected there. */
    readonly masked: Record<string, unknown>;
    /** Path -> value expected exactly (e.g. [] where records are hidden). */
    readonly equals: Record<string, unknown>;
  };
}

/** A case file's cases as written (the policy store keeps them so, and re-emits them as YAML). */
export type RawCaseFile = readonly unknown[];

/** A case file name: what `policies/<set>/cases/` holds (and the policy store keys cases by). */
export const CASE_FILE = /^[a-z0-9][a-z0-9._-]{0,63}\.yaml$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The cases of one file, from its `cases` list as written; every problem names the file and the
 * case's index (`fiu.yaml: cases[2]: ...`). Names are unique within a file: the store and the
 * reports of a change key cases by file and name.
 */
export function parseCaseList(file: string, list: RawCaseFile): { cases: PolicyCase[]; problems: string[] } {
  const cases: PolicyCase[] = [];
  const problems: string[] = [];
  const names = new Set<string>();
  list.forEach((raw: unknown, i: number) => {
    const at = `${file}: cases[${i}]`;
    if (!isObject(raw) || typeof raw.name !== "string" || !isObject(raw.subject) || typeof raw.query !== "string" || !isObject(raw.expect)) {
      problems.push(`${at}: needs name, subject, query and expect`);
      return;
    }
    if (names.has(raw.name)) problems.push(`${at}.name: "${raw.name}" is named twice in ${file}`);
    names.add(raw.name);
    const s = raw.subject;
    const e = raw.expect;
    cases.push({
      file,
      name: raw.name,
      subject: {
        agency: String(s.agency),
        roles: Array.isArray(s.roles) ? s.roles.map(String) : ["analyst"],
        clearance: typeof s.clearance === "number" ? s.clearance : 2,
        operations: Array.isArray(s.operations) ? s.operations.map(String) : [],
      },
      purpose: typeof raw.purpose === "string" ? raw.purpose : "investigation",
      query: raw.query,
      variables: isObject(raw.variables) ? raw.variables : {},
      covers: Array.isArray(raw.covers) ? raw.covers.map(String) : [],
      expect: {
        served: Array.isArray(e.served) ? e.served.map(String) : [],
        denied: isObject(e.denied) ? Object.fromEntries(Object.entries(e.denied).map(([k, v]) => [k, String(v)])) : {},
        masked: isObject(e.masked) ? e.masked : {},
        equals: isObject(e.equals) ? e.equals : {},
      },
    });
  });
  return { cases, problems };
}

/** Every `*.yaml` case file of a folder as written, by file name (sorted); a file without a `cases` list is a problem. */
export async function readCaseFiles(dir: string): Promise<{ files: Map<string, RawCaseFile>; problems: string[] }> {
  const files = new Map<string, RawCaseFile>();
  const problems: string[] = [];
  for (const file of (await readdir(dir)).filter((f) => f.endsWith(".yaml")).sort()) {
    const doc = parseYaml(await readFile(path.join(dir, file), "utf8")) as unknown;
    if (!isObject(doc) || !Array.isArray(doc.cases)) problems.push(`${file}: needs a top-level "cases" list`);
    else files.set(file, doc.cases);
  }
  return { files, problems };
}

/** Reads every `*.yaml` case file of a folder; a malformed case names its file and index. */
export async function readPolicyCases(dir: string): Promise<PolicyCase[]> {
  const { files, problems } = await readCaseFiles(dir);
  const cases: PolicyCase[] = [];
  for (const [file, list] of files) {
    const parsed = parseCaseList(file, list);
    cases.push(...parsed.cases);
    problems.push(...parsed.problems);
  }
  if (problems.length > 0) throw new Error(`invalid policy cases:\n${problems.map((p) => `- ${p}`).join("\n")}`);
  return cases;
}
