import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataSource } from "typeorm";
import { PLANTED_NETWORKS, seedDemo, seedDemoIfEmpty, type SeedSummary, type SeedTargets } from "../../demo/index.js";
import { Handling, SourceGrade } from "../../schema/enums.js";
import { CommodityArea, PlaceType, SeizurePartyRole, TransportMode } from "../../subgraphs/customs/seizure/seizure.enums.js";
import { CasePartyRole, CaseStatus } from "../../subgraphs/police/case/case.enums.js";
import { PostalCategory } from "../../subgraphs/postal/item/item.enums.js";
import { startTestHub, type TestHub } from "../helpers/hub.js";

/*
 * One hub, seeded once at scale 1 (the defaults), then seeded again: every assertion reads
 * the databases directly or goes through the gateway with the owning agency's token.
 */

const TABLES = { customs: "seizure", police: "police_case", fiu: "fiu_report", postal: "postal_item" } as const;
type AgencyDb = keyof typeof TABLES;

let th: TestHub;
let targets: SeedTargets;
let firstLine: string | null;
let secondLine: string | null;
let firstSeconds: number;
let summary: SeedSummary;
let afterFirst: Record<string, string[]>;
let afterSecond: Record<string, string[]>;

const sql = async <T = Record<string, unknown>>(db: AgencyDb, query: string): Promise<T[]> => (await targets[db].query(query)) as T[];
const column = async (db: AgencyDb, query: string): Promise<string[]> => (await sql<{ v: string }>(db, query)).map((row) => row.v).sort();

/** Every stored record as "reference hash", and every mention, per agency: what "nothing changed" compares. */
async function snapshot(): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const [db, table] of Object.entries(TABLES) as Array<[AgencyDb, string]>) {
    result[table] = await column(db, `SELECT reference || ' ' || content_hash AS v FROM "${table}"`);
    result[`${db}.mentions`] = await column(db, `SELECT r.reference || ' ' || m.kind || ' ' || m.value AS v FROM identifier_mention m JOIN "${table}" r ON r.id = m.record_id`);
  }
  return result;
}

const gql = async <T>(agency: string, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
  const response = await th.query<T>(query, variables, { token: await th.token(agency) });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data as T;
};
const refs = (records: ReadonlyArray<{ reference?: string | null }> | null | undefined) => (records ?? []).map((r) => r.reference).sort();

beforeAll(async () => {
  th = await startTestHub();
  const ds = (name: AgencyDb): DataSource => {
    const source = th.hub.subgraphs[name]?.dataSource;
    if (!source) throw new Error(`no ${name} database`);
    return source;
  };
  targets = { customs: ds("customs"), police: ds("police"), fiu: ds("fiu"), postal: ds("postal") };
  const started = performance.now();
  firstLine = await seedDemoIfEmpty(th.hub, th.config);
  firstSeconds = (performance.now() - started) / 1000;
  afterFirst = await snapshot();
  summary = await seedDemo(targets, th.config);
  afterSecond = await snapshot();
  secondLine = await seedDemoIfEmpty(th.hub, th.config);
});

afterAll(async () => {
  await th?.close();
});

describe("seedDemo into a running hub", () => {
  it("seeds an empty hub once, then reports that data is present", () => {
    expect(firstLine).toMatch(/^162 seizures, 55 cases, 43 FIU reports, 260 postal items, 6 planted networks \(scale 1, [\d.]+s\)/);
    expect(secondLine).toBeNull();
    // Reported for the record: scale 1 into in-memory PGlite (or PostgreSQL when DATABASE_URL is set).
    console.info(`seeding scale 1 took ${firstSeconds.toFixed(1)}s`);
  });

  it("stores exactly the summary's records, and a second run adds and changes nothing", async () => {
    expect(summary).toEqual({ seizures: 162, cases: 55, fiuReports: 43, postalItems: 260, networks: 6 });
    expect(afterFirst.seizure).toHaveLength(summary.seizures);
    expect(afterFirst.police_case).toHaveLength(summary.cases);
    expect(afterFirst.fiu_report).toHaveLength(summary.fiuReports);
    expect(afterFirst.postal_item).toHaveLength(summary.postalItems);
    expect(afterSecond).toEqual(afterFirst);
  });

  it("covers every enum value and every configured FIU report code", async () => {
    const union = (field: string) =>
      Promise.all((Object.entries(TABLES) as Array<[AgencyDb, string]>).map(([db, table]) => column(db, `SELECT DISTINCT ${field} AS v FROM "${table}"`))).then((lists) => [...new Set(lists.flat())].sort());
    const sorted = (values: readonly string[]) => [...values].sort();
    expect(await union("handling")).toEqual(sorted(Object.values(Handling)));
    expect(await union("source_grade")).toEqual(sorted(Object.values(SourceGrade)));
    expect(await column("customs", `SELECT DISTINCT transport_mode AS v FROM seizure`)).toEqual(sorted(Object.values(TransportMode)));
    expect(await column("customs", `SELECT DISTINCT place_type AS v FROM seizure`)).toEqual(sorted(Object.values(PlaceType)));
    expect(await column("customs", `SELECT DISTINCT unnest(areas) AS v FROM seizure`)).toEqual(sorted(Object.values(CommodityArea)));
    expect(await column("customs", `SELECT DISTINCT p->>'role' AS v FROM seizure, jsonb_array_elements(details->'parties') p`)).toEqual(sorted(Object.values(SeizurePartyRole)));
    expect(await column("police", `SELECT DISTINCT p->>'role' AS v FROM police_case, jsonb_array_elements(details->'parties') p`)).toEqual(sorted(Object.values(CasePartyRole)));
    expect(await column("police", `SELECT DISTINCT status AS v FROM police_case`)).toEqual(sorted(Object.values(CaseStatus)));
    expect(await column("fiu", `SELECT DISTINCT report_code AS v FROM fiu_report`)).toEqual(sorted(th.config.codes.fiuReport));
    expect(await column("postal", `SELECT DISTINCT category AS v FROM postal_item`)).toEqual(sorted(Object.values(PostalCategory)));
  });

  it("holds the WCO 2025 shares: postal+express 44.8% +/- 4 of seizures, NPS postal 78.9% +/- 6", async () => {
    const [shares] = await sql<{ pe: number; nps_postal: number }>(
      "customs",
      `SELECT 100.0 * count(*) FILTER (WHERE transport_mode IN ('POSTAL', 'EXPRESS')) / count(*) AS pe,
              100.0 * count(*) FILTER (WHERE 'NPS' = ANY(commodity_codes) AND transport_mode = 'POSTAL') / count(*) FILTER (WHERE 'NPS' = ANY(commodity_codes)) AS nps_postal
       FROM seizure`,
    );
    expect(Math.abs(Number(shares?.pe) - 44.8)).toBeLessThanOrEqual(4);
    expect(Math.abs(Number(shares?.nps_postal) - 78.9)).toBeLessThanOrEqual(6);
  });

  it("dates every record in 2024-2025 and keeps the drama-range phones to the planted networks", async () => {
    const prefixes = PLANTED_NETWORKS.map((n) => `'${n.id}-%'`).join(", ");
    for (const [db, table] of Object.entries(TABLES) as Array<[AgencyDb, string]>) {
      const [range] = await sql<{ first: string; last: string }>(db, `SELECT to_char(min(occurred_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS first, to_char(max(occurred_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS last FROM "${table}"`);
      expect(range?.first >= "2024-01-01" && (range?.last ?? "") <= "2025-12-31", `${table} ${JSON.stringify(range)}`).toBe(true);
      const strays = await column(db, `SELECT r.reference AS v FROM identifier_mention m JOIN "${table}" r ON r.id = m.record_id WHERE m.value LIKE '+447700900%' AND NOT (r.reference LIKE ANY (ARRAY[${prefixes}]))`);
      expect(strays, table).toEqual([]);
    }
  });

  it("links background records across agencies through shared identifiers", async () => {
    const perAgency = await Promise.all(
      (Object.keys(TABLES) as AgencyDb[]).map(async (db) => new Set(await column(db, `SELECT DISTINCT kind || ':' || value AS v FROM identifier_mention WHERE value NOT LIKE '+447700900%'`))),
    );
    const counts = new Map<string, number>();
    for (const set of perAgency) for (const id of set) counts.set(id, (counts.get(id) ?? 0) + 1);
    const shared = [...counts.values()].filter((n) => n >= 2).length;
    expect(shared).toBeGreaterThanOrEqual(20);
    expect([...counts.values()].some((n) => n >= 3)).toBe(true);
  });
});

describe("planted networks through the gateway (each agency reads its own records)", () => {
  it("LANTERN: the shop's phone finds the seizures, the postal items and the case", async () => {
    const q = (fields: string) => `{ phone(e164: "+447700900101") { ${fields} } }`;
    const customs = await gql<{ phone: { seizures: Array<{ reference: string; operationId: string }> } }>("CUSTOMS", q("seizures { reference operationId }"));
    expect(refs(customs.phone.seizures)).toEqual(["LANTERN-SZ-01", "LANTERN-SZ-02", "LANTERN-SZ-03", "LANTERN-SZ-04"]);
    expect(new Set(customs.phone.seizures.map((s) => s.operationId))).toEqual(new Set(["OP-LANTERN"]));
    const police = await gql<{ phone: { cases: Array<{ reference: string }> } }>("POLICE", q("cases { reference }"));
    expect(refs(police.phone.cases)).toEqual(["LANTERN-CASE-01"]);
    const postal = await gql<{ phone: { postalItems: Array<{ itemId: string; reference: string }> } }>("POSTAL", q("postalItems { itemId reference }"));
    expect(refs(postal.phone.postalItems)).toEqual(["LANTERN-PI-01", "LANTERN-PI-02", "LANTERN-PI-03", "LANTERN-PI-04", "LANTERN-PI-05", "LANTERN-PI-06"]);
    // Each seizure lists the parcel it took, which the postal operator registered.
    const seized = await gql<{ phone: { seizures: Array<{ postalItems: Array<{ itemId: string }> }> } }>("CUSTOMS", q("seizures { postalItems { itemId } }"));
    const itemIds = new Set(postal.phone.postalItems.map((p) => p.itemId));
    for (const s of seized.phone.seizures) expect(s.postalItems.every((p) => itemIds.has(p.itemId))).toBe(true);
  });

  it("COURIER: the shared IBAN finds the STR and CTR (FIU) and the case (police); the passport finds the seizure", async () => {
    const q = (fields: string) => `{ bankAccount(iban: "GB93 ALBS 4021 2420 2202 02") { ${fields} } }`;
    expect(refs((await gql<{ bankAccount: { fiuReports: Array<{ reference: string }> } }>("FIU", q("fiuReports { reference }"))).bankAccount.fiuReports)).toEqual(["COURIER-CTR-01", "COURIER-STR-01"]);
    expect(refs((await gql<{ bankAccount: { cases: Array<{ reference: string }> } }>("POLICE", q("cases { reference }"))).bankAccount.cases)).toEqual(["COURIER-CASE-01"]);
    const customs = await gql<{ travelDocument: { seizures: Array<{ reference: string }> }; bankAccount: { fiuHit: { hit: boolean } } }>(
      "CUSTOMS",
      `{ travelDocument(country: "GB", number: "925140201") { seizures { reference } } bankAccount(iban: "GB44NBRK60161320120101") { fiuHit { hit } } }`,
    );
    expect(refs(customs.travelDocument.seizures)).toEqual(["COURIER-SZ-01"]);
    expect(customs.bankAccount.fiuHit.hit).toBe(true);
  });

  it("AEROTEK: the company finds three express seizures (customs) and the SAR (FIU)", async () => {
    const q = (fields: string) => `{ company(country: "DE", registrationNumber: "HRB 123456") { ${fields} } }`;
    expect(refs((await gql<{ company: { seizures: Array<{ reference: string }> } }>("CUSTOMS", q("seizures { reference }"))).company.seizures)).toEqual(["AEROTEK-SZ-01", "AEROTEK-SZ-02", "AEROTEK-SZ-03"]);
    expect(refs((await gql<{ company: { fiuReports: Array<{ reference: string }> } }>("FIU", q("fiuReports { reference }"))).company.fiuReports)).toEqual(["AEROTEK-SAR-01"]);
  });

  it("REEFER: the container finds both seizures; the truck and the driver's phone find the case", async () => {
    const container = PLANTED_NETWORKS.find((n) => n.id === "REEFER")?.identifiers.find((i) => i.startsWith("container "))?.slice("container ".length);
    const customs = await gql<{ container: { seizures: Array<{ reference: string; handling: string }> }; phone: { seizures: Array<{ reference: string }> } }>(
      "CUSTOMS",
      `query($n: String!) { container(number: $n) { seizures { reference handling } } phone(e164: "+447700900401") { seizures { reference } } }`,
      { n: container },
    );
    expect(customs.container.seizures.map((s) => `${s.reference} ${s.handling}`).sort()).toEqual(["REEFER-SZ-01 RED", "REEFER-SZ-02 AMBER"]);
    expect(refs(customs.phone.seizures)).toEqual(["REEFER-SZ-02"]);
    const police = await gql<{ vehicle: { cases: Array<{ reference: string }> }; phone: { cases: Array<{ reference: string }> } }>(
      "POLICE",
      `{ vehicle(country: "NL", plate: "89-BTX-4") { cases { reference } } phone(e164: "+447700900401") { cases { reference } } }`,
    );
    expect(refs(police.vehicle.cases)).toEqual(["REEFER-CASE-01"]);
    expect(refs(police.phone.cases)).toEqual(["REEFER-CASE-01"]);
  });

  it("ECHO: the victim's phone finds both cases (victim and suspect's contact) and the postal item", async () => {
    const q = (fields: string) => `{ phone(e164: "+447700900501") { ${fields} } }`;
    const police = await gql<{ phone: { cases: Array<{ reference: string; handling: string; parties: Array<{ role: string; name: string }> }> } }>("POLICE", q("cases { reference handling parties { role name } }"));
    expect(police.phone.cases.map((c) => `${c.reference} ${c.handling}`).sort()).toEqual(["ECHO-CASE-01 AMBER", "ECHO-CASE-02 AMBER_STRICT"]);
    expect(refs((await gql<{ phone: { postalItems: Array<{ reference: string }> } }>("POSTAL", q("postalItems { reference }"))).phone.postalItems)).toEqual(["ECHO-PI-01"]);
  });

  it("PILLBOX: the shop's e-mail finds the GREEN and CLEAR seizures and the postal items", async () => {
    const q = (fields: string) => `{ email(address: "Sales@Pillbox-Pharma.example") { ${fields} } }`;
    const customs = await gql<{ email: { seizures: Array<{ reference: string; handling: string }> } }>("CUSTOMS", q("seizures { reference handling }"));
    expect(customs.email.seizures.map((s) => `${s.reference} ${s.handling}`).sort()).toEqual(["PILLBOX-SZ-01 GREEN", "PILLBOX-SZ-02 CLEAR"]);
    expect(refs((await gql<{ email: { postalItems: Array<{ reference: string }> } }>("POSTAL", q("postalItems { reference }"))).email.postalItems)).toEqual(["PILLBOX-PI-01", "PILLBOX-PI-02", "PILLBOX-PI-03"]);
  });

  it.each(PLANTED_NETWORKS.map((n) => [n.id, n] as const))("%s: its tryQuery answers any agency with records of two agencies or more", async (_id, network) => {
    const data = await gql<unknown>("POLICE", network.tryQuery);
    const agencies = new Set<string>();
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === "object") {
        const { originAgency } = value as { originAgency?: unknown };
        if (typeof originAgency === "string") agencies.add(originAgency);
        Object.values(value).forEach(walk);
      }
    };
    walk(data);
    expect(agencies.size).toBeGreaterThanOrEqual(2);
  });
});
