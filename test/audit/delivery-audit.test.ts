import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asServiceInput, seizureInput } from "../helpers/fixtures.js";
import { startTestHub, type TestHub } from "../helpers/hub.js";
import { seizures } from "../../subgraphs/customs/index.js";
import { loadChainKey, verifyChain } from "../../platform/audit/index.js";

let th: TestHub;
let seizureId: string;
const customs = () => th.hub.subgraphs.customs?.dataSource as DataSource;
/** The key the hub generated at start (every service of a test hub shares one key file). */
const chainKey = () => loadChainKey(th.config.auditChainKeyFile, { create: false });

beforeAll(async () => {
  th = await startTestHub();
  seizureId = (await seizures.store(customs(), asServiceInput(seizureInput({ reference: "AUD-1", phone: "+447700900180", handling: "GREEN" })), th.config)).record.id;
});
afterAll(async () => {
  await th?.close();
});

/** The gateway mints the request id every service records; the client's own id is kept beside it in the request audit. */
const gatewayRequestId = async (clientRequestId: string) =>
  ((await th.hub.gateway.hubDataSource.query(`SELECT request_id FROM request_audit WHERE client_request_id = $1`, [clientRequestId])) as Array<{ request_id: string }>)[0]?.request_id;

const auditRows = async (clientRequestId: string) =>
  customs().query(
    `SELECT subject, agency, purpose, justification, entity_type, entity_id, fields_served, fields_denied, fields_masked, policy_version
       FROM access_audit WHERE request_id = $1 ORDER BY seq`,
    [await gatewayRequestId(clientRequestId)],
  ) as Promise<Array<Record<string, unknown>>>;

describe("audit of what was delivered", () => {
  it("records, per entity served, who saw which fields, which were denied, why, and under which policy", async () => {
    const r = await th.query(
      `{ phone(e164: "+447700900180") { e164 seizures { reference officerNotes parties { identifiers { kind value } } } } }`,
      {},
      { token: await th.token("POLICE", { sub: "analyst-17" }), justification: "case GB-POL-2025-17", requestId: "req-audit-1" },
    );
    expect(r.data).toBeTruthy();
    const version = th.hub.subgraphs.customs ? (await auditRows("req-audit-1"))[0]?.policy_version : undefined;
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    expect(await auditRows("req-audit-1")).toEqual([
      {
        subject: "analyst-17", agency: "POLICE", purpose: "investigation", justification: "case GB-POL-2025-17",
        entity_type: "Phone", entity_id: "+447700900180", fields_served: ["seizures"], fields_denied: [], fields_masked: [], policy_version: version,
      },
      {
        subject: "analyst-17", agency: "POLICE", purpose: "investigation", justification: "case GB-POL-2025-17",
        entity_type: "Seizure", entity_id: seizureId, fields_served: ["parties", "reference"], fields_denied: ["officerNotes"], fields_masked: [], policy_version: version,
      },
    ]);
  });

  it("appends one row per request at the gateway, in the hub database, refused requests included", async () => {
    await th.query(`{ fiuReports { totalCount } }`, {}, { token: await th.token("CUSTOMS", { sub: "c-9" }), requestId: "req-audit-2" });
    const rows = (await th.hub.gateway.hubDataSource.query(
      `SELECT subject, agency, purpose, operation_name, root_fields, outcome, error_codes FROM request_audit WHERE client_request_id = $1`,
      ["req-audit-2"],
    )) as unknown[];
    expect(rows).toEqual([{ subject: "c-9", agency: "CUSTOMS", purpose: "investigation", operation_name: null, root_fields: ["fiuReports"], outcome: "partial", error_codes: ["FORBIDDEN"] }]);
  });

  it("records the issuer of the caller's token beside the subject, at the gateway and in the agency's audit", async () => {
    await th.query(`{ phone(e164: "+447700900180") { seizures { reference } } }`, {}, { token: await th.token("POLICE", { sub: "analyst-18" }), requestId: "req-audit-issuer" });
    const requests = (await th.hub.gateway.hubDataSource.query(`SELECT subject, issuer FROM request_audit WHERE client_request_id = $1`, ["req-audit-issuer"])) as unknown[];
    expect(requests).toEqual([{ subject: "analyst-18", issuer: th.config.devIssuer }]);
    const served = (await customs().query(`SELECT DISTINCT subject, issuer FROM access_audit WHERE request_id = $1`, [await gatewayRequestId("req-audit-issuer")])) as unknown[];
    expect(served).toEqual([{ subject: "analyst-18", issuer: th.config.devIssuer }]);
  });

  it("keeps both chains verifiable", async () => {
    expect(await verifyChain(customs(), "access_audit", await chainKey())).toMatchObject({ ok: true, brokenAtSeq: null });
    expect(await verifyChain(th.hub.gateway.hubDataSource, "request_audit", await chainKey())).toMatchObject({ ok: true, brokenAtSeq: null });
  });

  it("refuses to change or delete an audit row", async () => {
    await expect(customs().query(`UPDATE access_audit SET subject = 'someone-else'`)).rejects.toThrow("access_audit is append-only");
    await expect(customs().query(`DELETE FROM access_audit`)).rejects.toThrow("access_audit is append-only");
  });

  it("finds a changed row and a deleted row, even when the guard was switched off", async () => {
    const db = customs();
    await th.query(`{ phone(e164: "+447700900180") { seizures { reference } } }`, {}, { requestId: "req-audit-3" });
    const [first, second] = (await db.query(`SELECT seq FROM access_audit ORDER BY seq LIMIT 2`)) as Array<{ seq: string }>;
    await db.query(`ALTER TABLE access_audit DISABLE TRIGGER USER`);
    try {
      await db.query(`UPDATE access_audit SET fields_denied = '{}' WHERE seq = $1`, [second?.seq]);
      expect(await verifyChain(db, "access_audit", await chainKey())).toMatchObject({ ok: false, brokenAtSeq: Number(second?.seq), reason: "row content changed (hash does not match)" });
      await db.query(`DELETE FROM access_audit WHERE seq = $1`, [first?.seq]);
      expect(await verifyChain(db, "access_audit", await chainKey())).toMatchObject({ ok: false, brokenAtSeq: Number(second?.seq), reason: "previous row missing or changed (prev_hash does not match)" });
    } finally {
      await db.query(`ALTER TABLE access_audit ENABLE TRIGGER USER`);
    }
  });

  it("serves no data when the audit cannot be written (fail closed)", async () => {
    const db = customs();
    await db.query(`ALTER TABLE access_audit RENAME TO access_audit_away`);
    try {
      const r = await th.query(`{ seizures(filter: { reference: "AUD-1" }) { edges { node { reference } } } }`, {}, { token: await th.token("CUSTOMS") });
      expect(r.data).toEqual({ seizures: null });
      expect(JSON.stringify(r)).not.toContain("AUD-1");
      expect(r.errors?.[0]?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
    } finally {
      await db.query(`ALTER TABLE access_audit_away RENAME TO access_audit`);
    }
  });
});
