import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import type { PolicyRule, PolicySet } from "./model.js";
import { PolicyError, supergraphSchema, validateDocuments, type RawDocument } from "./validate.js";

/** The policy documents shipped with Liaison. */
export const DEFAULT_POLICY_DIR = fileURLToPath(new URL("./default", import.meta.url));

/** The version names the content: the same rules give the same version on every service. */
export function policyVersion(rules: readonly PolicyRule[]): string {
  return createHash("sha256").update(JSON.stringify(rules)).digest("hex").slice(0, 16);
}

/** Reads every `*.yaml` policy document of a folder (test cases, `*.cases.yaml`, excluded). */
export async function readPolicyDocuments(dir: string): Promise<RawDocument[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".yaml") && !f.endsWith(".cases.yaml")).sort();
  const documents: RawDocument[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const text = await readFile(path.join(dir, file), "utf8");
    try {
      documents.push({ file, content: parseYaml(text) as unknown });
    } catch (error) {
      problems.push(`${file}: not valid YAML: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    }
  }
  if (problems.length > 0) throw new PolicyError(problems);
  if (documents.length === 0) throw new PolicyError([`${dir}: no policy documents (*.yaml)`]);
  return documents;
}

/** Builds a validated, versioned policy set from documents; throws PolicyError naming file, rule and reason. */
export function buildPolicySet(documents: readonly RawDocument[], supergraphSdl: string, purposes: readonly string[]): PolicySet {
  const rules = validateDocuments(documents, supergraphSchema(supergraphSdl), purposes);
  return { version: policyVersion(rules), rules };
}

export async function loadPolicySet(dir: string, supergraphSdl: string, purposes: readonly string[]): Promise<PolicySet> {
  return buildPolicySet(await readPolicyDocuments(dir), supergraphSdl, purposes);
}
