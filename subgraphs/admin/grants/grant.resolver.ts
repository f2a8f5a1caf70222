import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { SubgraphContext } from "../../../platform/subgraph/index.js";
import type { Agency } from "../../../schema/enums.js";
import { grantConsent, grantEmergency, readGrant, readGrants, reviewEmergency, revokeGrant } from "./grants.js";
import { grantRuleId } from "./rules.js";
import { statusOf, type StoredGrant } from "./store.js";
import { AccessGrant, EmergencyAccessInput, GrantAccessInput, GrantFilterInput, GrantKind, GrantStatus } from "./grant.type.js";

const toGrant = (g: StoredGrant): AccessGrant =>
  Object.assign(new AccessGrant(), {
    id: g.id,
    kind: g.kind as GrantKind,
    status: statusOf(g) as GrantStatus,
    ruleId: grantRuleId(g),
    recordType: g.recordType,
    recordId: g.recordId,
    ownerAgency: g.ownerAgency as Agency,
    agency: g.granteeAgency as Agency,
    person: g.granteeSubject,
    caseReference: g.caseReference,
    purpose: g.purpose,
    justification: g.justification,
    expiresAt: g.expiresAt,
    grantedBy: g.grantedBy.sub,
    grantedByAgency: g.grantedBy.agency as Agency,
    createdAt: g.createdAt,
    setVersion: g.setVersion,
    revokedAt: g.revokedAt,
    revokedBy: g.revokedBy?.sub ?? null,
    revokeReason: g.revokeReason,
    pendingReview: g.kind === "break-glass" && g.reviewedAt === null,
    reviewedAt: g.reviewedAt,
    reviewedBy: g.reviewedBy?.sub ?? null,
    reviewNote: g.reviewNote,
  });

/*
 * Consent and break-glass grants (contract: grantAccess, revokeGrant). Authorised in code
 * (grants.ts); each grant or revocation activates a new policy set version with its audit row.
 */
@Resolver()
export class GrantResolver {
  @Query(() => [AccessGrant], { description: "Grants, newest first (an agency's readers see those it owns or received)" })
  async grants(@Arg("filter", () => GrantFilterInput, { nullable: true }) filter: GrantFilterInput | null, @Ctx() ctx: SubgraphContext): Promise<AccessGrant[]> {
    const grants = await readGrants(ctx, { kind: filter?.kind ?? null, activeOnly: filter?.active ?? false, pendingReview: filter?.pendingReview ?? false, agency: filter?.agency ?? null });
    return grants.map(toGrant);
  }

  @Query(() => AccessGrant, { nullable: true })
  async grant(@Arg("id", () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<AccessGrant | null> {
    const grant = await readGrant(ctx, id);
    return grant ? toGrant(grant) : null;
  }

  @Mutation(() => AccessGrant, { description: "Prior consent of the owning agency's administrator: enforced with the next policy version" })
  async grantAccess(@Arg("input", () => GrantAccessInput) input: GrantAccessInput, @Ctx() ctx: SubgraphContext): Promise<AccessGrant> {
    return toGrant(await grantConsent(ctx, input));
  }

  @Mutation(() => AccessGrant, { description: "Ends a grant now" })
  async revokeGrant(@Arg("grantId", () => ID) grantId: string, @Arg("reason", () => String) reason: string, @Ctx() ctx: SubgraphContext): Promise<AccessGrant> {
    return toGrant(await revokeGrant(ctx, grantId, reason));
  }

  @Mutation(() => AccessGrant, { description: "Break-glass: emergency access for one person to one record, at most 24 hours, flagged for review" })
  async grantEmergencyAccess(@Arg("input", () => EmergencyAccessInput) input: EmergencyAccessInput, @Ctx() ctx: SubgraphContext): Promise<AccessGrant> {
    return toGrant(await grantEmergency(ctx, input));
  }

  @Mutation(() => AccessGrant, { description: "A second administrator reviews a break-glass grant" })
  async reviewEmergencyAccess(@Arg("grantId", () => ID) grantId: string, @Arg("note", () => String) note: string, @Ctx() ctx: SubgraphContext): Promise<AccessGrant> {
    return toGrant(await reviewEmergency(ctx, grantId, note));
  }
}
