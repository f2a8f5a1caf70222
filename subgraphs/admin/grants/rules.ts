import { getNamedType, isObjectType } from "graphql";
import { policyVersion, type PolicyRule, type PolicySet } from "../../../policies/index.js";
import type { SupergraphKinds } from "../access/supergraph-kinds.js";

/** What a grant's rules are made from (a stored, live grant). */
export interface GrantTerms {
  readonly id: string;
  readonly kind: "consent" | "break-glass";
  readonly recordType: string;
  readonly recordId: string;
  readonly ownerAgency: string;
  readonly granteeAgency: string;
  /** `"<issuer> <sub>"`, break-glass only. */
  readonly granteeSubject: string | null;
  readonly caseReference: string | null;
  readonly purpose: string;
  readonly expiresAt: Date;
}

/** Consent rules are `grant.<id>`, break-glass ones `break-glass.<id>` (and `.entry` for where to start). */
export const grantRuleId = (grant: Pick<GrantTerms, "id" | "kind">): string => `${grant.kind === "consent" ? "grant" : "break-glass"}.${grant.id}`;
export const isGrantRuleId = (id: string): boolean => id.startsWith("grant.") || id.startsWith("break-glass.");

/** The roles a consent grant lets in: the agency's officers and analysts, as the entry rules do. */
const GRANTEE_ROLES = ["officer", "analyst"];

/**
 * Where a grantee may start to reach the record: the root fields returning the type (or its
 * connection) and the shared entities' fields listing it. Lists stay filtered to the records the
 * caller may see, so these open exactly the granted record.
 */
export function entryCoordinates(kinds: SupergraphKinds, recordType: string): string[] {
  const coordinates: string[] = [];
  const query = kinds.schema.getQueryType();
  for (const type of kinds.objectTypes()) {
    if (type !== query && !kinds.isEntity(type.name)) continue;
    for (const [name, field] of Object.entries(type.getFields())) {
      const returned = getNamedType(field.type);
      if (!isObjectType(returned)) continue;
      const connectionOf = returned.name.endsWith("Connection") ? returned.name.slice(0, -"Connection".length) : null;
      if (returned.name === recordType || (type === query && connectionOf === recordType)) coordinates.push(`${type.name}.${name}`);
    }
  }
  return coordinates.sort();
}

/**
 * A grant as allow rules: the record's fields for the grantee (only that record: `record.ids`),
 * and the entry points to it. Both hold only for the grantee's purpose, only while the request's
 * justification names the case (consent) or for the named person (break-glass), and only until
 * the expiry, which every decision checks. A deny rule (a RED record, say) still wins.
 */
export function grantRules(grant: GrantTerms, entries: readonly string[]): PolicyRule[] {
  const id = grantRuleId(grant);
  const until = grant.expiresAt.toISOString();
  const subject =
    grant.kind === "consent"
      ? { agency: [grant.granteeAgency], roles: GRANTEE_ROLES }
      : { agency: [grant.granteeAgency], subjects: [grant.granteeSubject ?? ""] };
  const common = {
    subject,
    purpose: [grant.purpose],
    ...(grant.caseReference ? { caseReference: [grant.caseReference] } : {}),
    validUntil: until,
  };
  const what = grant.kind === "consent" ? `Consent of ${grant.ownerAgency} for case ${grant.caseReference}` : `Break-glass access for ${grant.granteeSubject}`;
  const rules: PolicyRule[] = [
    {
      id,
      description: `${what}: ${grant.granteeAgency} may see ${grant.recordType} ${grant.recordId} (${grant.purpose}) until ${until}`,
      target: [`${grant.recordType}.*`],
      effect: "allow",
      when: { ...common, record: { ids: [grant.recordId] } },
    },
  ];
  if (entries.length > 0) {
    rules.push({ id: `${id}.entry`, description: `${what}: where to reach ${grant.recordType} ${grant.recordId} from`, target: [...entries], effect: "allow", when: common });
  }
  return rules;
}

/** The set with its grant rules replaced by `grants` (documents' rules first, in order); versioned by content. */
export function withGrants(set: PolicySet, grants: readonly PolicyRule[]): PolicySet {
  const rules = [...set.rules.filter((r) => !isGrantRuleId(r.id)), ...grants];
  return { version: policyVersion(rules), rules };
}
