import path from "node:path";
import type { DataSource } from "typeorm";
import { buildPolicySet, readPolicyDocuments } from "../../policies/index.js";
import type { LiaisonConfig } from "../../platform/config.js";
import { readActiveVersion, writeActivePolicy } from "../../platform/policy-store/index.js";
import { readSupergraph } from "../../schema/supergraph.js";
import { auditAdminChange } from "./audit.js";
import { insertVersion, lockPolicyStore } from "./store.js";
import { importedCases, readCaseFolder, writeCaseFiles } from "./cases/case-store.js";

/** The author of imported versions. */
export const IMPORT_AUTHOR = "liaison-import";

/**
 * On a hub database that holds no active policy set yet, stores every document of `policyDir` as
 * version 1 and activates the set they make, in one transaction with its admin_audit row. An
 * advisory lock makes concurrent starts safe: the second finds the set stored and does nothing.
 * Returns whether it imported. An invalid folder throws PolicyError and stores nothing.
 */
export async function importPolicyDocumentsIfEmpty(dataSource: DataSource, config: Pick<LiaisonConfig, "policyDir" | "policyCasesDir" | "purposes" | "auditChainKeyFile" | "production">): Promise<boolean> {
  if ((await readActiveVersion(dataSource)) !== null) return false;
  const files = await readPolicyDocuments(config.policyDir);
  const set = buildPolicySet(files, await readSupergraph(), config.purposes);
  // The test cases travel with the documents, so a change can update them (cases/).
  const caseFiles = await readCaseFolder(config.policyCasesDir);
  const comment = `imported from ${config.policyDir}`;
  return dataSource.transaction(async (manager) => {
    await lockPolicyStore(manager);
    if ((await readActiveVersion(manager)) !== null) return false;
    const documents: Record<string, number> = {};
    for (const { file, content } of files) {
      const id = path.basename(file, ".yaml");
      documents[id] = await insertVersion(manager, id, content, { sub: IMPORT_AUTHOR, issuer: null }, comment, null);
    }
    await writeActivePolicy(manager, set, documents);
    await writeCaseFiles(manager, caseFiles, IMPORT_AUTHOR, null);
    await auditAdminChange(manager, config, {
      requestId: "import",
      subject: { sub: IMPORT_AUTHOR, issuer: "liaison", agency: "HUB" },
      action: "policy.import",
      policyId: null,
      changeId: null,
      detail: { directory: config.policyDir, documents, setVersion: set.version, cases: importedCases(config.policyCasesDir, caseFiles) },
    });
    return true;
  });
}
