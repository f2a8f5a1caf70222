import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerOperations } from "../../platform/operations/index.js";
import { caseInput } from "../helpers/fixtures.js";
import { startTestHub, type TestHub } from "../helpers/hub.js";

const PHONE = "+447700900171";
const TITLE = "Mail-order NPS supply";
let th: TestHub;

/** The cases an officer at clearance 0 of the agency, claiming these operations, finds behind the test phone. */
async function casesBehindPhone(agency: string, operations: string[]) {
  const token = await th.token(agency, { roles: ["officer"], clearance: 0, operations });
  return th.query(`{ phone(e164: "${PHONE}") { cases { reference title } } }`, {}, { token });
}

beforeAll(async () => {
  th = await startTestHub();
  const hubDb = th.hub.gateway.hubDataSource;
  await registerOperations(hubDb, [
    { id: "OP-HARBOUR", name: "Harbour", memberAgencies: ["CUSTOMS", "POLICE"], validFrom: "2025-01-01", validTo: null },
    { id: "OP-BYGONE", name: "An operation that ended", memberAgencies: ["CUSTOMS", "POLICE", "POSTAL"], validFrom: "2024-01-01", validTo: "2024-12-31" },
  ]);
  await th.hub.operations.refresh();
  const police = await th.token("POLICE", { roles: ["officer"], clearance: 2 });
  for (const [reference, operationId] of [["HARBOUR-T-01", "OP-HARBOUR"], ["BYGONE-T-01", "OP-BYGONE"]]) {
    const opened = await th.query(`mutation($i: OpenCaseInput!) { openCase(input: $i) { reference } }`, { i: caseInput({ reference, phone: PHONE, handling: "AMBER", operationId }) }, { token: police });
    expect(opened).toEqual({ status: 200, data: { openCase: { reference } } });
  }
});
afterAll(async () => {
  await th?.close();
});

describe("operation claims count only as the registry says", () => {
  it("a postal officer at clearance 0 claiming OP-HARBOUR, a police and customs operation, does not read its case", async () => {
    expect(await casesBehindPhone("POSTAL", ["OP-HARBOUR"])).toEqual({ status: 200, data: { phone: { cases: [] } } });
  });

  it("a customs officer, a member within validity, reads the operation's case (its title)", async () => {
    const token = await th.token("CUSTOMS", { roles: ["officer"], clearance: 0, operations: ["OP-HARBOUR"] });
    expect(await th.query(`{ cases(filter: { reference: "HARBOUR-T-01" }) { edges { node { reference title } } } }`, {}, { token })).toEqual({
      status: 200,
      data: { cases: { edges: [{ node: { reference: "HARBOUR-T-01", title: TITLE } }] } },
    });
  });

  it("an expired operation counts for nobody: its members get what non-members get", async () => {
    const customs = await th.token("CUSTOMS", { roles: ["officer"], clearance: 0, operations: ["OP-BYGONE"] });
    expect(await th.query(`{ cases(filter: { reference: "BYGONE-T-01" }) { edges { node { reference title } } } }`, {}, { token: customs })).toEqual({
      status: 200,
      data: { cases: { edges: [] } },
    });
    expect(await casesBehindPhone("POSTAL", ["OP-BYGONE"])).toEqual({ status: 200, data: { phone: { cases: [] } } });
  });

  it("a registry edit counts without a restart: once postal operators join OP-HARBOUR, their claim does", async () => {
    await th.hub.gateway.hubDataSource.query(`UPDATE "joint_operation" SET "member_agencies" = '{CUSTOMS,POLICE,POSTAL}' WHERE "id" = 'OP-HARBOUR'`);
    await th.hub.operations.refresh();
    expect(await casesBehindPhone("POSTAL", ["OP-HARBOUR"])).toEqual({ status: 200, data: { phone: { cases: [{ reference: "HARBOUR-T-01", title: TITLE }] } } });
  });
});
