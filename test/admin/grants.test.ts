import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadChainKey, verifyChain } from "../../platform/audit/index.js";
import { fiuReportInput } from "../helpers/fixtures.js";
import { startTestHub, type Caller, type GraphQLResponse, type TestHub } from "../helpers/hub.js";

/*
 * Prior consent and break-glass grants through the gateway: the owner grants, every service
 * enforces the grant as part of the next policy version, only for the grantee, its purpose and its
 * case, only until it expires or is revoked; every use is flagged in the owner's delivery audit.
 */

const PHONE = "+447700900611";
const CASE = "POL-2026-0042";

let th: TestHub;
let fiuAdmin: string;
let hubAdmin: string;
let hubAdmin2: string;
let police: string;
let reportA: string;
let reportB: string;

const hubDb = () => th.hub.gateway.hubDataSource;
const fiuDb = (): DataSource => th.hub.subgraphs.fiu?.dataSource as DataSource;
const activeVersion = async (): Promise<string> => ((await hubDb().query(`SELECT set_version FROM policy_active`)) as Array<{ set_version: string }>)[0]?.set_version as string;
const grantCount = async (): Promise<number> => Number(((await hubDb().query(`SELECT count(*)::int AS n FROM policy_grant`)) as Array<{ n: number }>)[0]?.n);
const lastAdminActions = async (n: number): Promise<string[]> =>
  ((await hubDb().query(`SELECT action FROM admin_audit ORDER BY seq DESC LIMIT $1`, [n])) as Array<{ action: string }>).map((r) => r.action).reverse();

const GRANT = `mutation ($input: GrantAccessInput!) { grantAccess(input: $input) { id kind status ruleId recordType recordId ownerAgency agency caseReference purpose grantedBy setVersion pendingReview } }`;
const EMERGENCY = `mutation ($input: EmergencyAccessInput!) { grantEmergencyAccess(input: $input) { id kind status ruleId agency person justification pendingReview expiresAt } }`;
const REVOKE = `mutation ($id: ID!, $reason: String!) { revokeGrant(grantId: $id, reason: $reason) { id status revokedBy revokeReason } }`;
const REVIEW = `mutation ($id: ID!, $note: String!) { reviewEmergencyAccess(grantId: $id, note: $note) { id pendingReview reviewedBy reviewNote } }`;
const REPORT = `query ($id: ID!) { fiuReport(id: $id) { reference } }`;

interface Granted {
  grantAccess: { id: string; status: string; ruleId: string; setVersion: string };
}

const consent = (overrides: Record<string, unknown> = {}) => ({
  recordType: "FiuReport",
  recordId: reportA,
  agency: "POLICE",
  caseReference: CASE,
  purpose: "investigation",
  expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  ...overrides,
});

/** Asks until the answer satisfies `done` (the new set reaches every service within the live-reload delay), at most 5 s. */
async function eventually<T>(ask: () => Promise<GraphQLResponse<T>>, done: (r: GraphQLResponse<T>) => boolean): Promise<GraphQLResponse<T>> {
  const deadline = Date.now() + 5_000;
  let last = await ask();
  while (!done(last) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    last = await ask();
  }
  return last;
}

const asPolice = (query: string, variables: Record<string, unknown>, caller: Caller = {}) => th.query<Record<string, unknown>>(query, variables, { token: police, justification: `${CASE}: courier network`, ...caller });
const served = (r: GraphQLResponse) => r.errors === undefined && r.data?.fiuReport !== null;
const refused = (r: GraphQLResponse) => r.errors?.[0]?.extensions?.code === "FORBIDDEN";
const FORBIDDEN_REPORT = { data: { fiuReport: null }, errors: [{ message: "Not authorised to see this field", path: ["fiuReport"], extensions: { code: "FORBIDDEN", rule: "default-deny", service: "fiu" } }] };

beforeAll(async () => {
  th = await startTestHub();
  fiuAdmin = await th.token("FIU", { sub: "fiu-admin", roles: ["admin"] });
  hubAdmin = await th.token("HUB", { sub: "hub-admin-1", roles: ["admin"] });
  hubAdmin2 = await th.token("HUB", { sub: "hub-admin-2", roles: ["admin"] });
  police = await th.token("POLICE", { sub: "police-analyst", roles: ["analyst"] });
  const fiuOfficer = await th.token("FIU", { roles: ["officer"] });
  const ids: string[] = [];
  for (const reference of ["GR-F1", "GR-F2"]) {
    const r = await th.query<{ fileFiuReport: { id: string } }>(`mutation ($input: FileFiuReportInput!) { fileFiuReport(input: $input) { id } }`, { input: fiuReportInput({ reference, phone: PHONE }) }, { token: fiuOfficer });
    expect(r.errors).toBeUndefined();
    ids.push(r.data?.fileFiuReport.id as string);
  }
  [reportA = "", reportB = ""] = ids;
}, 120_000);
afterAll(async () => {
  await th?.close();
});

describe("prior consent: grantAccess and revokeGrant", () => {
  it("withholds FIU reports from the police before any grant", async () => {
    const r = await asPolice(REPORT, { id: reportA });
    expect({ data: r.data, errors: r.errors }).toEqual(FORBIDDEN_REPORT);
  });

  it("lets only the owning agency's administrators grant, and stores nothing when refused", async () => {
    const before = await activeVersion();
    for (const token of [hubAdmin, await th.token("POLICE", { sub: "police-admin", roles: ["admin"] }), await th.token("FIU", { roles: ["analyst"] })]) {
      const r = await th.query(GRANT, { input: consent() }, { token });
      expect(r.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    const hub = await th.query(GRANT, { input: consent() }, { token: hubAdmin });
    expect(hub.errors?.[0]?.extensions).toEqual({ code: "FORBIDDEN", rule: "grant-owner-only", service: "admin" });
    const analyst = await th.query(GRANT, { input: consent() }, { token: await th.token("FIU", { roles: ["analyst"] }) });
    expect(analyst.errors?.[0]?.extensions).toEqual({ code: "FORBIDDEN", rule: "policy-administrators", service: "admin" });
    expect(await grantCount()).toBe(0);
    expect(await activeVersion()).toBe(before);
  });

  it.each([
    ["recordType", { recordType: "Phone" }],
    ["recordId", { recordId: "not-an-id" }],
    ["agency", { agency: "FIU" }],
    ["caseReference", { caseReference: "x" }],
    ["purpose", { purpose: "curiosity" }],
    ["expiresAt", { expiresAt: new Date(Date.now() - 1000).toISOString() }],
    ["expiresAt", { expiresAt: new Date(Date.now() + 91 * 86_400_000).toISOString() }],
  ])("refuses a bad %s with BAD_USER_INPUT naming it, writing nothing", async (field, overrides) => {
    const before = await activeVersion();
    const r = await th.query(GRANT, { input: consent(overrides) }, { token: fiuAdmin });
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(r.errors?.[0]?.extensions?.field).toBe(field);
    expect(await grantCount()).toBe(0);
    expect(await activeVersion()).toBe(before);
  });

  let grantId = "";
  let ruleId = "";

  it("activates a new policy version with the grant, audited in the same transaction", async () => {
    const before = await activeVersion();
    const r = await th.query<Granted>(GRANT, { input: consent() }, { token: fiuAdmin });
    expect(r.errors).toBeUndefined();
    const grant = r.data?.grantAccess as Granted["grantAccess"] & Record<string, unknown>;
    grantId = grant.id;
    ruleId = grant.ruleId;
    expect(grant).toEqual({
      id: grantId,
      kind: "CONSENT",
      status: "ACTIVE",
      ruleId: `grant.${grantId}`,
      recordType: "FiuReport",
      recordId: reportA,
      ownerAgency: "FIU",
      agency: "POLICE",
      caseReference: CASE,
      purpose: "investigation",
      grantedBy: "fiu-admin",
      setVersion: await activeVersion(),
      pendingReview: false,
    });
    expect(grant.setVersion).not.toBe(before);
    expect(await lastAdminActions(1)).toEqual(["grant.consent"]);
  });

  it("serves the granted report to the police for the case, and nothing more", async () => {
    const r = await eventually(() => asPolice(REPORT, { id: reportA }), served);
    expect({ data: r.data, errors: r.errors }).toEqual({ data: { fiuReport: { reference: "GR-F1" } }, errors: undefined });
    // The other report on the same phone stays out of the list; the list field is open only for the grant.
    const phone = await asPolice(`query ($p: String!) { phone(e164: $p) { fiuReports { reference } } }`, { p: PHONE });
    expect({ data: phone.data, errors: phone.errors }).toEqual({ data: { phone: { fiuReports: [{ reference: "GR-F1" }] } }, errors: undefined });
    const other = await asPolice(REPORT, { id: reportB });
    expect({ data: other.data, errors: other.errors }).toEqual({ data: { fiuReport: null }, errors: undefined });
  });

  it("holds only for the grantee, its purpose and a justification naming its case", async () => {
    expect(await asPolice(REPORT, { id: reportA }, { justification: "courier network" })).toMatchObject(FORBIDDEN_REPORT);
    expect(await asPolice(REPORT, { id: reportA }, { justification: `${CASE}7 courier network` })).toMatchObject(FORBIDDEN_REPORT);
    expect(await asPolice(REPORT, { id: reportA }, { purpose: "intelligence" })).toMatchObject(FORBIDDEN_REPORT);
    expect(await asPolice(REPORT, { id: reportA }, { token: await th.token("CUSTOMS", { roles: ["analyst"] }) })).toMatchObject(FORBIDDEN_REPORT);
  });

  it("flags every delivery under the grant in the FIU's own delivery audit", async () => {
    type Row = { subject: string; entity_type: string; entity_id: string; fields_served: string[]; grant_rules: string[] };
    const rows = (await fiuDb().query(`SELECT subject, entity_type, entity_id, fields_served, grant_rules FROM access_audit WHERE grant_rules IS NOT NULL ORDER BY seq`)) as Row[];
    const reports = rows.filter((row) => row.entity_type === "FiuReport");
    // The report itself (twice: by id, and through the phone), and the phone's list field opened by the grant's entry rule.
    expect(reports.map((row) => [row.subject, row.entity_id, row.fields_served, row.grant_rules])).toEqual([
      ["police-analyst", reportA, ["reference"], [ruleId]],
      ["police-analyst", reportA, ["reference"], [ruleId]],
    ]);
    expect(rows.filter((row) => row.entity_type === "Phone").map((row) => [row.entity_id, row.fields_served, row.grant_rules])).toEqual([[PHONE, ["fiuReports"], [`${ruleId}.entry`]]]);
    const key = await loadChainKey(th.config.auditChainKeyFiles.fiu, { create: false });
    expect((await verifyChain(fiuDb(), "access_audit", key)).breaks).toEqual([]);
  });

  it("shows grants only to those who own or received them", async () => {
    const list = `{ grants { id agency } }`;
    const postal = await th.query<{ grants: unknown[] }>(list, {}, { token: await th.token("POSTAL", { roles: ["admin"], sub: "postal-admin" }), purpose: "audit" });
    expect(postal.data?.grants).toEqual([]);
    const policeAuditor = await th.query<{ grants: unknown[] }>(list, {}, { token: await th.token("POLICE", { roles: ["auditor"] }), purpose: "audit" });
    expect(policeAuditor.data?.grants).toEqual([{ id: grantId, agency: "POLICE" }]);
    // Revoking one it cannot know of is NOT_FOUND, exactly as an unknown id.
    const postalRevoke = await th.query(REVOKE, { id: grantId, reason: "probe" }, { token: await th.token("POSTAL", { roles: ["admin"], sub: "postal-admin" }) });
    const unknown = await th.query(REVOKE, { id: "00000000-0000-4000-8000-000000000000", reason: "probe" }, { token: await th.token("POSTAL", { roles: ["admin"], sub: "postal-admin" }) });
    expect(postalRevoke.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(unknown.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    // The grantee may see it but not revoke it.
    const grantee = await th.query(REVOKE, { id: grantId, reason: "no longer needed" }, { token: await th.token("POLICE", { roles: ["admin"], sub: "police-admin" }) });
    expect(grantee.errors?.[0]?.extensions).toEqual({ code: "FORBIDDEN", rule: "grant-owner-only", service: "admin" });
  });

  it("keeps grants in force across an approved policy change", async () => {
    const policy = await th.query<{ policy: { content: string; activeVersion: number } }>(`{ policy(id: "10-own-agency") { content activeVersion } }`, {}, { token: hubAdmin });
    const edited = policy.data?.policy.content.replace("see its own records in full", "see all of their own records in full") as string;
    const proposed = await th.query<{ proposePolicyChange: { id: string } }>(
      `mutation ($d: String!, $b: Int!) { proposePolicyChange(id: "10-own-agency", document: $d, baseVersion: $b, comment: "wording") { id } }`,
      { d: edited, b: policy.data?.policy.activeVersion },
      { token: hubAdmin },
    );
    expect(proposed.errors).toBeUndefined();
    const approved = await th.query(`mutation ($id: ID!) { approvePolicyChange(changeId: $id) { status } }`, { id: proposed.data?.proposePolicyChange.id }, { token: hubAdmin2 });
    expect(approved.errors).toBeUndefined();
    const rules = ((await hubDb().query(`SELECT rules FROM policy_active`)) as Array<{ rules: Array<{ id: string }> }>)[0]?.rules.map((r) => r.id);
    expect(rules?.filter((id) => id.startsWith("grant."))).toEqual([ruleId, `${ruleId}.entry`]);
    const r = await eventually(() => asPolice(REPORT, { id: reportA }), served);
    expect(r.data).toEqual({ fiuReport: { reference: "GR-F1" } });
  });

  it("ends at once on revocation by the owner, and a second revocation is CONFLICT", async () => {
    const r = await th.query<{ revokeGrant: Record<string, unknown> }>(REVOKE, { id: grantId, reason: "case closed" }, { token: fiuAdmin });
    expect(r.errors).toBeUndefined();
    expect(r.data?.revokeGrant).toEqual({ id: grantId, status: "REVOKED", revokedBy: "fiu-admin", revokeReason: "case closed" });
    const after = await eventually(() => asPolice(REPORT, { id: reportA }), refused);
    expect({ data: after.data, errors: after.errors }).toEqual(FORBIDDEN_REPORT);
    const again = await th.query(REVOKE, { id: grantId, reason: "again" }, { token: fiuAdmin });
    expect(again.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    expect(await lastAdminActions(1)).toEqual(["grant.revoke"]);
  });

  it("stops working by itself when it expires, with no new policy version", async () => {
    const expiresAt = new Date(Date.now() + 6_000);
    const r = await th.query<Granted>(GRANT, { input: consent({ expiresAt: expiresAt.toISOString() }) }, { token: fiuAdmin });
    expect(r.errors).toBeUndefined();
    const version = await activeVersion();
    const during = await eventually(() => asPolice(REPORT, { id: reportA }), served);
    expect(during.data).toEqual({ fiuReport: { reference: "GR-F1" } });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt.getTime() - Date.now() + 200)));
    const expired = await asPolice(REPORT, { id: reportA });
    expect({ data: expired.data, errors: expired.errors }).toEqual(FORBIDDEN_REPORT);
    expect(await activeVersion()).toBe(version);
    const listed = await th.query<{ grant: { status: string } }>(`query ($id: ID!) { grant(id: $id) { status } }`, { id: r.data?.grantAccess.id }, { token: fiuAdmin });
    expect(listed.data?.grant).toEqual({ status: "EXPIRED" });
  }, 20_000);
});

describe("break-glass: grantEmergencyAccess", () => {
  const emergency = (overrides: Record<string, unknown> = {}) => ({
    recordType: "FiuReport",
    recordId: reportB,
    agency: "POLICE",
    subject: "police-analyst",
    issuer: th.config.devIssuer,
    purpose: "investigation",
    justification: "Kidnapping in progress: the victim's account may lead to the captors",
    hours: 2,
    ...overrides,
  });

  it.each([
    ["hours", { hours: 25 }],
    ["hours", { hours: 0 }],
    ["justification", { justification: "urgent" }],
    ["subject", { subject: "has space" }],
  ])("refuses a bad %s with BAD_USER_INPUT, writing nothing", async (field, overrides) => {
    const before = await grantCount();
    const r = await th.query(EMERGENCY, { input: emergency(overrides) }, { token: hubAdmin });
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(r.errors?.[0]?.extensions?.field).toBe(field);
    expect(await grantCount()).toBe(before);
  });

  it("opens one record to one person for at most 24 hours, flagged for review and in the delivery audit", async () => {
    const r = await th.query<{ grantEmergencyAccess: Record<string, unknown> & { id: string; expiresAt: string } }>(EMERGENCY, { input: emergency() }, { token: hubAdmin });
    expect(r.errors).toBeUndefined();
    const grant = r.data?.grantEmergencyAccess as { id: string; expiresAt: string };
    expect(r.data?.grantEmergencyAccess).toEqual({
      id: grant.id,
      kind: "BREAK_GLASS",
      status: "ACTIVE",
      ruleId: `break-glass.${grant.id}`,
      agency: "POLICE",
      person: `${th.config.devIssuer} police-analyst`,
      justification: "Kidnapping in progress: the victim's account may lead to the captors",
      pendingReview: true,
      expiresAt: grant.expiresAt,
    });
    expect(Math.abs(Date.parse(grant.expiresAt) - (Date.now() + 2 * 3_600_000))).toBeLessThan(60_000);
    const audit = (await hubDb().query(`SELECT action, detail FROM admin_audit ORDER BY seq DESC LIMIT 1`)) as Array<{ action: string; detail: string }>;
    expect(audit[0]?.action).toBe("grant.break-glass");
    expect(JSON.parse(audit[0]?.detail as string)).toMatchObject({ review: "required", person: `${th.config.devIssuer} police-analyst` });
    // That person, with no case named, sees the record; a colleague of the same profile does not.
    const seen = await eventually(() => asPolice(REPORT, { id: reportB }, { justification: "" }), served);
    expect(seen.data).toEqual({ fiuReport: { reference: "GR-F2" } });
    const colleague = await asPolice(REPORT, { id: reportB }, { token: await th.token("POLICE", { sub: "police-colleague", roles: ["analyst"] }) });
    expect({ data: colleague.data, errors: colleague.errors }).toEqual(FORBIDDEN_REPORT);
    const rows = (await fiuDb().query(`SELECT grant_rules FROM access_audit WHERE entity_id = $1 AND grant_rules IS NOT NULL`, [reportB])) as Array<{ grant_rules: string[] }>;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.grant_rules.includes(`break-glass.${grant.id}`))).toBe(true);
    // Pending review until a second administrator reviews it; never the one who granted it.
    const pending = await th.query<{ grants: Array<{ id: string }> }>(`{ grants(filter: { pendingReview: true }) { id } }`, {}, { token: hubAdmin2 });
    expect(pending.data?.grants).toEqual([{ id: grant.id }]);
    const self = await th.query(REVIEW, { id: grant.id, note: "fine" }, { token: hubAdmin });
    expect(self.errors?.[0]?.extensions).toEqual({ code: "FORBIDDEN", rule: "two-person-rule", service: "admin" });
    const reviewed = await th.query<{ reviewEmergencyAccess: Record<string, unknown> }>(REVIEW, { id: grant.id, note: "justified: victim located" }, { token: hubAdmin2 });
    expect(reviewed.data?.reviewEmergencyAccess).toEqual({ id: grant.id, pendingReview: false, reviewedBy: "hub-admin-2", reviewNote: "justified: victim located" });
    const again = await th.query(REVIEW, { id: grant.id, note: "again" }, { token: await th.token("FIU", { sub: "fiu-admin-2", roles: ["admin"] }) });
    expect(again.errors?.[0]?.extensions?.code).toBe("CONFLICT");
  });

  it("keeps the admin audit chain whole", async () => {
    const key = await loadChainKey(th.config.auditChainKeyFile, { create: false });
    expect((await verifyChain(hubDb(), "admin_audit", key)).breaks).toEqual([]);
  });
});
