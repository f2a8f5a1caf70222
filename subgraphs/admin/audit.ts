import type { EntityManager } from "typeorm";
import { appendChainedIn, loadChainKey } from "../../platform/audit/index.js";
import type { LiaisonConfig } from "../../platform/config.js";

/** What `admin_audit.action` names. */
export type AdminAction =
  | "policy.import"
  | "policy.propose"
  | "policy.propose-rollback"
  | "policy.approve"
  | "policy.reject"
  | "policy.import-cases"
  | "grant.consent"
  | "grant.break-glass"
  | "grant.revoke"
  | "grant.review"
  | "operation.create"
  | "operation.update"
  | "operation.add-member"
  | "operation.remove-member"
  | "operation.close";

export interface AdminAuditEntry {
  readonly requestId: string;
  readonly subject: { readonly sub: string; readonly issuer: string; readonly agency: string };
  readonly action: AdminAction;
  readonly policyId: string | null;
  readonly changeId: string | null;
  /** Stored as JSON text (purpose, justification, versions, comment or reason). */
  readonly detail: Record<string, unknown>;
}

type KeyConfig = Pick<LiaisonConfig, "auditChainKeyFile" | "production">;

const keys = new Map<string, Promise<Buffer>>();

/** The hub's audit chain key (the same file the gateway's request audit uses), loaded once per file. */
function chainKey(config: KeyConfig): Promise<Buffer> {
  let key = keys.get(config.auditChainKeyFile);
  if (!key) {
    key = loadChainKey(config.auditChainKeyFile, { create: !config.production });
    key.catch(() => keys.delete(config.auditChainKeyFile));
    keys.set(config.auditChainKeyFile, key);
  }
  return key;
}

/** Appends one admin_audit row inside the open transaction of the change it records. */
export async function auditAdminChange(manager: EntityManager, config: KeyConfig, entry: AdminAuditEntry): Promise<void> {
  const row = {
    at: new Date(),
    request_id: entry.requestId,
    subject: entry.subject.sub,
    issuer: entry.subject.issuer,
    agency: entry.subject.agency,
    action: entry.action,
    policy_id: entry.policyId,
    change_id: entry.changeId,
    detail: JSON.stringify(entry.detail),
  };
  await appendChainedIn(manager, "admin_audit", [row], await chainKey(config));
}
