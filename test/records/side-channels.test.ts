import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asServiceInput, caseInput, fiuReportInput, postalItemInput, seizureInput } from "../helpers/fixtures.js";
import { startTestHub, type GraphQLResponse, type TestHub } from "../helpers/hub.js";
import { seizures } from "../../subgraphs/customs/index.js";
import { fiuReports } from "../../subgraphs/fiu/index.js";
import { cases } from "../../subgraphs/police/index.js";
import { postalItems } from "../../subgraphs/postal/index.js";

/*
 * Issue 6, items 1-4 and 10: filters, cursors, sort order, writes and the delivery audit reveal
 * nothing the fields would not. Each test tries to learn a withheld value through one surface.
 */

let th: TestHub;
const db = (name: string) => th.hub.subgraphs[name]?.dataSource as DataSource;
const ids: Record<string, string> = {};
const PHONE = "+447700900301";

beforeAll(async () => {
  th = await startTestHub();
  const store = async (key: string, write: Promise<{ record: { id: string } }>) => {
    ids[key] = (await write).record.id;
  };
  await store("seizure-green", seizures.store(db("customs"), asServiceInput(seizureInput({ reference: "SC-S-GREEN", phone: PHONE, handling: "GREEN", date: "2025-12-01" })), th.config));
  await store("seizure-amber", seizures.store(db("customs"), asServiceInput(seizureInput({ reference: "SC-S-AMBER", phone: PHONE, handling: "AMBER", date: "2025-12-25" })), th.config));
  await store("seizure-red", seizures.store(db("customs"), asServiceInput(seizureInput({ reference: "SC-S-RED", phone: PHONE, handling: "RED" })), th.config));
  await store("case-red", cases.store(db("police"), asServiceInput(caseInput({ reference: "SC-C-RED", phone: PHONE, handling: "RED" })), th.config));
  await store("report-red", fiuReports.store(db("fiu"), asServiceInput(fiuReportInput({ reference: "SC-F-RED", phone: PHONE, handling: "RED" })), th.config));
  await store("item-red", postalItems.store(db("postal"), asServiceInput(postalItemInput({ reference: "SC-P-RED", phone: PHONE, handling: "RED", itemId: "RR100000017NL" })), th.config));
});
afterAll(async () => {
  await th?.close();
});

const token = (agency: string, sub: string, clearance = 2, roles = ["officer"]) => th.token(agency, { sub, clearance, roles });
const codes = (r: GraphQLResponse) => (r.errors ?? []).map((e) => ({ code: e.extensions?.code, rule: e.extensions?.rule, message: e.message }));

describe("filters reveal only what the caller may see (item 1)", () => {
  it("refuses a customs officer's informant filter with the rule that withholds informants, and keeps informant roles out of party_roles", async () => {
    const police = await token("POLICE", "sc-police-1");
    const opened = await th.query<{ openCase: { id: string } }>(`mutation($i: OpenCaseInput!) { openCase(input: $i) { id } }`, { i: caseInput({ reference: "SC-C-INF", phone: "+447700900302", handling: "GREEN" }) }, { token: police });
    const caseId = opened.data?.openCase.id as string;
    const query = `{ cases(filter: { partyRole: INFORMANT }) { totalCount edges { node { id reference } } } }`;
    const byCustoms = await th.query(query, {}, { token: await token("CUSTOMS", "sc-customs-1") });
    expect(byCustoms.data).toEqual({ cases: null });
    expect(codes(byCustoms)).toEqual([{ code: "FORBIDDEN", rule: "police.informants-stay-in-police", message: "Not authorised to filter on Case.informants" }]);
    const byPolice = await th.query<{ cases: { totalCount: number; edges: Array<{ node: { id: string } }> } }>(query, {}, { token: police });
    expect(byPolice.data?.cases.totalCount).toBe(1);
    expect(byPolice.data?.cases.edges.map((e) => e.node.id)).toEqual([caseId]);
    const [row] = (await db("police").query(`SELECT party_roles, has_informants FROM police_case WHERE id = $1`, [caseId])) as Array<{ party_roles: string[]; has_informants: boolean }>;
    expect(row).toEqual({ party_roles: ["SUSPECT"], has_informants: true });
  });

  it("lets a customs officer filter police cases by suspects (parties are shared on GREEN cases)", async () => {
    const r = await th.query<{ cases: { edges: Array<{ node: { reference: string } }> } }>(`{ cases(filter: { partyRole: SUSPECT, reference: "SC-C-INF" }) { edges { node { reference } } } }`, {}, { token: await token("CUSTOMS", "sc-customs-1") });
    expect(r.errors).toBeUndefined();
    expect(r.data?.cases.edges.map((e) => e.node.reference)).toEqual(["SC-C-INF"]);
  });

  it("answers BAD_USER_INPUT, not an internal error, for a date PostgreSQL cannot hold", async () => {
    const r = await th.query(`{ seizures(filter: { from: "0000-01-01" }) { totalCount } }`, {}, { token: await token("CUSTOMS", "sc-customs-1") });
    expect(codes(r)).toEqual([{ code: "BAD_USER_INPUT", rule: undefined, message: "filter.from must be a date as YYYY-MM-DD" }]);
  });
});

describe("cursors and sort order reveal nothing (item 2)", () => {
  const list = `query($after: String) { seizures(first: 1, after: $after, filter: { reference: null }) { edges { cursor node { reference date } } pageInfo { hasNextPage endCursor } } }`;
  type Page = { seizures: { edges: Array<{ cursor: string; node: { reference: string; date: string | null } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

  it("seals cursors: decoding one shows neither the withheld date nor the id", async () => {
    const police = await token("POLICE", "sc-police-2");
    const seen: Array<{ reference: string; date: string | null; cursor: string }> = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: GraphQLResponse<Page> = await th.query<Page>(list, { after }, { token: police });
      const edge = page.data?.seizures.edges[0];
      if (!edge) break;
      seen.push({ reference: edge.node.reference ?? "(withheld)", date: edge.node.date, cursor: edge.cursor });
      after = page.data?.seizures.pageInfo.endCursor ?? null;
      if (!page.data?.seizures.pageInfo.hasNextPage) break;
    }
    const amber = seen.find((s) => s.date === null);
    expect(amber).toBeDefined();
    const decoded = Buffer.from(amber?.cursor ?? "", "base64url").toString("latin1");
    expect(decoded).not.toContain("2025");
    expect(decoded).not.toContain(ids["seizure-amber"]);
    // A record whose date is withheld sorts after every record whose date is shown: its position says nothing about its date.
    expect(seen.map((s) => s.date === null)).toEqual([...seen.filter((s) => s.date !== null).map(() => false), ...seen.filter((s) => s.date === null).map(() => true)]);
  });

  it("refuses a tampered cursor, a cursor of another caller and a cursor of another list with BAD_USER_INPUT", async () => {
    const police = await token("POLICE", "sc-police-2");
    const first = await th.query<Page>(list, { after: null }, { token: police });
    const cursor = first.data?.seizures.pageInfo.endCursor as string;
    const flipped = `${cursor.slice(0, 20)}${cursor[20] === "A" ? "B" : "A"}${cursor.slice(21)}`;
    const expected = [{ code: "BAD_USER_INPUT", rule: undefined, message: "after is not a cursor this service issued for this list" }];
    expect(codes(await th.query(list, { after: flipped }, { token: police }))).toEqual(expected);
    expect(codes(await th.query(list, { after: cursor }, { token: await token("POLICE", "sc-police-3") }))).toEqual(expected);
    const filtered = `query($after: String) { seizures(first: 1, after: $after, filter: { country: "GB" }) { edges { cursor } } }`;
    expect(codes(await th.query(filtered, { after: cursor }, { token: police }))).toEqual(expected);
    const forged = Buffer.from(JSON.stringify(["0000-01-01T00:00:00.000Z", ids["seizure-red"]])).toString("base64url");
    expect(codes(await th.query(list, { after: forged }, { token: police }))).toEqual(expected);
  });
});

describe("writes never confirm a record the caller may not see (item 3)", () => {
  const addParties = `mutation($id: ID!) { addCaseParties(caseId: $id, parties: [{ role: WITNESS, name: "Probe" }]) { id } }`;

  it("answers addCaseParties on a RED case hidden from a clearance-2 officer exactly like an unknown id, and writes nothing", async () => {
    const police = await token("POLICE", "sc-police-4", 2);
    const hidden = await th.query(addParties, { id: ids["case-red"] }, { token: police });
    const unknown = await th.query(addParties, { id: "00000000-0000-4000-8000-000000000000" }, { token: police });
    expect(codes(hidden)).toEqual([{ code: "NOT_FOUND", rule: undefined, message: "No case with this id" }]);
    expect(codes(hidden)).toEqual(codes(unknown));
    expect(hidden.data).toEqual(unknown.data);
    const [row] = (await db("police").query(`SELECT jsonb_array_length(details->'parties') AS parties FROM police_case WHERE id = $1`, [ids["case-red"]])) as Array<{ parties: number }>;
    expect(row?.parties).toBe(2);
    const probes = (await db("police").query(`SELECT fields_denied FROM access_audit WHERE subject = 'sc-police-4' AND entity_id = $1`, [ids["case-red"]])) as Array<{ fields_denied: string[] }>;
    expect(probes).toEqual([{ fields_denied: ["(write)"] }]);
  });

  it("lets a clearance-3 officer add parties to the RED case", async () => {
    const r = await th.query<{ addCaseParties: { id: string } }>(addParties, { id: ids["case-red"] }, { token: await token("POLICE", "sc-police-5", 3) });
    expect(r.errors).toBeUndefined();
    expect(r.data?.addCaseParties.id).toBe(ids["case-red"]);
  });

  it.each([
    ["CUSTOMS", "recordSeizure", "RecordSeizureInput", "seizure-red", () => seizureInput({ reference: "SC-S-RED", phone: "+447700900399", handling: "GREEN" })],
    ["POLICE", "openCase", "OpenCaseInput", "case-red", () => caseInput({ reference: "SC-C-RED", phone: "+447700900399", handling: "GREEN" })],
    ["FIU", "fileFiuReport", "FileFiuReportInput", "report-red", () => fiuReportInput({ reference: "SC-F-RED", phone: "+447700900399", handling: "GREEN" })],
    ["POSTAL", "registerPostalItem", "RegisterPostalItemInput", "item-red", () => postalItemInput({ reference: "SC-P-RED", phone: "+447700900399", handling: "GREEN", itemId: "RR100000017NL" })],
  ])("%s: %s with the reference of a hidden RED record creates the caller's own record and audits the probe", async (agency, mutation, inputType, hiddenKey, input) => {
    const sub = `sc-probe-${agency.toLowerCase()}`;
    const r = await th.query<Record<string, { id: string; reference: string }>>(`mutation($i: ${inputType}!) { ${mutation}(input: $i) { id reference } }`, { i: input() }, { token: await token(agency, sub, 0, ["analyst"]) });
    expect(r.errors).toBeUndefined();
    expect(r.data?.[mutation]?.id).not.toBe(ids[hiddenKey]);
    const name = agency.toLowerCase();
    const probes = (await db(name).query(`SELECT entity_id, fields_denied FROM access_audit WHERE subject = $1 AND entity_id = $2`, [sub, ids[hiddenKey]])) as unknown[];
    expect(probes.length).toBe(1);
  });

  it("still refuses, as CONFLICT, a reference the caller can see in use for other content", async () => {
    const r = await th.query(`mutation($i: RecordSeizureInput!) { recordSeizure(input: $i) { id } }`, { i: seizureInput({ reference: "SC-S-GREEN", phone: "+447700900398", handling: "GREEN" }) }, { token: await token("CUSTOMS", "sc-customs-9") });
    expect(codes(r)).toEqual([{ code: "CONFLICT", rule: undefined, message: 'reference "SC-S-GREEN" is already used for a different record' }]);
  });

  it("keeps a retried openCase idempotent after parties were added", async () => {
    const police = await token("POLICE", "sc-police-6");
    const open = `mutation($i: OpenCaseInput!) { openCase(input: $i) { id } }`;
    const input = caseInput({ reference: "SC-C-RETRY", phone: "+447700900303", handling: "GREEN" });
    const first = await th.query<{ openCase: { id: string } }>(open, { i: input }, { token: police });
    await th.query(addParties, { id: first.data?.openCase.id }, { token: police });
    const retry = await th.query<{ openCase: { id: string } }>(open, { i: input }, { token: police });
    expect(retry.errors).toBeUndefined();
    expect(retry.data?.openCase.id).toBe(first.data?.openCase.id);
  });
});

describe("every disclosure and every write is audited, with its author (item 4)", () => {
  it("records a delivery row for every case a customs officer lists asking only id and handling", async () => {
    const r = await th.query<{ cases: { edges: Array<{ node: { id: string } }> } }>(`{ cases(first: 50) { edges { node { id handling } } } }`, {}, { token: await token("CUSTOMS", "sc-customs-envelope") });
    const listed = (r.data?.cases.edges ?? []).map((e) => e.node.id).sort();
    expect(listed.length).toBeGreaterThan(0);
    const rows = (await db("police").query(`SELECT entity_id, fields_served FROM access_audit WHERE subject = 'sc-customs-envelope' ORDER BY entity_id`)) as Array<{ entity_id: string; fields_served: string[] }>;
    expect(rows.map((row) => row.entity_id)).toEqual(listed);
    expect(new Set(rows.map((row) => row.fields_served.join(",")))).toEqual(new Set(["handling,id"]));
  });

  it("records the author of a write on the record and a delivery row for a write that selects only id", async () => {
    const r = await th.query<{ recordSeizure: { id: string } }>(`mutation($i: RecordSeizureInput!) { recordSeizure(input: $i) { id } }`, { i: seizureInput({ reference: "SC-S-AUTHOR", phone: "+447700900304", handling: "GREEN" }) }, { token: await token("CUSTOMS", "sc-author") });
    const id = r.data?.recordSeizure.id as string;
    const [row] = (await db("customs").query(`SELECT author_sub, author_agency, author_request_id FROM seizure WHERE id = $1`, [id])) as Array<Record<string, string>>;
    // Namespaced by issuer: the same sub from another identity provider is another author.
    expect(row?.author_sub).toBe("liaison-dev sc-author");
    expect(row?.author_agency).toBe("CUSTOMS");
    const audit = (await db("customs").query(`SELECT request_id, fields_served FROM access_audit WHERE subject = 'sc-author' AND entity_id = $1`, [id])) as Array<{ request_id: string; fields_served: string[] }>;
    expect(audit).toEqual([{ request_id: row?.author_request_id, fields_served: ["id"] }]);
  });
});

describe("lists under an identifier are bounded; hits are existence tests (item 10)", () => {
  it("lists at most 100 seizures per identifier, newest first", async () => {
    const phone = "+447700900305";
    for (let i = 0; i < 103; i++) {
      await seizures.store(db("customs"), asServiceInput(seizureInput({ reference: `SC-BOUND-${i}`, phone, handling: "GREEN", date: `2025-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, "0")}` })), th.config);
    }
    const r = await th.query<{ phone: { seizures: Array<{ date: string }> } }>(`{ phone(e164: "${phone}") { seizures { date } } }`, {}, { token: await token("CUSTOMS", "sc-customs-bound") });
    const dates = r.data?.phone.seizures.map((s) => s.date) ?? [];
    expect(dates.length).toBe(100);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it("answers fiuHit true for a GREEN report and false where the only report is RED", async () => {
    await fiuReports.store(db("fiu"), asServiceInput(fiuReportInput({ reference: "SC-F-GREEN", phone: "+447700900306", handling: "GREEN" })), th.config);
    const hit = async (phone: string) =>
      (await th.query<{ phone: { fiuHit: { hit: boolean } } }>(`{ phone(e164: "${phone}") { fiuHit { hit } } }`, {}, { token: await token("POLICE", "sc-police-hit") })).data?.phone.fiuHit.hit;
    expect(await hit("+447700900306")).toBe(true);
    expect(await hit(PHONE)).toBe(false);
  });
});
