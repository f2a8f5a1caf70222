import { Agency, AGENCIES } from "../../schema/enums.js";
import type { Subject } from "../../schema/subject.js";

// The subject's shape is part of the contract (schema/), so policies need nothing from platform/.
export type { Subject } from "../../schema/subject.js";

const ROLE = /^[a-z][a-z0-9_-]{0,31}$/;
const OPERATION = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
/**
 * The subject lands in every audit row and is hashed into its chain: bounded, one line, no
 * characters that reorder or hide text (bidi controls), and well-formed UTF-16 (a lone surrogate
 * would be hashed as sent but stored as U+FFFD, breaking the chain).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const SUBJECT = /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]{1,200}$/;
const LONE_SURROGATE = /\p{Cs}/u;
const MAX_ROLES = 32;
const MAX_OPERATIONS = 64;

/** A subject's identity across issuers: the same `sub` from two issuers is two people. */
export const subjectKey = (subject: Pick<Subject, "issuer" | "sub">): string => `${subject.issuer} ${subject.sub}`;

/** Turns verified JWT claims into a Subject, or returns the reason the claims are unusable. */
export function subjectFromClaims(claims: Record<string, unknown>, issuer: string): Subject | string {
  const { sub, agency, roles, clearance, operations } = claims;
  if (typeof sub !== "string" || sub.length === 0) return "token has no subject";
  if (!SUBJECT.test(sub) || LONE_SURROGATE.test(sub)) return "token subject must be at most 200 characters, without control characters";
  if (typeof agency !== "string" || !AGENCIES.includes(agency as Agency)) return "token has no valid agency claim";
  if (!Array.isArray(roles) || roles.length > MAX_ROLES || !roles.every((r) => typeof r === "string" && ROLE.test(r))) {
    return "token roles claim must be a list of role names";
  }
  if (typeof clearance !== "number" || !Number.isInteger(clearance) || clearance < 0 || clearance > 4) {
    return "token clearance claim must be an integer 0-4";
  }
  const ops = operations ?? [];
  if (!Array.isArray(ops) || ops.length > MAX_OPERATIONS || !ops.every((o) => typeof o === "string" && OPERATION.test(o))) {
    return "token operations claim must be a list of operation ids";
  }
  return Object.freeze({
    sub,
    agency: agency as Agency,
    roles: Object.freeze([...roles] as string[]),
    clearance,
    operations: Object.freeze([...ops] as string[]),
    issuer,
  });
}
