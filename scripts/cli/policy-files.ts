import { readdir, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { PolicyError, readPolicyDocuments } from "../../policies/index.js";
import { Refusal } from "./exit.js";

/** A policy document by id (its file name without .yaml), as parsed data. */
export type Documents = ReadonlyMap<string, unknown>;

/** The id a file proposes or exports under: its name without `.yaml`. */
export const documentId = (file: string): string => path.basename(file).replace(/\.ya?ml$/, "");

/** The policy documents of a folder by id; PolicyError (a finding) when one is not YAML. */
export async function readLocalDocuments(dir: string): Promise<Documents> {
  const documents = await readPolicyDocuments(dir).catch((error: unknown) => {
    if (error instanceof PolicyError) throw error;
    throw new Refusal(`${dir}: cannot be read as a policy folder`);
  });
  return new Map(documents.map(({ file, content }) => [documentId(file), content]));
}

export interface ActiveDocument {
  readonly id: string;
  readonly activeVersion: number;
  readonly content: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

/** The hub's documents as parsed data, comparable with a folder's. */
export const parsedDocuments = (active: readonly ActiveDocument[]): Documents => new Map(active.map((d) => [d.id, parseYaml(d.content) as unknown]));

/** A file's text for a proposal; a refusal when it cannot be read. */
export async function readProposal(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch {
    throw new Refusal(`${file} cannot be read`);
  }
}

/**
 * Writes each active document as `<dir>/<id>.yaml` and removes the other policy documents of the
 * folder (test cases stay), so the folder holds exactly the active set. Returns what it did.
 */
export async function exportDocuments(dir: string, active: readonly ActiveDocument[]): Promise<{ written: string[]; removed: string[] }> {
  await mkdir(dir, { recursive: true });
  const keep = new Set(active.map((d) => `${d.id}.yaml`));
  const stale = (await readdir(dir)).filter((f) => f.endsWith(".yaml") && !f.endsWith(".cases.yaml") && !keep.has(f)).sort();
  const written: string[] = [];
  for (const doc of [...active].sort((a, b) => a.id.localeCompare(b.id))) {
    // The store keeps data, not comments: one header line says where the file came from.
    const header = `# policy ${doc.id}, version ${doc.activeVersion} of the hub's active set (by ${doc.updatedBy}, ${doc.updatedAt})\n`;
    await writeFile(path.join(dir, `${doc.id}.yaml`), header + doc.content);
    written.push(`${doc.id}.yaml`);
  }
  for (const file of stale) await rm(path.join(dir, file));
  return { written, removed: stale };
}
