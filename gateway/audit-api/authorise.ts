import { auditOwnerRefusal, auditReaderRefusal, auditVerifierRefusal, type AuditRefusal } from "../../platform/audit/index.js";
import { purposeRefusal } from "../../platform/http/index.js";
import { badInput, forbidden, unauthenticated } from "../../schema/errors.js";
import type { GatewayContext } from "../context.js";
import { AUDITED_OWNERS, type AuditCaller, type AuditedOwner } from "./agencies.js";

/*
 * Who may ask the audit API, decided in code by the rules every agency's audit routes apply again
 * (platform/audit/audit-readers.ts): administrators and auditors with a declared purpose; an
 * agency's own only about their agency's audit; verifying every chain is for the hub's.
 */

const refuse = (refusal: AuditRefusal | null): void => {
  if (refusal) throw forbidden(refusal.message, refusal.rule);
};

/** The verified caller with a declared purpose from the configured list. */
export function auditCaller(ctx: GatewayContext, purposes: readonly string[]): AuditCaller {
  const subject = ctx.subject;
  if (!subject) throw unauthenticated("missing bearer token");
  const purpose = ctx.caller.purpose;
  const refused = purposeRefusal(purpose, purposes);
  if (refused) throw refused;
  // purposeRefusal passes only a purpose from the list.
  return { subject, purpose: purpose as string, justification: ctx.caller.justification, requestId: ctx.caller.requestId, policyVersion: ctx.policyVersion };
}

/** The audited owner named `agency`, or BAD_USER_INPUT. */
export function ownerNamed(agency: string, argument: string): AuditedOwner {
  const owner = AUDITED_OWNERS.find((o) => o.agency === agency);
  if (!owner) throw badInput(`${argument} must be one of ${AUDITED_OWNERS.map((o) => o.agency).join(", ")}`, { field: argument });
  return owner;
}

/** The owners whose audit the caller reads: the one named (if allowed), else every one it may read. */
export function readableOwners(caller: AuditCaller, named: string | null | undefined): AuditedOwner[] {
  refuse(auditReaderRefusal(caller.subject));
  if (named !== null && named !== undefined) {
    const owner = ownerNamed(named, "owner");
    refuse(auditOwnerRefusal(caller.subject, owner.agency));
    return [owner];
  }
  return AUDITED_OWNERS.filter((o) => auditOwnerRefusal(caller.subject, o.agency) === null);
}

/** Verifying every chain: hub administrators and auditors only. */
export function mayVerify(caller: AuditCaller): void {
  refuse(auditVerifierRefusal(caller.subject));
}
