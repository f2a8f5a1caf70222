import type { EntityManager } from "typeorm";
import { readActivePolicy, writeActivePolicy } from "../../../platform/policy-store/index.js";
import { isUuid } from "../../../platform/records/index.js";
import { databaseOf, type SubgraphContext } from "../../../platform/subgraph/index.js";
import { Agency } from "../../../schema/enums.js";
import { badField, conflict, forbidden, notFound } from "../../../schema/errors.js";
import type { Subject } from "../../../schema/subject.js";
import { supergraphKinds } from "../access/supergraph-kinds.js";
import { auditAdminChange, type AdminAction } from "../audit.js";
import { isHubAdmin, mayRead, mayWrite, RULE_TWO_PERSON } from "../authorise.js";
import { lockPolicyStore } from "../store.js";
import { entryCoordinates, grantRules, withGrants } from "./rules.js";
import { findGrant, insertGrant, listGrants, liveGrantRules, markReviewed, markRevoked, newGrantId, statusOf, type GrantFilter, type NewGrant, type StoredGrant } from "./store.js";

/*
 * Consent and break-glass grants. A grant is part of the active policy set (its rules), so
 * granting or revoking activates a new set version in the same transaction as the grant row and
 * its admin_audit row, and every service enforces it within the live-reload delay. Expiry needs
 * no new set: each decision checks it.
 */

export const RULE_GRANT_OWNER = "grant-owner-only";
export const MAX_CONSENT_DAYS = 90;
export const MAX_EMERGENCY_HOURS = 24;
/** A grant ends at least this far ahead (a shorter one could expire before any service enforced it). */
const MIN_GRANT_MS = 5_000;

const CASE_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9_\-/]{2,63}$/;
const PRINTABLE = /^[\x21-\x7e]{1,256}$/;

const refuse = badField;

function text(value: string | null | undefined, field: string, min: number, max = 2000): string {
  const trimmed = (value ?? "").trim();
  if (trimmed.length < min || trimmed.length > max) throw refuse(field, `${min}-${max} characters`);
  return trimmed;
}

/** The agency holding records of `recordType`; refuses a type that is not a record of one agency's service. */
async function ownerOf(recordType: string): Promise<string> {
  const kinds = await supergraphKinds();
  const owners = kinds.isRecord(recordType) ? kinds.ownersOf(recordType) : [];
  if (owners.length !== 1) {
    const records = kinds.objectTypes().filter((t) => kinds.isRecord(t.name) && kinds.ownersOf(t.name).length === 1).map((t) => t.name).sort();
    throw refuse("recordType", `one of ${records.join(", ")}`);
  }
  return owners[0] as string;
}

function checkAgency(agency: string, owner: string): string {
  if (!Object.values(Agency).includes(agency as Agency) || agency === Agency.HUB) throw refuse("agency", `one of ${Object.values(Agency).filter((a) => a !== Agency.HUB).join(", ")}`);
  if (agency === owner) throw refuse("agency", `${owner} already sees its own records`);
  return agency;
}

const checkRecordId = (id: string): string => {
  if (!isUuid(id)) throw refuse("recordId", "a record id (UUID)");
  return id.toLowerCase();
};

const checkPurpose = (purpose: string, purposes: readonly string[]): string => {
  if (!purposes.includes(purpose)) throw refuse("purpose", `one of ${purposes.join(", ")}`);
  return purpose;
};

const actor = (subject: Subject) => ({ sub: subject.sub, issuer: subject.issuer, agency: subject.agency });

async function audit(manager: EntityManager, ctx: SubgraphContext, subject: Subject, action: AdminAction, grant: StoredGrant, detail: Record<string, unknown>): Promise<void> {
  await auditAdminChange(manager, ctx.config, {
    requestId: ctx.caller.requestId,
    subject: actor(subject),
    action,
    policyId: null,
    changeId: grant.id,
    detail: {
      purpose: ctx.caller.purpose,
      justification: ctx.caller.justification,
      kind: grant.kind,
      recordType: grant.recordType,
      recordId: grant.recordId,
      agency: grant.granteeAgency,
      ...detail,
    },
  });
}

/**
 * Makes the active set the documents' rules plus the rules of every live grant (with `adding`),
 * inside the caller's transaction, which holds the policy store's lock. Returns the new version.
 */
async function activateGrants(manager: EntityManager, adding: NewGrant & { id: string } | null): Promise<string> {
  const active = await readActivePolicy(manager);
  if (!active) throw notFound("no active policy set is stored yet");
  const kinds = await supergraphKinds();
  const rules = await liveGrantRules(manager, kinds);
  if (adding) rules.push(...grantRules(adding, entryCoordinates(kinds, adding.recordType)));
  const set = withGrants(active.set, rules);
  await writeActivePolicy(manager, set, active.documents);
  return set.version;
}

export interface ConsentInput {
  readonly recordType: string;
  readonly recordId: string;
  readonly agency: string;
  readonly caseReference: string;
  readonly purpose: string;
  readonly expiresAt: Date;
  readonly comment?: string | null;
}

/** The owning agency's administrator lets one agency see one record, for one case and purpose, until a time. */
export async function grantConsent(ctx: SubgraphContext, input: ConsentInput): Promise<StoredGrant> {
  const subject = mayWrite(ctx, []);
  const owner = await ownerOf(input.recordType);
  if (subject.agency !== owner) throw forbidden(`Forbidden: only ${owner} administrators grant access to ${owner} records (prior consent is the owner's)`, RULE_GRANT_OWNER);
  const now = Date.now();
  const expiresAt = input.expiresAt;
  if (!(expiresAt instanceof Date) || Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() <= now + MIN_GRANT_MS || expiresAt.getTime() > now + MAX_CONSENT_DAYS * 86_400_000) {
    throw refuse("expiresAt", `a time between ${MIN_GRANT_MS / 1000} seconds and ${MAX_CONSENT_DAYS} days from now`);
  }
  const caseReference = input.caseReference.trim();
  if (!CASE_REFERENCE.test(caseReference)) throw refuse("caseReference", "3-64 letters, digits, '_', '-' or '/', starting with a letter or digit");
  const grant: NewGrant = {
    kind: "consent",
    recordType: input.recordType,
    recordId: checkRecordId(input.recordId),
    ownerAgency: owner,
    granteeAgency: checkAgency(input.agency, owner),
    granteeSubject: null,
    caseReference,
    purpose: checkPurpose(input.purpose, ctx.config.purposes),
    justification: input.comment ? text(input.comment, "comment", 1) : null,
    expiresAt,
    grantedBy: actor(subject),
  };
  return databaseOf(ctx).transaction(async (manager) => {
    await lockPolicyStore(manager);
    const id = newGrantId();
    const version = await activateGrants(manager, { ...grant, id });
    const stored = await insertGrant(manager, id, grant, version);
    await audit(manager, ctx, subject, "grant.consent", stored, { caseReference, grantPurpose: grant.purpose, expiresAt: expiresAt.toISOString(), setVersion: version });
    return stored;
  });
}

export interface EmergencyInput {
  readonly recordType: string;
  readonly recordId: string;
  readonly agency: string;
  readonly subject: string;
  readonly issuer: string;
  readonly purpose: string;
  readonly justification: string;
  readonly hours: number;
}

/** Break-glass: one person, one record, at most 24 hours, a mandatory justification, flagged for review. */
export async function grantEmergency(ctx: SubgraphContext, input: EmergencyInput): Promise<StoredGrant> {
  const subject = mayWrite(ctx, []);
  const owner = await ownerOf(input.recordType);
  if (!isHubAdmin(subject) && subject.agency !== owner) throw forbidden(`Forbidden: emergency access to ${owner} records is granted by hub or ${owner} administrators`, RULE_GRANT_OWNER);
  if (!Number.isInteger(input.hours) || input.hours < 1 || input.hours > MAX_EMERGENCY_HOURS) throw refuse("hours", `an integer 1-${MAX_EMERGENCY_HOURS}`);
  if (!PRINTABLE.test(input.subject)) throw refuse("subject", "the person's token subject (1-256 printable characters, no spaces)");
  if (!PRINTABLE.test(input.issuer)) throw refuse("issuer", "the issuer of the person's tokens (1-256 printable characters, no spaces)");
  const grant: NewGrant = {
    kind: "break-glass",
    recordType: input.recordType,
    recordId: checkRecordId(input.recordId),
    ownerAgency: owner,
    granteeAgency: checkAgency(input.agency, owner),
    granteeSubject: `${input.issuer} ${input.subject}`,
    caseReference: null,
    purpose: checkPurpose(input.purpose, ctx.config.purposes),
    justification: text(input.justification, "justification", 20),
    expiresAt: new Date(Date.now() + input.hours * 3_600_000),
    grantedBy: actor(subject),
  };
  return databaseOf(ctx).transaction(async (manager) => {
    await lockPolicyStore(manager);
    const id = newGrantId();
    const version = await activateGrants(manager, { ...grant, id });
    const stored = await insertGrant(manager, id, grant, version);
    await audit(manager, ctx, subject, "grant.break-glass", stored, {
      person: grant.granteeSubject,
      grantPurpose: grant.purpose,
      grantJustification: grant.justification,
      expiresAt: grant.expiresAt.toISOString(),
      setVersion: version,
      review: "required",
    });
    return stored;
  });
}

/** Whether the subject may see this grant at all: hub readers all, an agency's readers those it owns or received. */
const mayKnow = (subject: Subject, grant: StoredGrant): boolean =>
  subject.agency === Agency.HUB || grant.ownerAgency === subject.agency || grant.granteeAgency === subject.agency;

/** A grant the subject may know of, locked; NOT_FOUND alike for unknown and unseen ones (no existence oracle). */
async function knownGrant(manager: EntityManager, subject: Subject, id: string): Promise<StoredGrant> {
  const grant = await findGrant(manager, id, true);
  if (!grant || !mayKnow(subject, grant)) throw notFound(`no grant ${JSON.stringify(id.slice(0, 64))}`);
  return grant;
}

/** Ends a grant now: the owner's administrators, hub administrators, or (break-glass) whoever granted it. */
export async function revokeGrant(ctx: SubgraphContext, grantId: string, reasonText: string): Promise<StoredGrant> {
  const subject = mayWrite(ctx, []);
  const reason = text(reasonText, "reason", 1);
  return databaseOf(ctx).transaction(async (manager) => {
    await lockPolicyStore(manager);
    const grant = await knownGrant(manager, subject, grantId);
    const grantor = grant.grantedBy.sub === subject.sub && grant.grantedBy.issuer === subject.issuer;
    if (!isHubAdmin(subject) && subject.agency !== grant.ownerAgency && !grantor) {
      throw forbidden(`Forbidden: a grant on ${grant.ownerAgency} records is revoked by ${grant.ownerAgency} or hub administrators`, RULE_GRANT_OWNER);
    }
    const status = statusOf(grant);
    if (status !== "active") throw conflict(`grant ${grant.id} is already ${status}`);
    const revoked = await markRevoked(manager, grant.id, subject, reason);
    const version = await activateGrants(manager, null);
    await audit(manager, ctx, subject, "grant.revoke", revoked, { reason, setVersion: version });
    return revoked;
  });
}

/** A second administrator reviews a break-glass grant (never the one who granted it). */
export async function reviewEmergency(ctx: SubgraphContext, grantId: string, noteText: string): Promise<StoredGrant> {
  const subject = mayWrite(ctx, []);
  const note = text(noteText, "note", 1);
  return databaseOf(ctx).transaction(async (manager) => {
    const grant = await knownGrant(manager, subject, grantId);
    if (grant.kind !== "break-glass") throw refuse("grantId", "only break-glass grants are reviewed");
    if (!isHubAdmin(subject) && subject.agency !== grant.ownerAgency) throw forbidden(`Forbidden: break-glass access to ${grant.ownerAgency} records is reviewed by ${grant.ownerAgency} or hub administrators`, RULE_GRANT_OWNER);
    if (grant.grantedBy.sub === subject.sub && grant.grantedBy.issuer === subject.issuer) {
      throw forbidden("Forbidden: break-glass access is reviewed by another administrator than the one who granted it", RULE_TWO_PERSON);
    }
    if (grant.reviewedAt) throw conflict(`grant ${grant.id} was already reviewed`);
    const reviewed = await markReviewed(manager, grant.id, subject, note);
    await audit(manager, ctx, subject, "grant.review", reviewed, { note });
    return reviewed;
  });
}

/** Grants the caller may read (administrators and auditors; an agency's see only its own and those it received). */
export async function readGrants(ctx: SubgraphContext, filter: GrantFilter): Promise<StoredGrant[]> {
  const subject = mayRead(ctx);
  return listGrants(databaseOf(ctx), { ...filter, agency: subject.agency === Agency.HUB ? (filter.agency ?? null) : subject.agency });
}

export async function readGrant(ctx: SubgraphContext, id: string): Promise<StoredGrant | null> {
  const subject = mayRead(ctx);
  const grant = await findGrant(databaseOf(ctx), id);
  return grant && mayKnow(subject, grant) ? grant : null;
}
