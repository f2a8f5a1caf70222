import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asServiceInput, caseInput } from "../helpers/fixtures.js";
import { startTestHub, type TestHub } from "../helpers/hub.js";
import { cases } from "../../subgraphs/police/index.js";
import { dataSourceOf, MISSING_ID, plantRecords, type Planted } from "./records.js";

/*
 * Issue 10 item 4: another agency's withheld record, asked for by id on every path (root field,
 * nested field, `_entities` at the subgraph and through the gateway), answers exactly like a record
 * that does not exist; counts and pages do not count it; and nothing about it is audited as served.
 */

const PHONE = "+447700900411";
let th: TestHub;
let ids: Planted;
let customs: string;

beforeAll(async () => {
  th = await startTestHub();
  ids = await plantRecords(th, "XA", PHONE);
  customs = await th.token("CUSTOMS", { sub: "xa-customs", roles: ["officer"] });
});
afterAll(async () => {
  await th?.close();
});

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Case { reference } } }`;

describe("a RED police case, asked for by a customs officer", () => {
  it("answers the root field case(id:) exactly as for an id no record has", async () => {
    const ask = (id: string) => th.query(`{ case(id: "${id}") { id reference title } }`, {}, { token: customs });
    expect(await ask(ids.case.red)).toEqual({ status: 200, data: { case: null } });
    expect(await ask(MISSING_ID)).toEqual({ status: 200, data: { case: null } });
    // The GREEN case on the same path is served: the null is the record's handling, not the path.
    expect((await ask(ids.case.green)).data).toEqual({ case: { id: ids.case.green, reference: "XA-GREEN-C", title: "Mail-order NPS supply" } });
  });

  it("leaves it out of the nested field phone { cases } as if it did not exist", async () => {
    const r = await th.query(`{ phone(e164: "${PHONE}") { cases { id reference } } }`, {}, { token: customs });
    expect(r).toEqual({ status: 200, data: { phone: { cases: [{ id: ids.case.green, reference: "XA-GREEN-C" }] } } });
  });

  it("answers _entities at the police subgraph with null, exactly as for a missing id", async () => {
    const r = await th.query(ENTITIES, { r: [{ __typename: "Case", id: ids.case.red }, { __typename: "Case", id: MISSING_ID }, { __typename: "Case", id: ids.case.green }] }, { token: customs }, th.hub.subgraphs.police?.url);
    expect(r).toEqual({ status: 200, data: { _entities: [null, null, { reference: "XA-GREEN-C" }] } });
  });

  it("refuses _entities through the gateway as an unknown field, the same for the RED id and a missing one", async () => {
    const refused = {
      status: 400,
      errors: [
        { message: 'Unknown type "_Any".', locations: [{ line: 1, column: 12 }], extensions: { code: "BAD_USER_INPUT" } },
        { message: 'Cannot query field "_entities" on type "Query".', locations: [{ line: 1, column: 23 }], extensions: { code: "BAD_USER_INPUT" } },
      ],
    };
    expect(await th.query(ENTITIES, { r: [{ __typename: "Case", id: ids.case.red }] }, { token: customs })).toEqual(refused);
    expect(await th.query(ENTITIES, { r: [{ __typename: "Case", id: MISSING_ID }] }, { token: customs })).toEqual(refused);
  });

  it("never counts it: totalCount, pages and a filter on its own reference answer as if it did not exist", async () => {
    const list = (filter: string, first = 1) => th.query(`{ cases(first: ${first}${filter}) { totalCount edges { node { reference } } pageInfo { hasNextPage } } }`, {}, { token: customs });
    expect((await list("")).data).toEqual({ cases: { totalCount: 1, edges: [{ node: { reference: "XA-GREEN-C" } }], pageInfo: { hasNextPage: false } } });
    const empty = { cases: { totalCount: 0, edges: [], pageInfo: { hasNextPage: false } } };
    expect((await list(`, filter: { reference: "XA-RED-C" }`)).data).toEqual(empty);
    expect((await list(`, filter: { reference: "XA-NEVER-C" }`)).data).toEqual(empty);
    expect((await list(`, filter: { handling: [RED] }`, 10)).data).toEqual(empty);
  });

  it("counts nothing in a date range holding only a RED case: the same answer as a range holding no case", async () => {
    await cases.store(dataSourceOf(th, "police"), asServiceInput(caseInput({ reference: "XA-RED-DATED", phone: "+447700900416", handling: "RED", date: "2024-02-29" })), th.config);
    const count = async (day: string) => th.query(`{ cases(filter: { from: "${day}", to: "${day}" }) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`, {}, { token: customs });
    const empty = { status: 200, data: { cases: { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } } } };
    expect([await count("2024-02-29"), await count("2024-03-01")]).toEqual([empty, empty]);
    // The filter does find it for a police officer cleared for RED.
    const owner = await th.token("POLICE", { sub: "xa-police-3", roles: ["officer"], clearance: 3 });
    expect((await th.query(`{ cases(filter: { from: "2024-02-29", to: "2024-02-29" }) { totalCount } }`, {}, { token: owner })).data).toEqual({ cases: { totalCount: 1 } });
  });

  it("writes no delivery-audit row naming it, while the GREEN case served above is audited", async () => {
    const rows = (await dataSourceOf(th, "police").query(`SELECT DISTINCT entity_id FROM access_audit WHERE subject = 'xa-customs' AND entity_type = 'Case'`)) as Array<{ entity_id: string }>;
    expect(rows.map((r) => r.entity_id)).toEqual([ids.case.green]);
  });
});

describe("every agency's RED record answers as a missing one for every other agency", () => {
  const ROOTS = [
    ["seizure", "seizure", "CUSTOMS"],
    ["case", "case", "POLICE"],
    ["report", "fiuReport", "FIU"],
  ] as const;
  it.each(ROOTS)("%s by id (%s): the same answer as a missing id for each other agency", async (kind, field, owner) => {
    for (const agency of ["CUSTOMS", "POLICE", "FIU", "POSTAL"].filter((a) => a !== owner)) {
      const token = await th.token(agency, { sub: `xa-${agency.toLowerCase()}-root`, roles: ["officer"] });
      const ask = async (id: string) => th.query(`{ ${field}(id: "${id}") { id reference } }`, {}, { token });
      expect({ agency, answer: await ask(ids[kind].red) }).toEqual({ agency, answer: await ask(MISSING_ID) });
    }
  });

  it("a RED postal item by its item number through the links look-up answers as an item nobody registered", async () => {
    for (const agency of ["CUSTOMS", "POLICE", "FIU"]) {
      const token = await th.token(agency, { sub: `xa-${agency.toLowerCase()}-item`, roles: ["officer"] });
      const ask = async (itemId: string) => JSON.stringify(await th.query(`{ postalItem(itemId: "${itemId}") { itemId reference category } }`, {}, { token })).replaceAll(itemId, "<item>");
      // RR100000065NL is a valid item number nobody registered.
      expect({ agency, answer: await ask("RR100000048NL") }).toEqual({ agency, answer: await ask("RR100000065NL") });
    }
  });
});
