import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientEnv, runCli } from "../helpers/cli.js";
import { startTestHub, type TestHub } from "../helpers/hub.js";
import { dataSourceOf, plantRecords, type Planted } from "./records.js";

/*
 * Issue 10 item 4: an insider with the database owner's rights edits the audit to hide what was
 * asked and why. The hub's request audit (the purpose of a request) and a delivery-audit row (which
 * fields a reader was refused) are changed with the append-only triggers off; verification through
 * the gateway (auditVerification) and `npm run audit -- verify` both name the broken row.
 */

let th: TestHub;
let ids: Planted;
const VERIFICATION = `{ auditVerification { chain ok rows breaks { seq reason } unavailable } }`;
type Chain = { chain: string; ok: boolean; rows: number; breaks: Array<{ seq: number; reason: string }>; unavailable: boolean };

beforeAll(async () => {
  th = await startTestHub();
  ids = await plantRecords(th, "AT", "+447700900415");
  const police = await th.token("POLICE", { sub: "at-police", roles: ["officer"] });
  // Officer's notes stay with customs: the first read is partial, its denial audited.
  await th.query(`{ seizure(id: "${ids.seizure.green}") { reference officerNotes } }`, {}, { token: police, purpose: "intelligence" });
  await th.query(`{ seizure(id: "${ids.seizure.green}") { reference } }`, {}, { token: police });
}, 120_000);
afterAll(async () => {
  await th?.close();
});

/** Runs SQL as the table's owner could, with the append-only guard off for that statement. */
async function tamper(db: DataSource, table: string, sql: string): Promise<void> {
  await db.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
  try {
    await db.query(sql);
  } finally {
    await db.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
  }
}

const verify = async () => {
  const r = await th.query<{ auditVerification: Chain[] }>(VERIFICATION, {}, { token: await th.token("HUB", { sub: "at-auditor", roles: ["auditor"] }), purpose: "audit" });
  expect(r.errors).toBeUndefined();
  return Object.fromEntries((r.data?.auditVerification ?? []).map((c) => [c.chain, c]));
};

describe("a tampered audit row", () => {
  it("is intact before anyone touches it", async () => {
    const chains = await verify();
    expect(Object.values(chains).map((c) => [c.chain, c.ok, c.breaks])).toEqual(Object.keys(chains).map((name) => [name, true, []]));
  });

  it("is found when a request's purpose is rewritten in hub.request_audit and when a denial is erased from customs.access_audit", async () => {
    const hub = th.hub.gateway.hubDataSource;
    const [asked] = (await hub.query(`SELECT seq FROM request_audit WHERE subject = 'at-police' AND purpose = 'intelligence'`)) as Array<{ seq: number }>;
    await tamper(hub, "request_audit", `UPDATE request_audit SET purpose = 'investigation' WHERE seq = ${Number(asked?.seq)}`);
    const [served] = (await dataSourceOf(th, "customs").query(`SELECT seq FROM access_audit WHERE subject = 'at-police' AND fields_denied = '{officerNotes}'`)) as Array<{ seq: number }>;
    await tamper(dataSourceOf(th, "customs"), "access_audit", `UPDATE access_audit SET fields_denied = '{}' WHERE seq = ${Number(served?.seq)}`);

    const chains = await verify();
    expect(chains["hub.request_audit"]).toMatchObject({ ok: false, unavailable: false, breaks: [{ seq: Number(asked?.seq), reason: "row content changed (hash does not match)" }] });
    expect(chains["customs.access_audit"]).toMatchObject({ ok: false, unavailable: false, breaks: [{ seq: Number(served?.seq), reason: "row content changed (hash does not match)" }] });
    expect(Object.values(chains).filter((c) => !c.ok).map((c) => c.chain).sort()).toEqual(["customs.access_audit", "hub.request_audit"]);

    const cli = await runCli("audit", ["verify"], clientEnv(th));
    expect(cli.code).toBe(1);
    // The verifications themselves are requests: the hub's chain has grown by the time the CLI asks.
    expect(cli.stdout).toMatch(new RegExp(`^hub\\.request_audit: BROKEN, 1 break\\(s\\) in \\d+ rows\n  seq ${Number(asked?.seq)}: row content changed \\(hash does not match\\)$`, "m"));
    expect(cli.stdout).toContain(`customs.access_audit: BROKEN, 1 break(s) in ${chains["customs.access_audit"]?.rows} rows\n  seq ${Number(served?.seq)}: row content changed (hash does not match)\n`);
    expect(cli.stdout.match(/BROKEN/g)).toHaveLength(2);
  }, 120_000);
});
