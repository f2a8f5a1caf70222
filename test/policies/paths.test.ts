import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asServiceInput, postalItemInput, seizureInput } from "../helpers/fixtures.js";
import { startTestHub, type TestHub } from "../helpers/hub.js";
import { seizures } from "../../subgraphs/customs/index.js";
import { postalItems } from "../../subgraphs/postal/index.js";

/*
 * The same policy decisions on every way a query can reach a field: root fields, nested fields,
 * `_entities`, aliases, fragments, interfaces, unions and variables. The caller is a police
 * analyst outside any joint operation; the records are customs seizures marked GREEN (shared,
 * officer notes withheld), AMBER (envelope only) and RED (invisible).
 */

const PHONE = "+447700900170";
let th: TestHub;
const ids: Record<string, string> = {};
let police: string;

beforeAll(async () => {
  th = await startTestHub();
  const customs = th.hub.subgraphs.customs?.dataSource as DataSource;
  for (const [reference, handling, itemId] of [["P-GREEN", "GREEN", ["RR100000017NL", "RR123456785NL"]], ["P-AMBER", "AMBER", ["RR123456785NL"]], ["P-RED", "RED", ["RR100000017NL"]]] as const) {
    const input = { ...seizureInput({ reference, phone: PHONE, handling }), postalItems: [...itemId], containers: ["CSQU3054383"] };
    ids[reference] = (await seizures.store(customs, asServiceInput(input), th.config)).record.id;
  }
  // The GREEN seizure holds a GREEN parcel and an AMBER one (postal does not share AMBER items with police).
  const postal = th.hub.subgraphs.postal?.dataSource as DataSource;
  await postalItems.store(postal, asServiceInput(postalItemInput({ reference: "PI-GREEN", phone: PHONE, itemId: "RR100000017NL", handling: "GREEN" })), th.config);
  await postalItems.store(postal, asServiceInput(postalItemInput({ reference: "PI-AMBER", phone: PHONE, itemId: "RR123456785NL", handling: "AMBER" })), th.config);
  police = await th.token("POLICE");
});
afterAll(async () => {
  await th?.close();
});

const errorsOf = (r: { errors?: Array<{ path?: Array<string | number>; extensions?: Record<string, unknown> }> }) =>
  (r.errors ?? []).map((e) => [e.path?.join("."), e.extensions?.code, e.extensions?.rule]).sort();

describe("every path obeys the policies", () => {
  it("root fields: a shared record is served, its withheld field is null with the deciding rule", async () => {
    const r = await th.query(`{ seizures(filter: { reference: "P-GREEN" }) { edges { node { reference officerNotes } } } }`, {}, { token: police });
    expect(r.data).toEqual({ seizures: { edges: [{ node: { reference: "P-GREEN", officerNotes: null } }] } });
    expect(errorsOf(r)).toEqual([["seizures.edges.0.node.officerNotes", "FORBIDDEN", "customs-police.no-officer-notes"]]);
  });

  it("root lists and counts leave out records the caller may not know exist", async () => {
    const r = await th.query<{ seizures: { totalCount: number; edges: Array<{ node: { handling: string } }> } }>(`{ seizures { totalCount edges { node { handling } } } }`, {}, { token: police });
    expect(r.data?.seizures.totalCount).toBe(2);
    expect(r.data?.seizures.edges.map((e) => e.node.handling).sort()).toEqual(["AMBER", "GREEN"]);
  });

  it("nested fields: the same decisions one hop away, and the RED record is absent", async () => {
    const r = await th.query<{ phone: { seizures: Array<Record<string, unknown>> } }>(`{ phone(e164: "${PHONE}") { seizures { handling reference officerNotes } } }`, {}, { token: police });
    const seizures = [...(r.data?.phone.seizures ?? [])].sort((a, b) => String(a.handling).localeCompare(String(b.handling)));
    expect(seizures).toEqual([
      { handling: "AMBER", reference: null, officerNotes: null },
      { handling: "GREEN", reference: "P-GREEN", officerNotes: null },
    ]);
    expect(errorsOf(r).map((e) => e[2]).sort()).toEqual(["customs-police.no-officer-notes", "customs-police.no-officer-notes", "default-deny"]);
  });

  it("_entities called directly: hidden records resolve to null, shared ones obey field rules", async () => {
    const r = await th.query<{ _entities: unknown[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Seizure { reference officerNotes } } }`,
      { r: [{ __typename: "Seizure", id: ids["P-RED"] }, { __typename: "Seizure", id: ids["P-AMBER"] }, { __typename: "Seizure", id: ids["P-GREEN"] }] },
      { token: police },
      th.hub.subgraphs.customs?.url,
    );
    expect(r.data?._entities).toEqual([null, { reference: null, officerNotes: null }, { reference: "P-GREEN", officerNotes: null }]);
    expect(errorsOf(r)).toEqual([
      ["_entities.1.officerNotes", "FORBIDDEN", "customs-police.no-officer-notes"],
      ["_entities.1.reference", "FORBIDDEN", "default-deny"],
      ["_entities.2.officerNotes", "FORBIDDEN", "customs-police.no-officer-notes"],
    ]);
  });

  it("aliases: the denial follows the field, whatever it is called", async () => {
    const r = await th.query(`{ s: seizures(filter: { reference: "P-GREEN" }) { edges { node { ref: reference notes: officerNotes } } } }`, {}, { token: police });
    expect(r.data).toEqual({ s: { edges: [{ node: { ref: "P-GREEN", notes: null } }] } });
    expect(errorsOf(r)).toEqual([["s.edges.0.node.notes", "FORBIDDEN", "customs-police.no-officer-notes"]]);
  });

  it("named fragments: the same decisions", async () => {
    const r = await th.query(`query { seizures(filter: { reference: "P-GREEN" }) { edges { node { ...S } } } } fragment S on Seizure { reference officerNotes }`, {}, { token: police });
    expect(r.data).toEqual({ seizures: { edges: [{ node: { reference: "P-GREEN", officerNotes: null } }] } });
    expect(errorsOf(r)).toEqual([["seizures.edges.0.node.officerNotes", "FORBIDDEN", "customs-police.no-officer-notes"]]);
  });

  it("interfaces: fields asked through AgencyRecord obey the record's rules", async () => {
    const r = await th.query(`{ phone(e164: "${PHONE}") { seizures { ... on AgencyRecord { handling reference } } } }`, {}, { token: police });
    const seizures = (r.data as { phone: { seizures: Array<{ handling: string; reference: string | null }> } }).phone.seizures;
    expect([...seizures].sort((a, b) => a.handling.localeCompare(b.handling))).toEqual([
      { handling: "AMBER", reference: null },
      { handling: "GREEN", reference: "P-GREEN" },
    ]);
    expect(errorsOf(r).map((e) => e[2])).toEqual(["default-deny"]);
  });

  it("unions: each member obeys its own agency's rules (the GREEN parcel shown, the AMBER parcel's declaration withheld)", async () => {
    const r = await th.query<{ seizures: { edges: Array<{ node: { reference: string; seizedObjects: unknown[] } }> } }>(
      `{ seizures(filter: { reference: "P-GREEN" }) { edges { node { reference seizedObjects { __typename ... on PostalItem { itemId reference } ... on Container { number } } } } } }`,
      {},
      { token: police },
    );
    expect(r.data?.seizures.edges[0]?.node.seizedObjects).toEqual([
      { __typename: "Container", number: "CSQU3054383" },
      { __typename: "PostalItem", itemId: "RR100000017NL", reference: "PI-GREEN" },
      // The customs record names the parcel; postal's AMBER record of it is not shared: nothing of it comes back.
      { __typename: "PostalItem", itemId: "RR123456785NL", reference: null },
    ]);
    expect(r.errors).toBeUndefined();
  });

  it("variables: the same decisions for a parameterised query", async () => {
    const r = await th.query(`query($ref: String!) { seizures(filter: { reference: $ref }) { edges { node { reference officerNotes } } } }`, { ref: "P-GREEN" }, { token: police });
    expect(r.data).toEqual({ seizures: { edges: [{ node: { reference: "P-GREEN", officerNotes: null } }] } });
    expect(errorsOf(r)).toEqual([["seizures.edges.0.node.officerNotes", "FORBIDDEN", "customs-police.no-officer-notes"]]);
  });

  it("a hidden record and a missing one look the same: null, no error", async () => {
    const hidden = await th.query(`query($id: ID!) { seizure(id: $id) { reference } }`, { id: ids["P-RED"] }, { token: police });
    const missing = await th.query(`query($id: ID!) { seizure(id: $id) { reference } }`, { id: "00000000-0000-4000-8000-000000000000" }, { token: police });
    expect(hidden).toEqual(missing);
    expect(hidden.data).toEqual({ seizure: null });
  });
});
