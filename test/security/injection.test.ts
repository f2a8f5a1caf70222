import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type GraphQLResponse, type TestHub } from "../helpers/hub.js";
import { plantRecords } from "./records.js";

/*
 * Issue 10 item 4: injection strings in every string filter of every agency list answer exactly
 * like an innocent value of the same kind that matches nothing (free text) or is not a known code
 * (code lists, countries, dates), and never with an SQL error; oversized identifiers are refused
 * with BAD_USER_INPUT before any SQL runs.
 */

const INJECTIONS = ["' OR 1=1 --", "%", "_", "\\", "$1", "é漢字🙂\u202e", "'; DROP TABLE police_case; --", "\") OR (\"1\"=\"1"];

/** Each agency's list, its owner (whose officer lists it), and its string filters with an innocent value of each one's kind. */
const LISTS = {
  cases: { owner: "POLICE", filters: { reference: "NOMATCH", operationId: "NOMATCH", from: "not-a-date", to: "not-a-date", offence: "NOT_AN_OFFENCE" } },
  seizures: { owner: "CUSTOMS", filters: { reference: "NOMATCH", operationId: "NOMATCH", from: "not-a-date", to: "not-a-date", country: "QQ", commodityCode: "NOMATCH" } },
  fiuReports: { owner: "FIU", filters: { reference: "NOMATCH", operationId: "NOMATCH", from: "not-a-date", to: "not-a-date", reportCode: "NOMATCH", indicator: "not a code" } },
  postalItems: { owner: "POSTAL", filters: { reference: "NOMATCH", operationId: "NOMATCH", from: "not-a-date", to: "not-a-date", destinationCountry: "QQ", originCountry: "QQ", senderCountry: "QQ" } },
} as const;

let th: TestHub;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  th = await startTestHub();
  await plantRecords(th, "INJ", "+447700900413");
  for (const agency of ["POLICE", "CUSTOMS", "FIU", "POSTAL"]) tokens[agency] = await th.token(agency, { sub: `inj-${agency.toLowerCase()}`, roles: ["officer"], clearance: 3 });
});
afterAll(async () => {
  await th?.close();
});

/** The whole answer, as text: two values' answers compare exactly (no message quotes the value). */
async function filtered(list: keyof typeof LISTS, field: string, value: string): Promise<string> {
  const r = await th.query(`query($v: String) { ${list}(first: 5, filter: { ${field}: $v }) { totalCount edges { node { reference } } } }`, { v: value }, { token: tokens[LISTS[list].owner] });
  return JSON.stringify(r);
}

describe("injection strings in every filter of every agency list", () => {
  it.each(Object.keys(LISTS) as Array<keyof typeof LISTS>)("%s: every string filter answers each injection like an innocent non-matching value", async (list) => {
    const unfiltered = await th.query<Record<string, { totalCount: number }>>(`{ ${list} { totalCount } }`, {}, { token: tokens[LISTS[list].owner] });
    // The owner sees its GREEN record at least, so "nothing matched" below is the filter's doing.
    expect(unfiltered.data?.[list]?.totalCount).toBeGreaterThan(0);
    for (const [field, innocent] of Object.entries(LISTS[list].filters)) {
      const expected = await filtered(list, field, innocent);
      expect(expected).not.toMatch(/INTERNAL_SERVER_ERROR|syntax|SQL|QueryFailed|relation|column/i);
      for (const value of INJECTIONS) expect({ field, value, answer: await filtered(list, field, value) }).toEqual({ field, value, answer: expected });
    }
  });

  it("refuses NUL in every string filter with BAD_USER_INPUT naming it (PostgreSQL text cannot hold it), never an SQL error", async () => {
    for (const [list, { owner, filters }] of Object.entries(LISTS)) {
      for (const field of Object.keys(filters).filter((f) => f !== "from" && f !== "to")) {
        const r = await th.query(`query($v: String) { ${list}(filter: { ${field}: $v }) { totalCount } }`, { v: "x\u0000y" }, { token: tokens[owner] });
        expect({ list, field, status: r.status, data: r.data, errors: r.errors?.map((e) => [e.extensions?.code, e.extensions?.field, e.path]) }).toEqual({ list, field, status: 200, data: { [list]: null }, errors: [["BAD_USER_INPUT", `filter.${field}`, [list]]] });
      }
    }
  });

  it("matches a record's exact reference and nothing for the same reference with a wildcard or a quote", async () => {
    const references = async (reference: string) => ((await th.query<{ cases: { edges: Array<{ node: { reference: string } }> } }>(`query($v: String) { cases(filter: { reference: $v }) { edges { node { reference } } } }`, { v: reference }, { token: tokens.POLICE })).data?.cases.edges ?? []).map((e) => e.node.reference);
    expect(await references("INJ-GREEN-C")).toEqual(["INJ-GREEN-C"]);
    expect([await references("INJ-GREEN-%"), await references("INJ-GREEN-_"), await references("INJ-GREEN-C' --"), await references("inj-green-c")]).toEqual([[], [], [], []]);
  });
});

describe("oversized identifiers", () => {
  const HUGE = "7".repeat(100_000);
  const LOOKUPS: Array<[string, string, Record<string, string>, string]> = [
    ["phone", `query($v: String!) { phone(e164: $v) { e164 } }`, { v: `+44${HUGE}` }, "e164"],
    ["IBAN", `query($v: String!) { bankAccount(iban: $v) { iban } }`, { v: `GB82${HUGE}` }, "iban"],
    ["passport", `query($v: String!) { travelDocument(number: $v, country: "GB") { number } }`, { v: `P${HUGE}` }, "travelDocument"], // two arguments: the error names the look-up,
    ["postal item", `query($v: String!) { postalItem(itemId: $v) { itemId } }`, { v: `RR${HUGE}NL` }, "itemId"],
  ];

  it.each(LOOKUPS)("refuses a 100 kB %s with BAD_USER_INPUT naming the argument, before any SQL", async (_kind, query, variables, field) => {
    const sql = () => Object.values(th.hub.subgraphs).reduce((n, sg) => n + sg.sqlQueries(), 0);
    const before = sql();
    const r: GraphQLResponse = await th.query(query, variables, { token: tokens.CUSTOMS });
    expect(sql() - before).toBe(0);
    expect(r.status).toBe(200);
    expect(Object.values(r.data ?? {})).toEqual([null]);
    expect(r.errors?.map((e) => [e.extensions?.code, e.extensions?.field, e.message.length < 200])).toEqual([["BAD_USER_INPUT", field, true]]);
  });

  it("refuses a 100 kB reference filter with BAD_USER_INPUT on filter.reference, before any SQL", async () => {
    const before = th.hub.subgraphs.police?.sqlQueries() ?? 0;
    const r = await th.query(`query($v: String) { cases(filter: { reference: $v }) { totalCount } }`, { v: HUGE }, { token: tokens.POLICE });
    expect((th.hub.subgraphs.police?.sqlQueries() ?? 0) - before).toBe(0);
    expect([r.status, r.data]).toEqual([200, { cases: null }]);
    expect(r.errors?.map((e) => [e.extensions?.code, e.extensions?.field, e.message.length < 200])).toEqual([["BAD_USER_INPUT", "filter.reference", true]]);
  });
});
