import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { appendChained, loadChainKey, type AuditRow } from "../../platform/audit/index.js";
import { cases } from "../../subgraphs/police/index.js";
import { seizures } from "../../subgraphs/customs/index.js";
import { asServiceInput, caseInput, seizureInput } from "../helpers/fixtures.js";
import { startTestHub, type TestHub } from "../helpers/hub.js";

/*
 * The audit API (gateway/audit-api): administrators and auditors ask who saw what; the rows stay in
 * each agency's own database and are read through that agency's service, which decides again who
 * may read its audit.
 */

let th: TestHub;
let seizureId: string;
let caseId: string;
const PHONE = "+447700900171";
const customs = () => th.hub.subgraphs.customs?.dataSource as DataSource;

const ENTRY = `owner seq at subject issuer agency purpose justification recordType recordId fieldsServed fieldsDenied fieldsMasked policyVersion grantRules requestId`;
const ACCESS_LOG = `query ($filter: AccessLogFilter!, $first: Int) { accessLog(filter: $filter, first: $first) { entries { ${ENTRY} } truncated unavailable } }`;

type Entry = Record<string, unknown> & { owner: string; subject: string; recordType: string; recordId: string; fieldsServed: string[]; at: string; seq: number };
interface Page {
  accessLog: { entries: Entry[]; truncated: boolean; unavailable: string[] };
}

const auditor = (agency: string, sub = `${agency.toLowerCase()}-auditor`) => th.token(agency, { sub, roles: ["auditor"] });
const accessLog = async (filter: Record<string, unknown>, token: string, first?: number) =>
  th.query<Page>(ACCESS_LOG, { filter, first }, { token, purpose: "audit", extensions: true });
/** The entries reduced to what a test compares: owner, subject, what record, which fields. */
const brief = (entries: Entry[]) => entries.map((e) => `${e.owner} ${e.subject}@${e.agency as string} ${e.recordType}:${e.recordId} [${e.fieldsServed.join(",")}]`);

beforeAll(async () => {
  th = await startTestHub();
  seizureId = (await seizures.store(customs(), asServiceInput(seizureInput({ reference: "AL-SEIZ-1", phone: PHONE, handling: "GREEN" })), th.config)).record.id;
  caseId = (await cases.store(th.hub.subgraphs.police?.dataSource as DataSource, asServiceInput(caseInput({ reference: "AL-CASE-1", phone: PHONE, handling: "GREEN" })), th.config)).record.id;
  // Who reads what: two police analysts read the customs seizure; a customs analyst reads the police case.
  await th.query(`{ phone(e164: "${PHONE}") { seizures { reference officerNotes } } }`, {}, { token: await th.token("POLICE", { sub: "pol-1" }), justification: "case GB-17" });
  await th.query(`{ seizure(id: "${seizureId}") { reference } }`, {}, { token: await th.token("POLICE", { sub: "pol-2" }) });
  await th.query(`{ phone(e164: "${PHONE}") { cases { reference } } }`, {}, { token: await th.token("CUSTOMS", { sub: "cus-1" }) });
});
afterAll(async () => {
  await th?.close();
});

const hubAuditor = () => auditor("HUB");

describe("accessLog: who saw what", () => {
  it("answers who saw a record, by its id, newest first, with the fields each was served and denied", async () => {
    const r = await accessLog({ recordId: seizureId }, await hubAuditor());
    expect(r.errors).toBeUndefined();
    expect(brief(r.data?.accessLog.entries ?? [])).toEqual([`CUSTOMS pol-2@POLICE Seizure:${seizureId} [reference]`, `CUSTOMS pol-1@POLICE Seizure:${seizureId} [reference]`]);
    expect(r.data?.accessLog.entries[1]).toMatchObject({ seq: 2, issuer: th.config.devIssuer, purpose: "investigation", justification: "case GB-17", fieldsDenied: ["officerNotes"], fieldsMasked: [], grantRules: [] });
    expect(r.data?.accessLog).toMatchObject({ truncated: false, unavailable: [] });
  });

  it("finds the same rows by the owner's reference of the record", async () => {
    const byId = await accessLog({ recordId: seizureId }, await hubAuditor());
    const byReference = await accessLog({ reference: "AL-SEIZ-1" }, await hubAuditor());
    expect(byReference.data?.accessLog.entries).toEqual(byId.data?.accessLog.entries);
    expect((await accessLog({ reference: "AL-NO-SUCH" }, await hubAuditor())).data?.accessLog.entries).toEqual([]);
  });

  it("answers what one subject saw, across every agency's audit", async () => {
    const r = await accessLog({ subject: "pol-1" }, await hubAuditor());
    expect(brief(r.data?.accessLog.entries ?? [])).toEqual([`CUSTOMS pol-1@POLICE Seizure:${seizureId} [reference]`, `CUSTOMS pol-1@POLICE Phone:${PHONE} [seizures]`]);
    const customsReader = await accessLog({ subject: "cus-1" }, await hubAuditor());
    expect(brief(customsReader.data?.accessLog.entries ?? [])).toEqual([`POLICE cus-1@CUSTOMS Case:${caseId} [reference]`, `POLICE cus-1@CUSTOMS Phone:${PHONE} [cases]`]);
  });

  it("combines conditions: caller agency, record type, purpose, time", async () => {
    const r = await accessLog({ owner: "CUSTOMS", agency: "POLICE", recordType: "Phone", purpose: "investigation", from: "2020-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z" }, await hubAuditor());
    expect(brief(r.data?.accessLog.entries ?? [])).toEqual([`CUSTOMS pol-1@POLICE Phone:${PHONE} [seizures]`]);
    expect((await accessLog({ subject: "pol-1", purpose: "intelligence" }, await hubAuditor())).data?.accessLog.entries).toEqual([]);
  });

  it("says when more rows match than were returned", async () => {
    const r = await accessLog({ owner: "CUSTOMS" }, await hubAuditor(), 1);
    expect(r.data?.accessLog.entries).toHaveLength(1);
    expect(r.data?.accessLog.truncated).toBe(true);
  });

  it("takes up to 100 rows when first is null or left out", async () => {
    const r = await th.query<Page>(`query { accessLog(filter: { owner: "CUSTOMS" }, first: null) { entries { seq } truncated } }`, {}, { token: await hubAuditor(), purpose: "audit" });
    expect([r.errors, r.data?.accessLog.entries.length, r.data?.accessLog.truncated]).toEqual([undefined, 3, false]);
  });

  it("refuses a filter that selects nothing in particular, and bad values, naming the problem", async () => {
    const token = await hubAuditor();
    const codes = async (filter: Record<string, unknown>, first?: number) => {
      const r = await accessLog(filter, token, first);
      return [r.data, r.errors?.map((e) => [e.extensions?.code, e.message])];
    };
    expect(await codes({ purpose: "investigation" })).toEqual([null, [["BAD_USER_INPUT", "filter: give at least one of owner, subject, agency, recordId, reference, grantRule, or both from and to"]]]);
    expect(await codes({ owner: "HUB" })).toEqual([null, [["BAD_USER_INPUT", "owner must be one of CUSTOMS, POLICE, FIU, POSTAL"]]]);
    expect(await codes({ agency: "NOBODY" })).toEqual([null, [["BAD_USER_INPUT", `filter: agency must be one of CUSTOMS, POLICE, FIU, POSTAL, HUB`]]]);
    expect(await codes({ subject: "x".repeat(201) })).toEqual([null, [["BAD_USER_INPUT", "filter: subject must be a non-empty string of at most 200 characters, without control characters"]]]);
    expect(await codes({ subject: "pol-1" }, 501)).toEqual([null, [["BAD_USER_INPUT", "first must be an integer from 1 to 500"]]]);
  });
});

describe("accessLog: who may ask", () => {
  it("shows an agency's auditor its own agency's audit only, even about a subject who read elsewhere", async () => {
    const token = await auditor("CUSTOMS");
    expect(brief((await accessLog({ subject: "pol-1" }, token)).data?.accessLog.entries ?? [])).toHaveLength(2);
    // cus-1 read a police case: nothing of it is in the customs audit, and the police audit is not asked.
    expect((await accessLog({ subject: "cus-1" }, token)).data?.accessLog).toEqual({ entries: [], truncated: false, unavailable: [] });
  });

  it("refuses an agency's auditor another agency's audit (FORBIDDEN, audit-own-agency)", async () => {
    const r = await accessLog({ owner: "POLICE", recordId: caseId }, await auditor("CUSTOMS"));
    expect([r.data, r.errors?.map((e) => [e.extensions?.code, e.extensions?.rule, e.message])]).toEqual([
      null,
      [["FORBIDDEN", "audit-own-agency", "Forbidden: CUSTOMS administrators and auditors read only the CUSTOMS audit"]],
    ]);
    expect(JSON.stringify(r)).not.toContain("cus-1");
  });

  it("refuses an analyst (FORBIDDEN, audit-readers), and a caller without a purpose", async () => {
    const analyst = await accessLog({ recordId: seizureId }, await th.token("POLICE", { sub: "pol-1" }));
    expect([analyst.data, analyst.errors?.map((e) => [e.extensions?.code, e.extensions?.rule])]).toEqual([null, [["FORBIDDEN", "audit-readers"]]]);
    const noPurpose = await th.query<Page>(ACCESS_LOG, { filter: { recordId: seizureId } }, { token: await hubAuditor(), purpose: null });
    expect([noPurpose.status, noPurpose.errors?.[0]?.extensions?.code]).toEqual([400, "BAD_USER_INPUT"]);
  });

  it("lets agency administrators read their own audit", async () => {
    const r = await accessLog({ recordId: caseId }, await th.token("POLICE", { sub: "pol-admin", roles: ["admin"] }));
    expect(brief(r.data?.accessLog.entries ?? [])).toEqual([`POLICE cus-1@CUSTOMS Case:${caseId} [reference]`]);
  });

  it("names the policy version of the answer and leaves a request audit row for every question, refused ones included", async () => {
    const r = await th.query<Page>(ACCESS_LOG, { filter: { recordId: seizureId } }, { token: await auditor("HUB", "hub-auditor-7"), purpose: "audit", requestId: "al-req-1", extensions: true });
    expect(r.extensions?.policyVersion).toMatch(/^[0-9a-f]{16}$/);
    await accessLog({ recordId: seizureId }, await th.token("FIU", { sub: "fiu-analyst-7" }));
    const rows = (await th.hub.gateway.hubDataSource.query(
      `SELECT subject, agency, purpose, root_fields, outcome, error_codes FROM request_audit WHERE subject IN ('hub-auditor-7', 'fiu-analyst-7') ORDER BY seq`,
    )) as unknown[];
    expect(rows).toEqual([
      { subject: "hub-auditor-7", agency: "HUB", purpose: "audit", root_fields: ["accessLog"], outcome: "ok", error_codes: [] },
      { subject: "fiu-analyst-7", agency: "FIU", purpose: "audit", root_fields: ["accessLog"], outcome: "refused", error_codes: ["FORBIDDEN"] },
    ]);
  });

  it("reports an owner whose service does not answer, and still answers from the others", async () => {
    const postal = new URL(th.hub.subgraphs.postal?.url as string).origin;
    const realFetch = globalThis.fetch;
    const spy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      if (String(input).startsWith(`${postal}/audit/`)) throw new TypeError("fetch failed");
      return realFetch(input, init);
    });
    try {
      const r = await accessLog({ subject: "pol-1" }, await hubAuditor());
      expect(r.data?.accessLog.unavailable).toEqual(["POSTAL"]);
      expect(r.data?.accessLog.entries).toHaveLength(2);
    } finally {
      spy.mockRestore();
    }
  });
});

const DISCLOSURES = `query ($owner: String!, $recipient: String!, $from: DateTimeISO!, $to: DateTimeISO!) {
  disclosures(owner: $owner, recipient: $recipient, from: $from, to: $to) {
    owner recipient from to records { recordType recordId deliveries fieldsServed first last subjects } totals { records deliveries subjects } truncated unavailable
  }
}`;

describe("disclosures", () => {
  /** Delivery-audit rows of earlier months, chained as the service writes them. */
  beforeAll(async () => {
    const key = await loadChainKey(th.config.auditChainKeyFile, { create: false });
    const row = (at: string, sub: string, agency: string, type: string, id: string, served: string[], denied: string[] = [], grants: string[] | null = null): AuditRow => ({
      at: new Date(at), request_id: `hist-${at}`, subject: sub, agency, purpose: "investigation", justification: null,
      entity_type: type, entity_id: id, fields_served: served, fields_denied: denied, fields_masked: [], policy_version: "hist", issuer: th.config.devIssuer,
      grant_rules: grants,
    });
    await appendChained(customs(), "access_audit", [
      row("2025-01-10T09:00:00.000Z", "pol-3", "POLICE", "Seizure", seizureId, ["reference"]),
      row("2025-02-10T09:00:00.000Z", "pol-4", "POLICE", "Seizure", seizureId, ["date", "parties"]),
      row("2025-02-11T09:00:00.000Z", "pol-4", "POLICE", "Phone", PHONE, ["seizures"]),
      row("2025-02-12T09:00:00.000Z", "pol-4", "POLICE", "Seizure", seizureId, [], ["officerNotes"]),
      row("2025-02-20T09:00:00.000Z", "fiu-1", "FIU", "Seizure", seizureId, ["reference"]),
      row("2025-02-21T09:00:00.000Z", "fiu-2", "FIU", "Seizure", seizureId, ["parties", "reference"], [], ["grant.g-1"]),
      row("2025-03-01T00:00:00.000Z", "pol-3", "POLICE", "Seizure", seizureId, ["reference"]),
    ], key);
  });

  it("reports what customs delivered to the police between two dates, per record, with totals", async () => {
    const r = await th.query(DISCLOSURES, { owner: "CUSTOMS", recipient: "POLICE", from: "2025-01-01T00:00:00Z", to: "2025-03-01T00:00:00Z" }, { token: await hubAuditor(), purpose: "audit" });
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({
      disclosures: {
        owner: "CUSTOMS", recipient: "POLICE", from: "2025-01-01T00:00:00.000Z", to: "2025-03-01T00:00:00.000Z",
        records: [
          { recordType: "Seizure", recordId: seizureId, deliveries: 2, fieldsServed: ["date", "parties", "reference"], first: "2025-01-10T09:00:00.000Z", last: "2025-02-10T09:00:00.000Z", subjects: 2 },
          { recordType: "Phone", recordId: PHONE, deliveries: 1, fieldsServed: ["seizures"], first: "2025-02-11T09:00:00.000Z", last: "2025-02-11T09:00:00.000Z", subjects: 1 },
        ],
        totals: { records: 2, deliveries: 3, subjects: 2 },
        truncated: false,
        unavailable: [],
      },
    });
  });

  it("finds every delivery a grant let through", async () => {
    const r = await accessLog({ grantRule: "grant.g-1" }, await hubAuditor());
    expect(r.data?.accessLog.entries.map((e) => [e.subject, e.at, e.fieldsServed, e.grantRules])).toEqual([["fiu-2", "2025-02-21T09:00:00.000Z", ["parties", "reference"], ["grant.g-1"]]]);
  });

  it("is for the owner's auditors and the hub's: the police auditor may not ask about customs deliveries", async () => {
    const vars = { owner: "CUSTOMS", recipient: "POLICE", from: "2025-01-01T00:00:00Z", to: "2025-03-01T00:00:00Z" };
    const own = await th.query<{ disclosures: { totals: unknown } }>(DISCLOSURES, vars, { token: await auditor("CUSTOMS"), purpose: "audit" });
    expect(own.data?.disclosures.totals).toEqual({ records: 2, deliveries: 3, subjects: 2 });
    const other = await th.query(DISCLOSURES, vars, { token: await auditor("POLICE"), purpose: "audit" });
    expect([other.data, other.errors?.map((e) => [e.extensions?.code, e.extensions?.rule])]).toEqual([null, [["FORBIDDEN", "audit-own-agency"]]]);
  });

  it("refuses an empty window and an unknown recipient", async () => {
    const token = await hubAuditor();
    const empty = await th.query(DISCLOSURES, { owner: "CUSTOMS", recipient: "POLICE", from: "2025-03-01T00:00:00Z", to: "2025-01-01T00:00:00Z" }, { token, purpose: "audit" });
    expect(empty.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([["BAD_USER_INPUT", "from must be before to"]]);
    const nobody = await th.query(DISCLOSURES, { owner: "CUSTOMS", recipient: "MI6", from: "2025-01-01T00:00:00Z", to: "2025-03-01T00:00:00Z" }, { token, purpose: "audit" });
    expect(nobody.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([["BAD_USER_INPUT", "recipient must be one of CUSTOMS, POLICE, FIU, POSTAL, HUB"]]);
  });
});

const VERIFICATION = `{ auditVerification { chain ok rows anchors head breaks { seq reason } unavailable } }`;
interface Verification {
  auditVerification: Array<{ chain: string; ok: boolean; rows: number; anchors: number; head: string | null; breaks: Array<{ seq: number; reason: string }>; unavailable: boolean }>;
}

/** Runs SQL on a service's database with the append-only guard off, as its owner could. */
async function tamper(db: DataSource, sql: string): Promise<void> {
  await db.query(`ALTER TABLE access_audit DISABLE TRIGGER USER`);
  try {
    await db.query(sql);
  } finally {
    await db.query(`ALTER TABLE access_audit ENABLE TRIGGER USER`);
  }
}

describe("auditVerification", () => {
  const verify = async (token: string) => th.query<Verification>(VERIFICATION, {}, { token, purpose: "audit" });
  const byChain = (v: Verification | null | undefined) => Object.fromEntries((v?.auditVerification ?? []).map((c) => [c.chain, c]));

  it("reports every chain intact, the hub's and each agency's, with rows and anchors", async () => {
    await th.hub.gateway.anchorNow();
    const r = await verify(await hubAuditor());
    expect(r.errors).toBeUndefined();
    const chains = byChain(r.data);
    expect(Object.keys(chains)).toEqual(["hub.request_audit", "hub.admin_audit", "hub.audit_anchor", "customs.access_audit", "police.access_audit", "fiu.access_audit", "postal.access_audit"]);
    expect(Object.values(chains).every((c) => c.ok && c.breaks.length === 0 && !c.unavailable)).toBe(true);
    expect(chains["customs.access_audit"]).toMatchObject({ rows: 10, anchors: 1 });
    expect(chains["fiu.access_audit"]).toMatchObject({ rows: 0, anchors: 0, head: null });
  });

  it("is for hub administrators and auditors only (FORBIDDEN, audit-hub-only)", async () => {
    const r = await verify(await auditor("CUSTOMS"));
    expect([r.data, r.errors?.map((e) => [e.extensions?.code, e.extensions?.rule])]).toEqual([null, [["FORBIDDEN", "audit-hub-only"]]]);
  });

  it("shows a changed delivery-audit row as a break with its seq, and a cut-off tail against the anchors", async () => {
    await tamper(customs(), `UPDATE access_audit SET subject = 'someone-else' WHERE seq = 2`);
    const police = th.hub.subgraphs.police?.dataSource as DataSource;
    await tamper(police, `DELETE FROM access_audit WHERE seq = 2`);
    const chains = byChain((await verify(await hubAuditor())).data);
    expect(chains["customs.access_audit"]).toMatchObject({ ok: false, breaks: [{ seq: 2, reason: "row content changed (hash does not match)" }] });
    expect(chains["police.access_audit"]).toMatchObject({
      ok: false,
      rows: 1,
      breaks: [
        { seq: 2, reason: "anchored row seq 2 is missing (rows deleted or tail truncated)" },
        { seq: 2, reason: "table holds 1 rows, fewer than the 2 anchored" },
      ],
    });
    expect(chains["hub.request_audit"]?.ok).toBe(true);
  });
});
