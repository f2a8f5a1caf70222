import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../helpers/hub.js";

let th: TestHub;
let admin: string;

const CUSTOMS_OFFICER = { agency: "CUSTOMS", roles: ["officer"], clearance: 2 };
const POLICE_OFFICER = { agency: "POLICE", roles: ["officer"], clearance: 2 };
const CASES = `{ cases { edges { node { reference informants { name } summary } } } }`;

const EXPLAIN = `query ($s: SubjectInput!, $p: String!, $c: String!, $id: ID) {
  explainAccess(subject: $s, purpose: $p, coordinate: $c, changeId: $id) { coordinate policyVersion role withoutRecord rule outcome outcomeRules rules { id effect mask record parent holdsWithoutRecord } }
}`;
const SIMULATE = `query ($s: SubjectInput!, $p: String!, $q: String!, $id: ID) {
  simulateAccess(subject: $s, purpose: $p, query: $q, changeId: $id) { policyVersion fields { coordinate outcome rule mask rules } }
}`;
const IMPACT = `query ($id: ID!) { policyImpact(changeId: $id) { changeId activeVersion draftVersion profiles total gained lost truncated entries { agency role clearance purpose coordinate before after } } }`;
const PROPOSE = `mutation ($id: ID!, $document: String!, $baseVersion: Int!, $comment: String!) {
  proposePolicyChange(id: $id, document: $document, baseVersion: $baseVersion, comment: $comment) { id setVersion }
}`;

const NO_REFERENCES = ["rules:", "  - id: customs.no-case-references", "    description: Customs does not see case references.", "    target: Case.reference", "    effect: deny", "    when:", "      subject: { agency: [CUSTOMS] }"].join("\n");

interface Simulated {
  simulateAccess: { policyVersion: string; fields: Array<{ coordinate: string; outcome: string; rule: string | null; mask: string | null; rules: string[] }> };
}
const outcomes = (res: { data?: Simulated | null }) => Object.fromEntries((res.data?.simulateAccess.fields ?? []).map((f) => [f.coordinate, [f.outcome, f.rule ?? f.rules.join(",")]]));

const asAdmin = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown>) => th.query<T>(query, variables, { token: admin });

beforeAll(async () => {
  th = await startTestHub();
  admin = await th.token("HUB", { sub: "admin-1", roles: ["admin"] });
}, 120_000);
afterAll(async () => {
  await th?.close();
});

describe("explainAccess", () => {
  it("names the rule that denies a customs officer a case's informants, and every rule that applies", async () => {
    const res = await asAdmin<{ explainAccess: Record<string, unknown> & { rules: Array<{ id: string; record: string | null; holdsWithoutRecord: boolean }> } }>(EXPLAIN, { s: CUSTOMS_OFFICER, p: "investigation", c: "Case.informants" });
    expect(res.errors).toBeUndefined();
    const explained = res.data?.explainAccess;
    expect(explained).toMatchObject({ coordinate: "Case.informants", role: "governed", withoutRecord: "DEPENDS_ON_RECORD", rule: null, outcome: "DENIED", outcomeRules: ["police.informants-stay-in-police"] });
    expect(explained?.rules[0]).toEqual({ id: "police.informants-stay-in-police", effect: "deny", mask: null, record: `{"ownAgency":false}`, parent: null, holdsWithoutRecord: false });
    expect(explained?.rules.map((r) => r.id).sort()).toEqual([
      "customs-police.share-clear-green",
      "joint-operation.amber",
      "own-agency.full",
      "police.informants-stay-in-police",
      "tlp.amber-strict-originator-only",
      "tlp.red-needs-clearance",
      "tlp.red-originator-only",
    ]);
  });

  it("decides a root field without a record by the rule that allows it", async () => {
    const res = await asAdmin(EXPLAIN, { s: CUSTOMS_OFFICER, p: "investigation", c: "Query.cases" });
    expect(res.data).toMatchObject({ explainAccess: { withoutRecord: "SERVED", rule: "entry.enforcement-records", outcome: "SERVED" } });
  });

  it("answers an unknown coordinate with BAD_USER_INPUT naming it", async () => {
    const res = await asAdmin(EXPLAIN, { s: CUSTOMS_OFFICER, p: "investigation", c: "Case.noSuchField" });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "coordinate" });
    expect(res.errors?.[0]?.message).toContain("Case.noSuchField");
  });

  it("refuses a clearance outside 0-4 with BAD_USER_INPUT naming the field", async () => {
    const res = await asAdmin(EXPLAIN, { s: { ...CUSTOMS_OFFICER, clearance: 7 }, p: "investigation", c: "Case.reference" });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "subject.clearance" });
  });
});

describe("simulateAccess", () => {
  it("shows a customs officer a case's informants and summary denied, and its reference depending on the record", async () => {
    const res = await asAdmin<Simulated>(SIMULATE, { s: CUSTOMS_OFFICER, p: "investigation", q: CASES });
    expect(res.errors).toBeUndefined();
    expect(outcomes(res)).toEqual({
      "Query.cases": ["SERVED", "entry.enforcement-records"],
      "CaseConnection.edges": ["SERVED", "entry.enforcement-records"],
      "CaseEdge.node": ["SERVED", "entry.enforcement-records"],
      "Case.reference": ["DEPENDS_ON_RECORD", "customs-police.share-clear-green,default-deny,tlp.amber-strict-originator-only,tlp.red-originator-only"],
      "Case.informants": ["DENIED", "police.informants-stay-in-police"],
      "CaseParty.name": ["DENIED", "police.informants-stay-in-police"],
      "Case.summary": ["DENIED", "customs-police.no-case-summary"],
    });
  });

  it("shows a police officer of clearance 2 its own cases' informants, except RED ones", async () => {
    const res = await asAdmin<Simulated>(SIMULATE, { s: POLICE_OFFICER, p: "investigation", q: CASES });
    expect(outcomes(res)).toMatchObject({
      "Case.reference": ["DEPENDS_ON_RECORD", "own-agency.full,tlp.red-needs-clearance"],
      "Case.informants": ["DEPENDS_ON_RECORD", "own-agency.full,tlp.red-needs-clearance"],
      "Case.summary": ["DEPENDS_ON_RECORD", "own-agency.full,tlp.red-needs-clearance"],
    });
  });

  it("shows a police officer of clearance 3 its own cases' informants served", async () => {
    const res = await asAdmin<Simulated>(SIMULATE, { s: { ...POLICE_OFFICER, clearance: 3 }, p: "investigation", q: CASES });
    expect(outcomes(res)["Case.informants"]).toEqual(["SERVED", "own-agency.full"]);
  });

  it("answers a malformed query with BAD_USER_INPUT and the parser's message", async () => {
    const res = await asAdmin(SIMULATE, { s: CUSTOMS_OFFICER, p: "investigation", q: "{ cases { edges " });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "query" });
    expect(res.errors?.[0]?.message).toContain("Syntax Error");
  });

  it("answers a query the supergraph does not validate with BAD_USER_INPUT", async () => {
    const res = await asAdmin(SIMULATE, { s: CUSTOMS_OFFICER, p: "investigation", q: "{ cases { noSuchField } }" });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "query" });
    expect(res.errors?.[0]?.message).toContain("noSuchField");
  });

  it("refuses an undeclared purpose with BAD_USER_INPUT naming it", async () => {
    const res = await asAdmin(SIMULATE, { s: CUSTOMS_OFFICER, p: "curiosity", q: CASES });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "purpose" });
  });
});

describe("a draft", () => {
  let changeId: string;
  let activeVersion: string;

  beforeAll(async () => {
    const res = await asAdmin<{ proposePolicyChange: { id: string } }>(PROPOSE, { id: "80-customs-test", document: NO_REFERENCES, baseVersion: 0, comment: "customs loses case references" });
    expect(res.errors).toBeUndefined();
    changeId = res.data?.proposePolicyChange.id as string;
    const active = await asAdmin<Simulated>(SIMULATE, { s: CUSTOMS_OFFICER, p: "investigation", q: CASES });
    activeVersion = active.data?.simulateAccess.policyVersion as string;
  });

  it("shows in policyImpact as lost access for customs on that coordinate, and nothing else", async () => {
    const res = await asAdmin<{ policyImpact: { activeVersion: string; draftVersion: string; profiles: number; total: number; gained: number; lost: number; truncated: boolean; entries: Array<Record<string, unknown>> } }>(IMPACT, { id: changeId });
    expect(res.errors).toBeUndefined();
    const impact = res.data?.policyImpact;
    expect(impact).toMatchObject({ activeVersion, profiles: 5 * 4 * 3 * th.config.purposes.length, gained: 0, truncated: false });
    expect(impact?.draftVersion).not.toBe(activeVersion);
    const expected = ["analyst", "officer"].flatMap((role) =>
      [1, 2, 3].flatMap((clearance) =>
        [...th.config.purposes].sort().map((purpose) => ({ agency: "CUSTOMS", role, clearance, purpose, coordinate: "Case.reference", before: "DEPENDS_ON_RECORD", after: "DENIED" })),
      ),
    );
    expect(impact?.entries).toEqual(expected);
    expect(impact?.lost).toBe(expected.length);
    expect(impact?.total).toBe(expected.length);
  });

  it("shows in simulateAccess as the field denied by the new rule, under the draft's version", async () => {
    const res = await asAdmin<Simulated>(SIMULATE, { s: CUSTOMS_OFFICER, p: "investigation", q: CASES, id: changeId });
    expect(res.data?.simulateAccess.policyVersion).not.toBe(activeVersion);
    expect(outcomes(res)["Case.reference"]).toEqual(["DENIED", "customs.no-case-references"]);
    expect(outcomes(res)["Case.informants"]).toEqual(["DENIED", "police.informants-stay-in-police"]);
  });

  it("answers an unknown change with NOT_FOUND", async () => {
    const res = await asAdmin(IMPACT, { id: "00000000-0000-0000-0000-000000000000" });
    expect(res.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});

describe("who may ask", () => {
  it.each([
    ["explainAccess", EXPLAIN, { s: CUSTOMS_OFFICER, p: "investigation", c: "Case.reference" }],
    ["simulateAccess", SIMULATE, { s: CUSTOMS_OFFICER, p: "investigation", q: CASES }],
    ["policyImpact", IMPACT, { id: "00000000-0000-0000-0000-000000000000" }],
  ])("refuses an officer %s with FORBIDDEN, as for policies", async (_name, query, variables) => {
    const res = await th.query(query, variables, { token: await th.token("CUSTOMS", { roles: ["officer"] }) });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", rule: "policy-readers" });
    expect(res.data).toBeNull();
  });

  it("lets an auditor and an agency administrator simulate", async () => {
    for (const token of [await th.token("HUB", { sub: "auditor-1", roles: ["auditor"] }), await th.token("POLICE", { sub: "police-admin", roles: ["admin"] })]) {
      const res = await th.query<Simulated>(SIMULATE, { s: CUSTOMS_OFFICER, p: "investigation", q: CASES }, { token });
      expect(res.errors).toBeUndefined();
      expect(outcomes(res)["Case.informants"]).toEqual(["DENIED", "police.informants-stay-in-police"]);
    }
  });
});
