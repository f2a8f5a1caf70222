import type { DataSource, EntityManager } from "typeorm";
import { parseCaseList, readCaseFiles, type RawCaseFile } from "../../../policies/testing/index.js";
import type { LiaisonConfig } from "../../../platform/config.js";
import { auditAdminChange } from "../audit.js";
import { lockPolicyStore } from "../store.js";
import type { CaseFiles } from "./case-files.js";

/** The active case files, by name (a file a change emptied is an empty list). */
export async function activeCaseFiles(db: DataSource | EntityManager): Promise<Map<string, RawCaseFile>> {
  const rows = (await db.query(`SELECT "file", "cases" FROM "policy_case_file" ORDER BY "file"`)) as Array<{ file: string; cases: unknown[] }>;
  return new Map(rows.map((row) => [row.file, row.cases]));
}

/** Makes a change's case files active (each replaced in full, its version one up); call in the approval's transaction. */
export async function writeCaseFiles(manager: EntityManager, files: CaseFiles, author: string, changeId: string | null): Promise<void> {
  for (const [file, cases] of files) {
    await manager.query(
      `INSERT INTO "policy_case_file" ("file", "cases", "version", "updated_by", "change_id") VALUES ($1, $2, 1, $3, $4)
       ON CONFLICT ("file") DO UPDATE SET "cases" = EXCLUDED."cases", "version" = "policy_case_file"."version" + 1, "updated_at" = now(),
         "updated_by" = EXCLUDED."updated_by", "change_id" = EXCLUDED."change_id"`,
      [file, JSON.stringify(cases), author, changeId],
    );
  }
}

/**
 * The case files of a folder, validated (a malformed case throws naming its file and index, like the
 * policy documents do); a missing folder has none.
 */
export async function readCaseFolder(dir: string): Promise<Map<string, RawCaseFile>> {
  let read: Awaited<ReturnType<typeof readCaseFiles>>;
  try {
    read = await readCaseFiles(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return new Map();
    throw error;
  }
  const problems = [...read.problems, ...[...read.files].flatMap(([file, list]) => parseCaseList(file, list).problems)];
  if (problems.length > 0) throw new Error(`invalid policy cases in ${dir}:\n${problems.map((p) => `- ${p}`).join("\n")}`);
  return read.files;
}

/** What the admin audit records of imported case files. */
export const importedCases = (dir: string, files: CaseFiles) => ({ directory: dir, files: [...files].map(([file, cases]) => ({ file, cases: cases.length })) });

/**
 * A policy store from before cases were stored: imports `policyCasesDir` once, in one transaction
 * with its admin_audit row, under the policy store's lock (concurrent starts import once). A new
 * hub database gets its cases with the documents (import.ts). Returns how many files it imported.
 */
export async function importPolicyCasesIfEmpty(
  dataSource: DataSource,
  config: Pick<LiaisonConfig, "policyCasesDir" | "auditChainKeyFile" | "production">,
  author: string,
): Promise<number> {
  if (await anyCaseFile(dataSource)) return 0;
  const files = await readCaseFolder(config.policyCasesDir);
  if (files.size === 0) return 0;
  return dataSource.transaction(async (manager) => {
    await lockPolicyStore(manager);
    if (await anyCaseFile(manager)) return 0;
    await writeCaseFiles(manager, files, author, null);
    await auditAdminChange(manager, config, {
      requestId: "import",
      subject: { sub: author, issuer: "liaison", agency: "HUB" },
      action: "policy.import-cases",
      policyId: null,
      changeId: null,
      detail: importedCases(config.policyCasesDir, files),
    });
    return files.size;
  });
}

async function anyCaseFile(db: DataSource | EntityManager): Promise<boolean> {
  return ((await db.query(`SELECT 1 FROM "policy_case_file" LIMIT 1`)) as unknown[]).length > 0;
}
