import type { Subject } from "../auth/index.js";

/*
 * Who may read an agency's delivery audit, decided in code (never by the editable field policies,
 * which an administrator could bend): the gateway's audit API decides it for the caller, and each
 * agency's audit routes decide it again from the signed claims of the gateway's token, so a
 * service never relies on the gateway alone. Deny by default:
 * - hub administrators and auditors (agency HUB, role admin or auditor) read every agency's audit;
 * - an agency's administrators and auditors read their own agency's audit only;
 * - everyone else reads none.
 */

export const RULE_AUDIT_READERS = "audit-readers";
export const RULE_AUDIT_OWN_AGENCY = "audit-own-agency";
export const RULE_AUDIT_HUB = "audit-hub-only";

/** Why a subject may not do something with the audit: the message and the deciding rule. */
export interface AuditRefusal {
  readonly message: string;
  readonly rule: string;
}

const reads = (subject: Subject) => subject.roles.includes("admin") || subject.roles.includes("auditor");
export const isHubAuditReader = (subject: Subject): boolean => subject.agency === "HUB" && reads(subject);

/** Null when the subject may read any audit at all (its own agency's at least). */
export function auditReaderRefusal(subject: Subject): AuditRefusal | null {
  return reads(subject) ? null : { message: "Forbidden: the access audit is for administrators and auditors", rule: RULE_AUDIT_READERS };
}

/** Null when the subject may read the audit kept by agency `owner` (CUSTOMS, POLICE, ...). */
export function auditOwnerRefusal(subject: Subject, owner: string): AuditRefusal | null {
  const refusal = auditReaderRefusal(subject);
  if (refusal) return refusal;
  if (subject.agency === "HUB" || subject.agency === owner) return null;
  return { message: `Forbidden: ${subject.agency} administrators and auditors read only the ${subject.agency} audit`, rule: RULE_AUDIT_OWN_AGENCY };
}

/** Null when the subject may verify every chain (hub administrators and auditors only). */
export function auditVerifierRefusal(subject: Subject): AuditRefusal | null {
  return reads(subject) && subject.agency === "HUB"
    ? null
    : { message: "Forbidden: verifying every audit chain is for hub administrators and auditors", rule: RULE_AUDIT_HUB };
}
