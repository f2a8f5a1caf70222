import { CreateAdminAudit1764500000100 } from "../../platform/audit/index.js";
import { CreateJointOperation1764300000000, OperationAdmin1764500000300 } from "../../platform/operations/index.js";
import { CreatePolicyStore1764500000000 } from "../../platform/policy-store/index.js";
import type { SubgraphDefinition } from "../../platform/subgraph/index.js";
import { buildFederatedSchema } from "../../schema/federation.js";
import { importPolicyDocumentsIfEmpty, IMPORT_AUTHOR } from "./import.js";
import { AccessResolver } from "./access/access.resolver.js";
import { CreatePolicyChange1764500000200 } from "./migrations/1764500000200-create-policy-change.js";
import { CreatePolicyGrant1764500000400 } from "./migrations/1764500000400-create-policy-grant.js";
import { CreatePolicyCase1764500000500 } from "./migrations/1764500000500-create-policy-case.js";
import { warmCaseSandbox } from "./cases/warm.js";
import { GrantResolver } from "./grants/grant.resolver.js";
import { OperationResolver } from "./operations/operation.resolver.js";
import { PolicyChangeResolver, PolicyResolver } from "./policy/policy.resolver.js";

export { importPolicyDocumentsIfEmpty, IMPORT_AUTHOR } from "./import.js";
export { caseSandboxOf } from "./cases/index.js";

/** The admin subgraph's part of the hub database: the policy store, the changes, the admin audit, the joint operations it administers. */
export const ADMIN_MIGRATIONS = [
  CreatePolicyStore1764500000000,
  CreateAdminAudit1764500000100,
  CreatePolicyChange1764500000200,
  CreatePolicyGrant1764500000400,
  CreatePolicyCase1764500000500,
  CreateJointOperation1764300000000,
  OperationAdmin1764500000300,
] as const;

/**
 * Admin: the versioned policy store and its administration API, on the hub database. Authorised in
 * code, not by the editable field policies (an administrator must not be able to lock everyone out
 * or grant themselves more through a policy), so `enforced: false`. Imports the default documents
 * on first start.
 */
export const admin: SubgraphDefinition = {
  name: "admin",
  agency: null,
  databaseOwner: "hub",
  enforced: false,
  database: { entities: [], migrations: [...ADMIN_MIGRATIONS] },
  prepare: async (dataSource, config) => {
    await importPolicyDocumentsIfEmpty(dataSource, config);
    // The case sandbox: started in the background when the store holds cases, closed with the service.
    return warmCaseSandbox(dataSource, config, IMPORT_AUTHOR);
  },
  buildSchema: () => buildFederatedSchema({ resolvers: [PolicyResolver, PolicyChangeResolver, AccessResolver, OperationResolver, GrantResolver] }),
};
