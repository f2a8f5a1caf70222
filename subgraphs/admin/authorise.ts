import type { Subject } from "../../platform/auth/index.js";
import { subjectOf, type SubgraphContext } from "../../platform/subgraph/index.js";
import { purposeRefusal } from "../../platform/http/index.js";
import { forbidden } from "../../schema/errors.js";
import { limitedToAgency } from "./documents.js";

/*
 * Who may administer policies is decided here, in code, never by the editable field policies: an
 * administrator must not be able to lock everyone out, or grant themselves more, with a policy.
 * Deny by default:
 * - hub administrators (agency HUB, role admin) may do everything;
 * - an agency's administrators (role admin) may propose and approve changes only to documents whose
 *   every rule is limited to their own agency's records (`when.record.originAgency: [AGENCY]`);
 * - auditors (role auditor) and administrators may read policies, versions and changes;
 * - everyone else is refused on every admin field.
 */

export const RULE_READERS = "policy-readers";
export const RULE_ADMINISTRATORS = "policy-administrators";
export const RULE_ORIGINATOR = "originator-control";
export const RULE_TWO_PERSON = "two-person-rule";

const isAdmin = (subject: Subject) => subject.roles.includes("admin");
export const isHubAdmin = (subject: Subject): boolean => subject.agency === "HUB" && isAdmin(subject);

/** The caller, with a declared purpose from the configured list, as for every data operation. */
function caller(ctx: SubgraphContext): Subject {
  const subject = subjectOf(ctx);
  const purpose = ctx.caller.purpose;
  const refused = purposeRefusal(purpose, ctx.config.purposes);
  if (refused) throw refused;
  return subject;
}

/** Administrators and auditors read policies, their versions and the changes proposed. */
export function mayRead(ctx: SubgraphContext): Subject {
  const subject = caller(ctx);
  if (!isAdmin(subject) && !subject.roles.includes("auditor")) throw forbidden("Forbidden: policy administration is for administrators and auditors", RULE_READERS);
  return subject;
}

/**
 * Administrators write; an agency's administrators only where every version involved (the one
 * active now and the one proposed) concerns their own agency's records alone.
 */
export function mayWrite(ctx: SubgraphContext, contents: readonly unknown[]): Subject {
  const subject = caller(ctx);
  if (!isAdmin(subject)) throw forbidden("Forbidden: only administrators change policies", RULE_ADMINISTRATORS);
  if (isHubAdmin(subject)) return subject;
  if (!contents.every((content) => limitedToAgency(content, subject.agency))) {
    throw forbidden(`Forbidden: ${subject.agency} administrators may change only documents whose every rule is limited to ${subject.agency} records (when.record.originAgency: [${subject.agency}])`, RULE_ORIGINATOR);
  }
  return subject;
}

/** The approver must be another person than the proposer (same issuer and subject is the same person). */
export function refuseSelfApproval(approver: Subject, proposer: { sub: string; issuer: string }): void {
  if (approver.sub === proposer.sub && approver.issuer === proposer.issuer) {
    throw forbidden("Forbidden: a change must be approved by another administrator than its proposer", RULE_TWO_PERSON);
  }
}
