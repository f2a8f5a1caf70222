import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestHub } from "../helpers/hub.js";
import { caseInput, fiuReportInput, postalItemInput, seizureInput } from "../helpers/fixtures.js";
import { GRAPH, PATH, startDemoHub, type Graph, type Node } from "./demo-hub.js";

/*
 * linkGraph and linkPath on the demo data (README "Planted demo networks") and a few records
 * written here: every node and edge is what the caller's own policies serve, hop by hop.
 */

let th: TestHub;
const RED_PHONE = "+447700900950";
const FIU_PHONE = "+447700900960";

beforeAll(async () => {
  th = await startDemoHub();
  const write = async (agency: string, mutation: string, type: string, input: Record<string, unknown>) => {
    const r = await th.query(`mutation($input: ${type}!) { ${mutation}(input: $input) { id } }`, { input }, { token: await th.token(agency, { roles: ["officer"], clearance: 3 }) });
    expect(r.errors, mutation).toBeUndefined();
  };
  // A customs seizure anyone in customs may read, and a police RED case on the same phone.
  await write("CUSTOMS", "recordSeizure", "RecordSeizureInput", { ...seizureInput({ reference: "LG-SZ-1", phone: RED_PHONE, handling: "CLEAR" }), postalItems: [] });
  await write("POLICE", "openCase", "OpenCaseInput", { ...caseInput({ reference: "LG-CASE-RED", phone: RED_PHONE, handling: "RED" }), vehicles: [], parties: [{ role: "SUSPECT", name: "Red Suspect", identifiers: { phones: [RED_PHONE, "+447700900951"] } }] });
  // An FIU report and a postal item on one phone.
  await write("FIU", "fileFiuReport", "FileFiuReportInput", fiuReportInput({ reference: "LG-FIU-1", phone: FIU_PHONE, iban: "GB82WEST12345698765432", handling: "GREEN" }));
  await write("POSTAL", "registerPostalItem", "RegisterPostalItemInput", postalItemInput({ reference: "LG-PI-1", phone: FIU_PHONE, itemId: "RR123456785NL", handling: "GREEN" }));
}, 240_000);
afterAll(async () => {
  await th?.close();
});

/** A graph in comparable lines: records by their label (ids are generated), identifiers and restricted nodes by id. */
function summary(g: Graph) {
  const name = (n: Node) => (n.recordId ? n.label : n.id);
  const names = new Map(g.nodes.map((n) => [n.id, name(n)]));
  return {
    truncated: g.truncated,
    depth: g.depth,
    nodes: g.nodes.map((n) => `${n.depth} ${n.kind} ${name(n)} ${n.agency ?? "-"} ${n.handling ?? "-"} ${n.date ?? "-"}`).sort(),
    edges: g.edges.map((e) => `${names.get(e.source)} -> ${names.get(e.target)} ${e.kind} ${e.agency ?? "-"} ${e.handling ?? "-"} ${e.date ?? "-"}`).sort(),
  };
}

async function graph(agency: string, claims: Record<string, unknown>, variables: Record<string, unknown>) {
  const r = await th.query<{ linkGraph: Graph }>(GRAPH, variables, { token: await th.token(agency, claims) });
  return { ...r, graph: r.data?.linkGraph ?? null };
}

describe("linkGraph: exact graphs per agency on the planted networks", () => {
  it("customs in OP-COURIER: the courier's phone, their own seizure and the police case in full", async () => {
    const r = await graph("CUSTOMS", { operations: ["OP-COURIER"] }, { seeds: [{ kind: "PHONE", value: "07700 900201" }], depth: 1 });
    expect(r.errors).toBeUndefined();
    expect(summary(r.graph as Graph)).toEqual({
      truncated: true,
      depth: 1,
      nodes: [
        "0 PHONE phone:+447700900201 - - -",
        "1 CASE COURIER-CASE-01: Cash couriers to Dubai, Birmingham POLICE AMBER 2025-03-15",
        "1 IBAN iban:GB44NBRK60161320120101 - - -",
        "1 PHONE phone:+447700900202 - - -",
        "1 SEIZURE COURIER-SZ-01 CUSTOMS AMBER 2025-03-14",
        "1 TRAVEL_DOCUMENT travel_document:GB:925140201 - - -",
      ],
      // The case's accounts are withheld from customs (IBANs of another agency's record): no edge to them.
      edges: [
        "COURIER-CASE-01: Cash couriers to Dubai, Birmingham -> phone:+447700900201 MENTIONS POLICE AMBER 2025-03-15",
        "COURIER-CASE-01: Cash couriers to Dubai, Birmingham -> phone:+447700900202 MENTIONS POLICE AMBER 2025-03-15",
        "COURIER-CASE-01: Cash couriers to Dubai, Birmingham -> travel_document:GB:925140201 MENTIONS POLICE AMBER 2025-03-15",
        "COURIER-SZ-01 -> iban:GB44NBRK60161320120101 MENTIONS CUSTOMS AMBER 2025-03-14",
        "COURIER-SZ-01 -> phone:+447700900201 MENTIONS CUSTOMS AMBER 2025-03-14",
        "COURIER-SZ-01 -> travel_document:GB:925140201 MENTIONS CUSTOMS AMBER 2025-03-14",
      ],
    });
  });

  it("police: ECHO's phone links both their cases and the GREEN parcel", async () => {
    const r = await graph("POLICE", {}, { seeds: [{ kind: "PHONE", value: "+44 7700 900501" }], depth: 1 });
    expect(summary(r.graph as Graph)).toEqual({
      truncated: true,
      depth: 1,
      nodes: [
        "0 PHONE phone:+447700900501 - - -",
        "1 CASE ECHO-CASE-01: Threats to kill by phone, Bristol POLICE AMBER 2025-06-03",
        "1 CASE ECHO-CASE-02: Cocaine supply line, Bristol POLICE AMBER_STRICT 2025-08-19",
        "1 PHONE phone:+447700900502 - - -",
        "1 PHONE phone:+447700900503 - - -",
        "1 PHONE phone:+447700900504 - - -",
        "1 POSTAL_ITEM postal_item:CP990505018ES - - -",
        "1 POSTAL_ITEM_RECORD ECHO-PI-01 POSTAL GREEN 2025-07-30",
      ],
      edges: [
        "ECHO-CASE-01: Threats to kill by phone, Bristol -> phone:+447700900501 MENTIONS POLICE AMBER 2025-06-03",
        "ECHO-CASE-01: Threats to kill by phone, Bristol -> phone:+447700900503 MENTIONS POLICE AMBER 2025-06-03",
        "ECHO-CASE-02: Cocaine supply line, Bristol -> phone:+447700900501 MENTIONS POLICE AMBER_STRICT 2025-08-19",
        "ECHO-CASE-02: Cocaine supply line, Bristol -> phone:+447700900502 MENTIONS POLICE AMBER_STRICT 2025-08-19",
        "ECHO-CASE-02: Cocaine supply line, Bristol -> phone:+447700900504 MENTIONS POLICE AMBER_STRICT 2025-08-19",
        "ECHO-PI-01 -> phone:+447700900501 MENTIONS POSTAL GREEN 2025-07-30",
        "ECHO-PI-01 -> postal_item:CP990505018ES MENTIONS POSTAL GREEN 2025-07-30",
      ],
    });
  });

  it("FIU: the shared account leads to both reports, in full", async () => {
    const r = await graph("FIU", {}, { seeds: [{ kind: "IBAN", value: "GB93 ALBS 4021 2420 2202 02" }], depth: 1 });
    expect(summary(r.graph as Graph)).toEqual({
      truncated: true,
      depth: 1,
      nodes: [
        "0 IBAN iban:GB93ALBS40212420220202 - - -",
        "1 FIU_REPORT COURIER-CTR-01: CTR FIU AMBER 2025-03-03",
        "1 FIU_REPORT COURIER-STR-01: STR FIU AMBER_STRICT 2025-02-20",
        "1 IBAN iban:GB44NBRK60161320120101 - - -",
        "1 PHONE phone:+447700900201 - - -",
        "1 PHONE phone:+447700900202 - - -",
        "1 TRAVEL_DOCUMENT travel_document:GB:925140201 - - -",
      ],
      edges: [
        "COURIER-CTR-01: CTR -> iban:GB93ALBS40212420220202 MENTIONS FIU AMBER 2025-03-03",
        "COURIER-CTR-01: CTR -> phone:+447700900202 MENTIONS FIU AMBER 2025-03-03",
        "COURIER-STR-01: STR -> iban:GB44NBRK60161320120101 MENTIONS FIU AMBER_STRICT 2025-02-20",
        "COURIER-STR-01: STR -> iban:GB93ALBS40212420220202 MENTIONS FIU AMBER_STRICT 2025-02-20",
        "COURIER-STR-01: STR -> phone:+447700900201 MENTIONS FIU AMBER_STRICT 2025-02-20",
        "COURIER-STR-01: STR -> travel_document:GB:925140201 MENTIONS FIU AMBER_STRICT 2025-02-20",
      ],
    });
  });

  it("customs outside the operation: the case as an envelope, the FIU as a restricted node with no content", async () => {
    const r = await graph("CUSTOMS", {}, { seeds: [{ kind: "IBAN", value: "GB93ALBS40212420220202" }], depth: 1 });
    expect(summary(r.graph as Graph)).toEqual({
      truncated: false,
      depth: 1,
      nodes: ["0 IBAN iban:GB93ALBS40212420220202 - - -", "1 CASE POLICE case (AMBER) POLICE AMBER -", "1 RESTRICTED hit:fiu:iban:GB93ALBS40212420220202 FIU - -"],
      edges: ["POLICE case (AMBER) -> iban:GB93ALBS40212420220202 MENTIONS POLICE AMBER -", "iban:GB93ALBS40212420220202 -> hit:fiu:iban:GB93ALBS40212420220202 HIT FIU - -"],
    });
    const hit = r.graph?.nodes.find((n) => n.restricted);
    expect(hit).toEqual({
      id: "hit:fiu:iban:GB93ALBS40212420220202",
      kind: "RESTRICTED",
      label: "FIU holds information — contact: FIU liaison desk, fiu-liaison@fiu.example",
      agency: "FIU",
      restricted: true,
      handling: null,
      recordType: null,
      recordId: null,
      identifier: null,
      date: null,
      depth: 1,
    });
  });

  it("customs with clearance 2: REEFER's container to the truck's police case (an envelope), without their own RED seizure", async () => {
    const r = await graph("CUSTOMS", {}, { seeds: [{ kind: "CONTAINER", value: "RFRU 401401-1" }], depth: 2 });
    expect(summary(r.graph as Graph)).toEqual({
      truncated: false,
      depth: 2,
      nodes: [
        "0 CONTAINER container:RFRU4014011 - - -",
        "1 COMPANY company:EC:0991234567001 - - -",
        "1 COMPANY company:NL:70412345 - - -",
        "1 PHONE phone:+447700900401 - - -",
        "1 SEIZURE REEFER-SZ-02 CUSTOMS AMBER 2025-02-11",
        "1 VEHICLE vehicle:NL:89BTX4 - - -",
        "2 CASE POLICE case (AMBER) POLICE AMBER -",
      ],
      edges: [
        "POLICE case (AMBER) -> phone:+447700900401 MENTIONS POLICE AMBER -",
        "POLICE case (AMBER) -> vehicle:NL:89BTX4 MENTIONS POLICE AMBER -",
        "REEFER-SZ-02 -> company:EC:0991234567001 MENTIONS CUSTOMS AMBER 2025-02-11",
        "REEFER-SZ-02 -> company:NL:70412345 MENTIONS CUSTOMS AMBER 2025-02-11",
        "REEFER-SZ-02 -> container:RFRU4014011 MENTIONS CUSTOMS AMBER 2025-02-11",
        "REEFER-SZ-02 -> phone:+447700900401 MENTIONS CUSTOMS AMBER 2025-02-11",
        "REEFER-SZ-02 -> vehicle:NL:89BTX4 MENTIONS CUSTOMS AMBER 2025-02-11",
      ],
    });
  });
});

describe("linkGraph: nothing withheld leaks through the graph", () => {
  it("a postal officer sees LANTERN's parcels and customs' hits, and nothing of the FIU, seizures or the case", async () => {
    const r = await graph("POSTAL", { roles: ["officer"] }, { seeds: [{ kind: "PHONE", value: "+447700900101" }], depth: 2 });
    const g = r.graph as Graph;
    expect(new Set(g.nodes.map((n) => n.kind))).toEqual(new Set(["PHONE", "EMAIL", "POSTAL_ITEM", "POSTAL_ITEM_RECORD", "RESTRICTED"]));
    expect(g.nodes.filter((n) => n.restricted).map((n) => `${n.id} ${n.label} ${n.agency}`).sort()).toEqual([
      "hit:customs:postal_item:LX990101013CN Customs hold information CUSTOMS",
      "hit:customs:postal_item:LX990101027CN Customs hold information CUSTOMS",
      "hit:customs:postal_item:LX990101044NL Customs hold information CUSTOMS",
      "hit:customs:postal_item:LX990101058CN Customs hold information CUSTOMS",
    ]);
    expect(g.nodes.filter((n) => n.recordId).map((n) => n.label).sort()).toEqual(["LANTERN-PI-01", "LANTERN-PI-02", "LANTERN-PI-03", "LANTERN-PI-04", "LANTERN-PI-05", "LANTERN-PI-06"]);
    expect(g.edges.every((e) => e.agency === "POSTAL" || (e.kind === "HIT" && e.agency === "CUSTOMS"))).toBe(true);
  });

  it("a postal officer sees no FIU report, hit or content where the FIU reported the same phone; the FIU does", async () => {
    const seeds = [{ kind: "PHONE", value: FIU_PHONE }];
    const postal = summary((await graph("POSTAL", { roles: ["officer"] }, { seeds, depth: 2 })).graph as Graph);
    expect(postal).toEqual({
      truncated: false,
      depth: 2,
      nodes: [`0 PHONE phone:${FIU_PHONE} - - -`, "1 POSTAL_ITEM postal_item:RR123456785NL - - -", "1 POSTAL_ITEM_RECORD LG-PI-1 POSTAL GREEN 2025-02-20"],
      edges: [`LG-PI-1 -> phone:${FIU_PHONE} MENTIONS POSTAL GREEN 2025-02-20`, "LG-PI-1 -> postal_item:RR123456785NL MENTIONS POSTAL GREEN 2025-02-20"],
    });
    const fiu = (await graph("FIU", {}, { seeds, depth: 1 })).graph as Graph;
    expect(fiu.nodes.map((n) => n.label)).toContain("LG-FIU-1: STR");
  });

  it("a customs analyst sees a police RED case neither as node nor edge, nor in truncation", async () => {
    const seeds = [{ kind: "PHONE", value: RED_PHONE }];
    const expected = {
      truncated: false,
      depth: 1,
      nodes: [`0 PHONE phone:${RED_PHONE} - - -`, "1 SEIZURE LG-SZ-1 CUSTOMS CLEAR 2025-03-01"],
      edges: [`LG-SZ-1 -> phone:${RED_PHONE} MENTIONS CUSTOMS CLEAR 2025-03-01`],
    };
    expect(summary((await graph("CUSTOMS", {}, { seeds, depth: 4 })).graph as Graph)).toEqual(expected);
    // Exactly as many nodes as it sees: were the hidden case counted, this would say truncated.
    expect(summary((await graph("CUSTOMS", {}, { seeds, depth: 4, maxNodes: 2 })).graph as Graph)).toEqual(expected);
    // The case is there: police with clearance 3 follow it.
    const police = (await graph("POLICE", { clearance: 3 }, { seeds, depth: 1 })).graph as Graph;
    expect(police.nodes.map((n) => n.label)).toContain("LG-CASE-RED: Mail-order NPS supply");
  });
});

describe("linkGraph: limits and filters", () => {
  it.each([
    [{ depth: 5 }, "depth must be at most 4"],
    [{ depth: 0 }, "depth must be at least 1"],
    [{ maxNodes: 501 }, "maxNodes must be at most 500"],
    [{ from: "2025-13-01" }, "from must be a date YYYY-MM-DD"],
    [{ kinds: ["PERSON"] }, 'kinds: "PERSON" is not one of PHONE, EMAIL, IBAN, TRAVEL_DOCUMENT, VEHICLE, COMPANY, POSTAL_ITEM, CONTAINER, SEIZURE, CASE, FIU_REPORT, POSTAL_ITEM_RECORD, RESTRICTED'],
  ])("refuses %j with BAD_USER_INPUT", async (args, message) => {
    const r = await graph("POLICE", {}, { seeds: [{ kind: "PHONE", value: "+447700900501" }], ...args });
    expect(r.data?.linkGraph ?? null).toBeNull();
    expect(r.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([["BAD_USER_INPUT", message]]);
  });

  it("is denied like any field to those the policies give no content (a hub auditor): null with FORBIDDEN", async () => {
    const r = await graph("HUB", { roles: ["auditor"] }, { seeds: [{ kind: "PHONE", value: "+447700900501" }] });
    expect(r.data).toEqual({ linkGraph: null });
    expect(r.errors?.map((e) => [e.path?.join("."), e.extensions?.code, e.extensions?.rule])).toEqual([["linkGraph", "FORBIDDEN", "default-deny"]]);
  });

  it("names the seed that is not a valid identifier", async () => {
    const r = await graph("POLICE", {}, { seeds: [{ kind: "PHONE", value: "+447700900501" }, { kind: "IBAN", value: "GB00WEST12345698765432" }] });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "seeds[1]" });
    expect(r.errors?.[0]?.message).toMatch(/^seeds\[1\] \(IBAN\): /);
  });

  it("stops at maxNodes and says so; edges only join nodes it returns", async () => {
    const g = (await graph("FIU", {}, { seeds: [{ kind: "IBAN", value: "GB93ALBS40212420220202" }], depth: 1, maxNodes: 3 })).graph as Graph;
    expect(g.truncated).toBe(true);
    expect(g.nodes).toHaveLength(3);
    const ids = new Set(g.nodes.map((n) => n.id));
    expect(g.edges.length).toBeGreaterThan(0);
    expect(g.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
  });

  it("says truncated when the depth limit leaves identifiers unexpanded, not when the network ends", async () => {
    const seeds = [{ kind: "CONTAINER", value: "RFRU4014011" }];
    expect((await graph("CUSTOMS", {}, { seeds, depth: 1 })).graph).toMatchObject({ truncated: true, depth: 1 });
    expect((await graph("CUSTOMS", {}, { seeds, depth: 4 })).graph).toMatchObject({ truncated: false, depth: 2 });
  });

  it("keeps records dated in [from, to] and only the node kinds asked for", async () => {
    const seeds = [{ kind: "PHONE", value: "+447700900501" }];
    const dated = (await graph("POLICE", {}, { seeds, depth: 1, from: "2025-07-01", to: "2025-12-31" })).graph as Graph;
    expect(dated.nodes.filter((n) => n.recordId).map((n) => n.label).sort()).toEqual(["ECHO-CASE-02: Cocaine supply line, Bristol", "ECHO-PI-01"]);
    const kinds = (await graph("POLICE", {}, { seeds, depth: 1, kinds: ["CASE"] })).graph as Graph;
    expect(kinds.nodes.map((n) => n.kind).sort()).toEqual(["CASE", "CASE", "PHONE"]);
  });
});

describe("linkPath", () => {
  async function path(agency: string, claims: Record<string, unknown>, variables: Record<string, unknown>) {
    const r = await th.query<{ linkPath: { paths: string[][]; truncated: boolean; nodes: Node[] } }>(PATH, variables, { token: await th.token(agency, claims) });
    const result = r.data?.linkPath;
    const names = new Map((result?.nodes ?? []).map((n) => [n.id, n.recordId ? n.label : n.id]));
    return { errors: r.errors, truncated: result?.truncated, paths: result?.paths.map((p) => p.map((id) => names.get(id) ?? `?${id}`)) };
  }

  it("customs in OP-COURIER: the two couriers' phones meet on the police case", async () => {
    expect(await path("CUSTOMS", { operations: ["OP-COURIER"] }, { from: { kind: "PHONE", value: "+447700900202" }, to: { kind: "PHONE", value: "+447700900201" } })).toEqual({
      errors: undefined,
      truncated: false,
      paths: [["phone:+447700900202", "COURIER-CASE-01: Cash couriers to Dubai, Birmingham", "phone:+447700900201"]],
    });
  });

  it("the FIU, who see no case: through both reports and the shared account", async () => {
    const from = { kind: "PHONE", value: "+447700900202" };
    const to = { kind: "PHONE", value: "+447700900201" };
    expect(await path("FIU", {}, { from, to })).toEqual({
      errors: undefined,
      truncated: false,
      paths: [["phone:+447700900202", "COURIER-CTR-01: CTR", "iban:GB93ALBS40212420220202", "COURIER-STR-01: STR", "phone:+447700900201"]],
    });
    // Within one hop there is none, and the search says it stopped early.
    expect(await path("FIU", {}, { from, to, maxDepth: 1 })).toEqual({ errors: undefined, truncated: true, paths: [] });
  });

  it("refuses maxDepth above 4", async () => {
    const r = await path("FIU", {}, { from: { kind: "PHONE", value: "+447700900202" }, to: { kind: "PHONE", value: "+447700900201" }, maxDepth: 5 });
    expect(r.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([["BAD_USER_INPUT", "maxDepth must be at most 4"]]);
  });
});
