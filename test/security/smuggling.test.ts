import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../helpers/hub.js";
import { dataSourceOf, plantRecords, refusals, type Planted } from "./records.js";

/*
 * Issue 10 item 4: a field the policies withhold (Case.informants from customs, rule
 * police.informants-stay-in-police) stays withheld however the query reaches it: aliases, inline
 * and named fragments, __typename beside it, the same field twice under different aliases,
 * directives, and nested paths. Each occurrence is null with FORBIDDEN and the rule, the rest served.
 */

const PHONE = "+447700900412";
const RULE = "police.informants-stay-in-police";
let th: TestHub;
let ids: Planted;
let customs: string;

beforeAll(async () => {
  th = await startTestHub();
  ids = await plantRecords(th, "SM", PHONE);
  customs = await th.token("CUSTOMS", { sub: "sm-customs", roles: ["officer"] });
});
afterAll(async () => {
  await th?.close();
});

const ask = (selection: string, fragments = "") => th.query(`{ case(id: "${ids.case.green}") { reference ${selection} } } ${fragments}`, {}, { token: customs });
const denied = (...paths: string[]) => paths.map((p) => [p, "FORBIDDEN", RULE]);

describe("smuggling Case.informants past the policy", () => {
  it("under two aliases and its own name: each null with the rule", async () => {
    const r = await ask(`a: informants { name } b: informants { role } informants { name }`);
    expect(r.data).toEqual({ case: { reference: "SM-GREEN-C", a: null, b: null, informants: null } });
    expect(refusals(r).sort()).toEqual(denied("case.a", "case.b", "case.informants"));
  });

  it("inside an inline fragment, a typed inline fragment and a named fragment", async () => {
    const r = await ask(`... { i1: informants { name } } ... on Case { i2: informants { name } } ...F`, `fragment F on Case { i3: informants { name } }`);
    expect(r.data).toEqual({ case: { reference: "SM-GREEN-C", i1: null, i2: null, i3: null } });
    expect(refusals(r).sort()).toEqual(denied("case.i1", "case.i2", "case.i3"));
  });

  it("asking only __typename inside it, or aliasing it as __typename's neighbour", async () => {
    const r = await ask(`informants { __typename } t: __typename`);
    expect(r.data).toEqual({ case: { reference: "SM-GREEN-C", informants: null, t: "Case" } });
    expect(refusals(r)).toEqual(denied("case.informants"));
  });

  it("with @include(if: true) and @skip(if: false), and through a nested path from a phone", async () => {
    const direct = await ask(`x: informants @include(if: true) { name } y: informants @skip(if: false) { name }`);
    expect(direct.data).toEqual({ case: { reference: "SM-GREEN-C", x: null, y: null } });
    expect(refusals(direct).sort()).toEqual(denied("case.x", "case.y"));
    const nested = await th.query(`{ phone(e164: "${PHONE}") { cases { ...on Case { reference who: informants { name } } } } }`, {}, { token: customs });
    expect(nested.data).toEqual({ phone: { cases: [{ reference: "SM-GREEN-C", who: null }] } });
    expect(refusals(nested)).toEqual(denied("phone.cases.0.who"));
  });

  it("audits each smuggled occurrence as denied under the field's own name, never as served", async () => {
    const rows = (await dataSourceOf(th, "police").query(`SELECT entity_type, fields_served, fields_denied FROM access_audit WHERE subject = 'sm-customs' ORDER BY seq`)) as unknown[];
    const caseRow = { entity_type: "Case", fields_served: ["reference"], fields_denied: ["informants"] };
    // Four queries by id, then the phone (its cases field) and the case reached through it.
    expect(rows).toEqual([caseRow, caseRow, caseRow, caseRow, { entity_type: "Phone", fields_served: ["cases"], fields_denied: [] }, caseRow]);
  });

  it("serves the same field to the owning agency's officer (the denials above were the caller's alone)", async () => {
    const police = await th.token("POLICE", { sub: "sm-police", roles: ["officer"] });
    const r = await th.query(`{ case(id: "${ids.case.green}") { a: informants { name } } }`, {}, { token: police });
    expect(r).toEqual({ status: 200, data: { case: { a: [{ name: "Source 17" }] } } });
  });
});
