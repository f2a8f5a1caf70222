import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../helpers/hub.js";

/*
 * A write the policy refuses says it is a write ("Not authorised to create Seizure"), with the
 * rule, and says exactly the same whether or not the record it names exists.
 */

let th: TestHub;
beforeAll(async () => {
  th = await startTestHub();
});
afterAll(async () => {
  await th?.close();
});

const SEIZURE = {
  reference: "W-1", handling: "GREEN", sourceGrade: "B", infoGrade: 2, date: "2025-01-01", country: "GB", place: "Dover", placeType: "SEAPORT", transportMode: "SEA", detectionMethod: "X_RAY",
  commodities: [{ area: "DRUGS", code: "COCAINE", description: "powder", quantity: 1, unit: "KG" }],
};
const CASE = { reference: "W-2", handling: "GREEN", sourceGrade: "B", infoGrade: 2, offences: ["SMUGGLING"], openedAt: "2025-01-01", title: "Write refusal test" };
const PARTY = [{ role: "SUSPECT", name: "Test Person" }];

const refusal = (field: string, message: string, rule: string, service: string) => ({
  status: 200,
  data: { [field]: null },
  errors: [{ message, path: [field], extensions: { code: "FORBIDDEN", rule, service } }],
});

describe("a refused write says it is a write", () => {
  it("names the record type a refused create would have created", async () => {
    const token = await th.token("POLICE", { roles: ["officer"] });
    const answer = await th.query(`mutation($i: RecordSeizureInput!) { recordSeizure(input: $i) { id } }`, { i: SEIZURE }, { token });
    expect(answer).toEqual(refusal("recordSeizure", "Not authorised to create Seizure", "write.customs-only", "customs"));
  });

  it("names a change to a stored record, alike for a case that exists and one that does not", async () => {
    const police = await th.token("POLICE", { roles: ["officer"] });
    const opened = await th.query<{ openCase: { id: string } }>(`mutation($i: OpenCaseInput!) { openCase(input: $i) { id } }`, { i: CASE }, { token: police });
    expect(opened.errors).toBeUndefined();
    const existing = opened.data?.openCase.id as string;
    const customs = await th.token("CUSTOMS", { roles: ["officer"] });
    const change = (caseId: string) =>
      th.query(`mutation($c: ID!, $p: [CasePartyInput!]!) { addCaseParties(caseId: $c, parties: $p) { id } }`, { c: caseId, p: PARTY }, { token: customs });
    const expected = refusal("addCaseParties", "Not authorised to change Case", "write.police-only", "police");
    expect(await change(existing)).toEqual(expected);
    expect(await change(randomUUID())).toEqual(expected);
  });

  it("keeps the read refusal for a field", async () => {
    const postal = await th.token("POSTAL");
    const answer = await th.query(`{ phone(e164: "+447700900101") { fiuHit { hit } } }`, {}, { token: postal });
    expect(answer.errors?.map((e) => e.message)).toEqual(["Not authorised to see this field"]);
  });
});
