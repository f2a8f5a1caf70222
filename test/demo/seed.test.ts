import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataSource } from "typeorm";
import { PLANTED_NETWORKS, seedDemo, seedDemoIfEmpty, type SeedSummary, type SeedTargets } from "../../demo/index.js";
import { Handling, SourceGrade } from "../../schema/enums.js";
import { CommodityArea, PlaceType, SeizurePartyRole, TransportMode } from "../../subgraphs/customs/seizure/seizure.enums.js";
import { CasePartyRole, CaseStatus } from "../../subgraphs/police/case/case.enums.js";
import { PostalCategory } from "../../subgraphs/postal/item/item.enums.js";
import { startTestHub, type TestHub } from "../helpers/hub.js";

/*
 * One hub, seeded once at scale 1 (the defaults), then seeded again: assertions read the
 * databases directly, or go through the gateway with tokens of different agencies, clearances
 * and operations and check exactly what the default policies (policies/default) let each see.
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

/** A caller for the gateway: the test hub's analyst token (clearance 2, no operation, purpose investigation) unless told. */
interface As {
  clearance?: number;
  operations?: string[];
  purpose?: string;
}

/** Record ids are random; answers name each record by its reference (from the databases) so they compare exactly. */
const referenceOf = new Map<string, string>();
const idOf = (reference: string): string => {
  const id = [...referenceOf].find(([, ref]) => ref === reference)?.[0];
  if (!id) throw new Error(`no record ${reference}`);
  return id;
};
const sortKey = (value: unknown): string | null => {
  if (!value || typeof value !== "object") return null;
  const { reference, id, itemId } = value as Record<string, unknown>;
  const key = reference ?? id ?? itemId;
  return typeof key === "string" ? key : null;
};
/** Replaces record ids by references and sorts lists of records by reference (list order is not policy). */
function named(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(named);
    return items.every((item) => sortKey(item) !== null) ? items.sort((a, b) => (sortKey(a) as string).localeCompare(sortKey(b) as string)) : items;
  }
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === "id" && typeof v === "string" ? (referenceOf.get(v) ?? v) : named(v)]));
  }
  return value;
}

/** What the caller gets: the data (ids named) and each error as "path code rule", list indices left out, sorted. */
async function ask(agency: string, query: string, as: As = {}, variables: Record<string, unknown> = {}): Promise<{ data: unknown; errors: string[] }> {
  const token = await th.token(agency, { clearance: as.clearance ?? 2, operations: as.operations ?? [] });
  const response = await th.query(query, variables, { token, purpose: as.purpose });
  const errors = (response.errors ?? []).map((e) => `${(e.path ?? []).filter((p) => typeof p === "string").join(".")} ${String(e.extensions?.code)} ${String(e.extensions?.rule)}`);
  return { data: named(response.data), errors: errors.sort() };
}
const times = (n: number, error: string): string[] => Array.from({ length: n }, () => error);
const envelope = (reference: string, originAgency: string, handling: string) => ({ id: reference, originAgency, handling });
const CONTACT_POINT = "FIU liaison desk, fiu-liaison@fiu.example";

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
  for (const [db, table] of Object.entries(TABLES) as Array<[AgencyDb, string]>) {
    for (const row of await sql<{ id: string; reference: string }>(db, `SELECT id::text AS id, reference FROM "${table}"`)) referenceOf.set(row.id, row.reference);
  }
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

describe("planted networks through the gateway under the default policies", () => {
  const LANTERN_ITEMS = [
    ["LX990101013CN", "LANTERN-PI-01", true],
    ["LX990101027CN", "LANTERN-PI-02", true],
    ["LX990101035NL", "LANTERN-PI-03", false],
    ["LX990101044NL", "LANTERN-PI-04", true],
    ["LX990101058CN", "LANTERN-PI-05", true],
    ["LX990101061CN", "LANTERN-PI-06", false],
  ] as const;
  const LANTERN_SEIZURES = ["LANTERN-SZ-01", "LANTERN-SZ-02", "LANTERN-SZ-03", "LANTERN-SZ-04"];
  const LANTERN_TITLE = "Lantern Shop: NPS and nitazenes sold online and posted to UK buyers";

  /** Each network's tryQuery with the demo token the notes name for it, and its exact answer. */
  const TRY: Record<string, { agency: string; as: As; data: unknown }> = {
    LANTERN: {
      agency: "CUSTOMS",
      as: { operations: ["OP-LANTERN"] },
      data: {
        phone: {
          e164: "+447700900101",
          seizures: LANTERN_SEIZURES.map((reference) => ({ reference, originAgency: "CUSTOMS", handling: "AMBER", operationId: "OP-LANTERN" })),
          postalItems: LANTERN_ITEMS.map(([itemId, reference, hit]) => ({ itemId, reference, originAgency: "POSTAL", handling: "AMBER", customsHit: { hit } })),
          cases: [{ reference: "LANTERN-CASE-01", originAgency: "POLICE", handling: "AMBER", operationId: "OP-LANTERN", title: LANTERN_TITLE }],
        },
      },
    },
    COURIER: {
      agency: "CUSTOMS",
      as: { operations: ["OP-COURIER"] },
      data: {
        bankAccount: {
          iban: "GB93ALBS40212420220202",
          fiuHit: { hit: true, contactPoint: CONTACT_POINT },
          cases: [{ reference: "COURIER-CASE-01", originAgency: "POLICE", handling: "AMBER", operationId: "OP-COURIER", title: "Cash couriers to Dubai, Birmingham" }],
        },
        travelDocument: { seizures: [{ reference: "COURIER-SZ-01", originAgency: "CUSTOMS", handling: "AMBER", commodities: [{ quantity: 186_500, unit: "EUR" }] }] },
      },
    },
    AEROTEK: {
      agency: "CUSTOMS",
      as: {},
      data: {
        company: {
          country: "DE",
          registrationNumber: "HRB123456",
          seizures: [
            { reference: "AEROTEK-SZ-01", originAgency: "CUSTOMS", handling: "AMBER", route: { destination: "KZ", transit: ["TR"] } },
            { reference: "AEROTEK-SZ-02", originAgency: "CUSTOMS", handling: "AMBER", route: { destination: "AM", transit: ["AE"] } },
            { reference: "AEROTEK-SZ-03", originAgency: "CUSTOMS", handling: "AMBER", route: { destination: "KG", transit: ["KZ"] } },
          ],
          fiuHit: { hit: true, contactPoint: CONTACT_POINT },
        },
      },
    },
    REEFER: {
      agency: "CUSTOMS",
      as: { clearance: 3, operations: ["OP-REEFER"] },
      data: {
        container: {
          number: "RFRU4014011",
          seizures: [
            { reference: "REEFER-SZ-01", originAgency: "CUSTOMS", handling: "RED", place: "Port of Algeciras" },
            { reference: "REEFER-SZ-02", originAgency: "CUSTOMS", handling: "AMBER", place: "Port of Rotterdam, Maasvlakte" },
          ],
        },
        vehicle: {
          seizures: [{ reference: "REEFER-SZ-02", originAgency: "CUSTOMS", handling: "AMBER" }],
          cases: [{ reference: "REEFER-CASE-01", originAgency: "POLICE", handling: "AMBER", operationId: "OP-REEFER", title: "Controlled delivery of a cocaine container from Rotterdam" }],
        },
      },
    },
    ECHO: {
      agency: "POLICE",
      as: {},
      data: {
        phone: {
          e164: "+447700900501",
          cases: [
            { reference: "ECHO-CASE-01", originAgency: "POLICE", handling: "AMBER", parties: [{ role: "VICTIM", name: "Emily Sandford" }, { role: "SUSPECT", name: "Unknown caller" }] },
            { reference: "ECHO-CASE-02", originAgency: "POLICE", handling: "AMBER_STRICT", parties: [{ role: "SUSPECT", name: "Jack Merrow" }, { role: "ASSOCIATE", name: "Harry Quint" }] },
          ],
          postalItems: [{ itemId: "CP990505018ES", reference: "ECHO-PI-01", originAgency: "POSTAL", handling: "GREEN", addressee: { name: "E. Sandford", city: "Bristol" } }],
        },
      },
    },
    PILLBOX: {
      agency: "POLICE",
      as: {},
      data: {
        email: {
          address: "sales@pillbox-pharma.example",
          seizures: [
            { reference: "PILLBOX-SZ-01", originAgency: "CUSTOMS", handling: "GREEN", commodities: [{ description: "Falsified sildenafil tablets", quantity: 12_000, unit: "TABLETS" }] },
            { reference: "PILLBOX-SZ-02", originAgency: "CUSTOMS", handling: "CLEAR", commodities: [{ description: "Unlicensed tramadol tablets", quantity: 600, unit: "TABLETS" }] },
          ],
          postalItems: [
            { itemId: "EE990606011IN", reference: "PILLBOX-PI-01", originAgency: "POSTAL", handling: "GREEN", destinationCountry: "GB" },
            { itemId: "EE990606025IN", reference: "PILLBOX-PI-02", originAgency: "POSTAL", handling: "GREEN", destinationCountry: "IE" },
            { itemId: "EE990606039IN", reference: "PILLBOX-PI-03", originAgency: "POSTAL", handling: "GREEN", destinationCountry: "NL" },
          ],
        },
      },
    },
  };

  it("has a demo token and answer for every network", () => {
    expect(Object.keys(TRY).sort()).toEqual(PLANTED_NETWORKS.map((n) => n.id).sort());
  });

  it.each(PLANTED_NETWORKS.map((n) => [n.id, n] as const))("%s: its tryQuery, with its demo token, shows the network exactly and without errors", async (id, network) => {
    const { agency, as, data } = TRY[id] as (typeof TRY)[string];
    expect(await ask(agency, network.tryQuery, as)).toEqual({ data, errors: [] });
  });

  it("LANTERN: police outside OP-LANTERN get the four AMBER seizures as envelopes only, and none of the AMBER parcels", async () => {
    const q = `{ phone(e164: "+447700900101") { seizures { id originAgency handling } postalItems { itemId } cases { reference } } }`;
    expect(await ask("POLICE", q)).toEqual({
      data: { phone: { seizures: LANTERN_SEIZURES.map((r) => envelope(r, "CUSTOMS", "AMBER")), postalItems: [], cases: [{ reference: "LANTERN-CASE-01" }] } },
      errors: [],
    });
    const fields = await ask("POLICE", `{ phone(e164: "+447700900101") { seizures { id reference commodities { code } } } }`);
    expect(fields).toEqual({
      data: { phone: { seizures: LANTERN_SEIZURES.map((r) => ({ id: r, reference: null, commodities: null })) } },
      errors: [...times(4, "phone.seizures.commodities FORBIDDEN default-deny"), ...times(4, "phone.seizures.reference FORBIDDEN default-deny")],
    });
  });

  it("LANTERN: police in OP-LANTERN read the seizures in full but not the officers' notes; the parcels carry no operation and stay hidden", async () => {
    const q = `{ phone(e164: "+447700900102") { seizures { reference operationId infoGrade commodities { code quantity unit } postalItems { itemId } officerNotes } postalItems { itemId } } }`;
    expect(await ask("POLICE", q, { operations: ["OP-LANTERN"] })).toEqual({
      data: {
        phone: {
          seizures: [
            { reference: "LANTERN-SZ-02", operationId: "OP-LANTERN", infoGrade: 1, commodities: [{ code: "NPS", quantity: 500, unit: "G" }, { code: "NITAZENES", quantity: 200, unit: "TABLETS" }], postalItems: [{ itemId: "LX990101027CN" }], officerNotes: null },
            { reference: "LANTERN-SZ-04", operationId: "OP-LANTERN", infoGrade: 1, commodities: [{ code: "NPS", quantity: 900, unit: "G" }], postalItems: [{ itemId: "LX990101058CN" }], officerNotes: null },
          ],
          postalItems: [],
        },
      },
      errors: times(2, "phone.seizures.officerNotes FORBIDDEN customs-police.no-officer-notes"),
    });
  });

  it("LANTERN: customs in OP-LANTERN read the case but not its summary or informants", async () => {
    const q = `{ phone(e164: "+447700900101") { cases { reference status parties { role name } summary informants { name } } } }`;
    expect(await ask("CUSTOMS", q, { operations: ["OP-LANTERN"] })).toEqual({
      data: { phone: { cases: [{ reference: "LANTERN-CASE-01", status: "UNDER_INVESTIGATION", parties: [{ role: "SUSPECT", name: "Daniel Vance" }, { role: "ASSOCIATE", name: "Chloe Marlow" }], summary: null, informants: null }] } },
      errors: ["phone.cases.informants FORBIDDEN police.informants-stay-in-police", "phone.cases.summary FORBIDDEN customs-police.no-case-summary"],
    });
  });

  it("LANTERN: the postal operator learns which of its six parcels customs seized; outside the operation it follows no seizure or case", async () => {
    const q = `{ phone(e164: "+447700900101") { postalItems { reference customsHit { hit } seizures { id } } cases { id } } }`;
    expect(await ask("POSTAL", q)).toEqual({
      data: { phone: { postalItems: LANTERN_ITEMS.map(([, reference, hit]) => ({ reference, customsHit: { hit }, seizures: [] })), cases: [] } },
      errors: [],
    });
    // For the police the AMBER parcel (no operation on it) is not found by its number, even in OP-LANTERN, and no hit is
    // answered: the hit requires the postal record, which the police may not see.
    expect(await ask("POLICE", `{ postalItem(itemId: "LX990101013CN") { id reference } }`, { operations: ["OP-LANTERN"] })).toEqual({ data: { postalItem: null }, errors: [] });
    expect(await ask("POLICE", `{ postalItem(itemId: "LX990101013CN") { customsHit { hit } } }`)).toEqual({ data: { postalItem: { customsHit: null } }, errors: [] });
    expect(await ask("CUSTOMS", `{ postalItem(itemId: "LX990101013CN") { reference customsHit { hit } } }`)).toEqual({ data: { postalItem: { reference: "LANTERN-PI-01", customsHit: { hit: true } } }, errors: [] });
  });

  it("LANTERN: a postal operator in OP-LANTERN reads the operation's seizures and case, without notes or summary and with years of birth only", async () => {
    const q = `{ postalItem(itemId: "LX990101013CN") { seizures { reference officerNotes } cases { id } } phone(e164: "+447700900101") { cases { reference summary parties { name birthDate } } } }`;
    expect(await ask("POSTAL", q, { operations: ["OP-LANTERN"] })).toEqual({
      data: {
        postalItem: { seizures: [{ reference: "LANTERN-SZ-01", officerNotes: null }], cases: [] },
        phone: { cases: [{ reference: "LANTERN-CASE-01", summary: null, parties: [{ name: "Daniel Vance", birthDate: "1991" }, { name: "Chloe Marlow", birthDate: "1994" }] }] },
      },
      errors: ["phone.cases.summary FORBIDDEN customs-police.no-case-summary", "postalItem.seizures.officerNotes FORBIDDEN customs-police.no-officer-notes"],
    });
  });

  it("COURIER: customs get a hit and the FIU's contact on the shared account, never the reports; outside OP-COURIER the case is an envelope", async () => {
    const q = `{ bankAccount(iban: "GB93 ALBS 4021 2420 2202 02") { fiuHit { hit contactPoint } fiuReports { id } cases { id originAgency handling } } }`;
    expect(await ask("CUSTOMS", q)).toEqual({
      data: { bankAccount: { fiuHit: { hit: true, contactPoint: CONTACT_POINT }, fiuReports: null, cases: [envelope("COURIER-CASE-01", "POLICE", "AMBER")] } },
      errors: ["bankAccount.fiuReports FORBIDDEN default-deny"],
    });
    // The hit is for investigations only, and not for the postal operator.
    const hit = `{ bankAccount(iban: "GB93ALBS40212420220202") { fiuHit { hit } } }`;
    expect(await ask("CUSTOMS", hit, { purpose: "risk-analysis" })).toEqual({ data: { bankAccount: { fiuHit: null } }, errors: ["bankAccount.fiuHit FORBIDDEN default-deny"] });
    expect(await ask("POSTAL", hit)).toEqual({ data: { bankAccount: { fiuHit: null } }, errors: ["bankAccount.fiuHit FORBIDDEN default-deny"] });
  });

  it("COURIER: the FIU reads its STR and CTR with full IBANs; the police read their own case in full; customs in the operation see its IBANs masked to the last four", async () => {
    const fiu = await ask("FIU", `{ bankAccount(iban: "GB93ALBS40212420220202") { fiuReports { reference handling reportCode accounts { iban } } } }`);
    expect(fiu).toEqual({
      data: {
        bankAccount: {
          fiuReports: [
            { reference: "COURIER-CTR-01", handling: "AMBER", reportCode: "CTR", accounts: [{ iban: "GB93ALBS40212420220202" }] },
            { reference: "COURIER-STR-01", handling: "AMBER_STRICT", reportCode: "STR", accounts: [{ iban: "GB44NBRK60161320120101" }, { iban: "GB93ALBS40212420220202" }] },
          ],
        },
      },
      errors: [],
    });
    const caseQuery = `{ bankAccount(iban: "GB93ALBS40212420220202") { cases { reference parties { name identifiers { kind value } } } } }`;
    const courierCase = (iban: string) => ({
      data: {
        bankAccount: {
          cases: [
            {
              reference: "COURIER-CASE-01",
              parties: [
                { name: "Marcus Dunmore", identifiers: [{ kind: "PHONE", value: "+447700900201" }, { kind: "IBAN", value: iban }, { kind: "TRAVEL_DOCUMENT", value: "GB:925140201" }] },
                { name: "Kyle Brannigan", identifiers: [{ kind: "PHONE", value: "+447700900202" }, { kind: "IBAN", value: iban }] },
              ],
            },
          ],
        },
      },
      errors: [],
    });
    expect(await ask("POLICE", caseQuery)).toEqual(courierCase("GB93ALBS40212420220202"));
    expect(await ask("CUSTOMS", caseQuery, { operations: ["OP-COURIER"] })).toEqual(courierCase("******************0202"));
  });

  it("AEROTEK: the FIU reads its AMBER SAR; police see the seizures as envelopes and get the hit; neither reaches the other's records", async () => {
    const company = `company(country: "DE", registrationNumber: "HRB 123456")`;
    expect(await ask("FIU", `{ ${company} { fiuReports { reference handling reportCode } seizures { id } } }`)).toEqual({
      data: { company: { fiuReports: [{ reference: "AEROTEK-SAR-01", handling: "AMBER", reportCode: "SAR" }], seizures: null } },
      errors: ["company.seizures FORBIDDEN default-deny"],
    });
    expect(await ask("POLICE", `{ ${company} { seizures { id originAgency handling } fiuHit { hit } fiuReports { id } } }`)).toEqual({
      data: { company: { seizures: ["AEROTEK-SZ-01", "AEROTEK-SZ-02", "AEROTEK-SZ-03"].map((r) => envelope(r, "CUSTOMS", "AMBER")), fiuHit: { hit: true }, fiuReports: null } },
      errors: ["company.fiuReports FORBIDDEN default-deny"],
    });
  });

  it("REEFER: the RED Algeciras seizure needs customs clearance 3 and stays invisible to the police, even in OP-REEFER", async () => {
    const container = `{ container(number: "RFRU 401401-1") { seizures { reference handling } } }`;
    expect(await ask("CUSTOMS", container)).toEqual({ data: { container: { seizures: [{ reference: "REEFER-SZ-02", handling: "AMBER" }] } }, errors: [] });
    expect(await ask("CUSTOMS", container, { clearance: 3 })).toEqual({
      data: { container: { seizures: [{ reference: "REEFER-SZ-01", handling: "RED" }, { reference: "REEFER-SZ-02", handling: "AMBER" }] } },
      errors: [],
    });
    expect(await ask("POLICE", container, { clearance: 3, operations: ["OP-REEFER"] })).toEqual({ data: { container: { seizures: [{ reference: "REEFER-SZ-02", handling: "AMBER" }] } }, errors: [] });
    const byId = `query($id: ID!) { seizure(id: $id) { id } }`;
    expect(await ask("POLICE", byId, { clearance: 3, operations: ["OP-REEFER"] }, { id: idOf("REEFER-SZ-01") })).toEqual({ data: { seizure: null }, errors: [] });
    expect(await ask("CUSTOMS", byId, { clearance: 3 }, { id: idOf("REEFER-SZ-01") })).toEqual({ data: { seizure: { id: "REEFER-SZ-01" } }, errors: [] });
  });

  it("REEFER: police outside OP-REEFER see the Rotterdam seizure as an envelope; in OP-REEFER they read it in full", async () => {
    const q = `{ phone(e164: "+447700900401") { seizures { id originAgency handling } cases { reference vehicleDetails { plate make model } } } }`;
    expect(await ask("POLICE", q)).toEqual({
      data: { phone: { seizures: [envelope("REEFER-SZ-02", "CUSTOMS", "AMBER")], cases: [{ reference: "REEFER-CASE-01", vehicleDetails: [{ plate: "89BTX4", make: "DAF", model: "XF 480" }] }] } },
      errors: [],
    });
    const full = `{ vehicle(country: "NL", plate: "89-BTX-4") { seizures { reference commodities { code quantity unit } } } }`;
    expect(await ask("POLICE", full)).toEqual({ data: { vehicle: { seizures: [{ reference: null, commodities: null }] } }, errors: ["vehicle.seizures.commodities FORBIDDEN default-deny", "vehicle.seizures.reference FORBIDDEN default-deny"] });
    expect(await ask("POLICE", full, { operations: ["OP-REEFER"] })).toEqual({ data: { vehicle: { seizures: [{ reference: "REEFER-SZ-02", commodities: [{ code: "COCAINE", quantity: 612, unit: "KG" }] }] } }, errors: [] });
  });

  it("ECHO: customs see the AMBER threats case as an envelope and nothing of the AMBER_STRICT one; the postal operator sees only its parcel", async () => {
    const q = `{ phone(e164: "+447700900501") { cases { id originAgency handling } postalItems { reference addressee { name city } customsHit { hit } } } }`;
    expect(await ask("CUSTOMS", q)).toEqual({
      data: { phone: { cases: [envelope("ECHO-CASE-01", "POLICE", "AMBER")], postalItems: [{ reference: "ECHO-PI-01", addressee: { name: "E. Sandford", city: "Bristol" }, customsHit: { hit: false } }] } },
      errors: [],
    });
    expect(await ask("CUSTOMS", `query($id: ID!) { case(id: $id) { id } }`, {}, { id: idOf("ECHO-CASE-02") })).toEqual({ data: { case: null }, errors: [] });
    expect(await ask("POSTAL", q)).toEqual({
      data: { phone: { cases: [], postalItems: [{ reference: "ECHO-PI-01", addressee: { name: "E. Sandford", city: "Bristol" }, customsHit: { hit: false } }] } },
      errors: [],
    });
    // Police see GREEN parcels only when investigating.
    expect(await ask("POLICE", `{ phone(e164: "+447700900501") { postalItems { reference } } }`, { purpose: "intelligence" })).toEqual({ data: { phone: { postalItems: [] } }, errors: [] });
  });

  it("PILLBOX: police read the GREEN and CLEAR seizures but not the officers' notes, and their grading only from clearance 2", async () => {
    const q = `{ email(address: "Sales@Pillbox-Pharma.example") { seizures { reference sourceGrade infoGrade officerNotes } } }`;
    const rows = (grades: boolean) => ["PILLBOX-SZ-01", "PILLBOX-SZ-02"].map((reference) => ({ reference, sourceGrade: grades ? "A" : null, infoGrade: grades ? 1 : null, officerNotes: null }));
    expect(await ask("POLICE", q)).toEqual({ data: { email: { seizures: rows(true) } }, errors: times(2, "email.seizures.officerNotes FORBIDDEN customs-police.no-officer-notes") });
    expect(await ask("POLICE", q, { clearance: 1 })).toEqual({
      data: { email: { seizures: rows(false) } },
      errors: [...times(2, "email.seizures.infoGrade FORBIDDEN grading.needs-clearance"), ...times(2, "email.seizures.officerNotes FORBIDDEN customs-police.no-officer-notes"), ...times(2, "email.seizures.sourceGrade FORBIDDEN grading.needs-clearance")],
    });
  });

  it("PILLBOX: the postal operator learns that customs seized its first parcel; the FIU follows neither seizures nor parcels", async () => {
    expect(await ask("POSTAL", `{ email(address: "sales@pillbox-pharma.example") { postalItems { reference customsHit { hit } } } }`)).toEqual({
      data: { email: { postalItems: [{ reference: "PILLBOX-PI-01", customsHit: { hit: true } }, { reference: "PILLBOX-PI-02", customsHit: { hit: false } }, { reference: "PILLBOX-PI-03", customsHit: { hit: false } }] } },
      errors: [],
    });
    expect(await ask("FIU", `{ email(address: "sales@pillbox-pharma.example") { address seizures { id } postalItems { itemId } } }`)).toEqual({
      data: { email: { address: "sales@pillbox-pharma.example", seizures: null, postalItems: null } },
      errors: ["email.postalItems FORBIDDEN default-deny", "email.seizures FORBIDDEN default-deny"],
    });
  });
});
