import { describe, expect, it } from "vitest";
import { parse } from "graphql";
import { loadConfig } from "../../platform/config.js";
import { normaliseIban, normalisePhone } from "../../schema/identifiers/index.js";
import { PLANTED_NETWORKS } from "../../demo/index.js";
import { checkNetworkCodes, networkRecords } from "../../demo/networks/index.js";
import { DEFAULT_SEED, planDemo, resolveOptions } from "../../demo/plan.js";
import type { RecordSet } from "../../demo/records.js";
import { sharedIdentifiers } from "../../demo/separation.js";

const config = loadConfig({});
const scale1 = planDemo(config);
const planted = networkRecords();
const NETWORK_COUNTS = { seizures: planted.seizures.length, cases: planted.cases.length, fiuReports: planted.fiuReports.length, postalItems: planted.postalItems.length };

const byReference = (set: RecordSet) => new Map([...set.seizures, ...set.cases, ...set.fiuReports, ...set.postalItems].map((r) => [r.reference, JSON.stringify(r)]));
const pct = (part: number, whole: number) => (100 * part) / whole;

describe("demo plan (pure, no database)", () => {
  it("is deterministic: the same seed and scale give the same inputs", () => {
    expect(JSON.stringify(planDemo(config, { seed: DEFAULT_SEED, scale: 1 }))).toBe(JSON.stringify(scale1));
  });

  it("has the volumes per scale unit plus the planted networks", () => {
    expect(NETWORK_COUNTS).toEqual({ seizures: 12, cases: 5, fiuReports: 3, postalItems: 10 });
    const scale3 = planDemo(config, { scale: 3 });
    for (const [plan, n] of [[scale1, 1], [scale3, 3]] as const) {
      expect(plan.seizures.length).toBe(150 * n + NETWORK_COUNTS.seizures);
      expect(plan.cases.length).toBe(50 * n + NETWORK_COUNTS.cases);
      expect(plan.fiuReports.length).toBe(40 * n + NETWORK_COUNTS.fiuReports);
      expect(plan.postalItems.length).toBe(250 * n + NETWORK_COUNTS.postalItems);
    }
  });

  it("only appends records at a larger scale (so seeding scale 2 after scale 1 never conflicts)", () => {
    const larger = byReference(planDemo(config, { scale: 2 }));
    for (const [reference, json] of byReference(scale1)) expect(larger.get(reference), reference).toBe(json);
  });

  it("gives other background records for another seed, and the same planted networks", () => {
    const other = planDemo(config, { seed: 7 });
    expect(JSON.stringify(other.seizures.slice(NETWORK_COUNTS.seizures))).not.toBe(JSON.stringify(scale1.seizures.slice(NETWORK_COUNTS.seizures)));
    expect(JSON.stringify(other.seizures.slice(0, NETWORK_COUNTS.seizures))).toBe(JSON.stringify(scale1.seizures.slice(0, NETWORK_COUNTS.seizures)));
  });

  it.each([1, 2, 5])("holds the WCO shares at scale %i: postal+express 44.8% of seizures, 78.9% of NPS seizures postal", (scale) => {
    const plan = scale === 1 ? scale1 : planDemo(config, { scale });
    const postalExpress = plan.seizures.filter((s) => s.transportMode === "POSTAL" || s.transportMode === "EXPRESS").length;
    const nps = plan.seizures.filter((s) => s.commodities.some((c) => c.code === "NPS"));
    expect(Math.abs(pct(postalExpress, plan.seizures.length) - 44.8)).toBeLessThanOrEqual(1);
    expect(Math.abs(pct(nps.filter((s) => s.transportMode === "POSTAL").length, nps.length) - 78.9)).toBeLessThanOrEqual(3);
  });

  it("keeps background identifiers valid and apart from the planted networks", () => {
    const background: RecordSet = {
      seizures: scale1.seizures.slice(NETWORK_COUNTS.seizures),
      cases: scale1.cases.slice(NETWORK_COUNTS.cases),
      fiuReports: scale1.fiuReports.slice(NETWORK_COUNTS.fiuReports),
      postalItems: scale1.postalItems.slice(NETWORK_COUNTS.postalItems),
    };
    const json = JSON.stringify(background);
    expect(json).not.toContain("+447700900");
    const phones = [...json.matchAll(/"(\+\d{8,15})"/g)].map((m) => m[1] as string);
    expect(phones.length).toBeGreaterThan(300);
    for (const phone of phones) expect(normalisePhone(phone)).toBe(phone);
    const ibans = [...json.matchAll(/"([A-Z]{2}\d{2}[A-Z0-9]{10,30})"/g)].map((m) => m[1] as string).filter((v) => !/^[A-Z]{2}\d{9}[A-Z]{2}$/.test(v));
    expect(ibans.length).toBeGreaterThan(50);
    for (const iban of ibans) expect(normaliseIban(iban)).toBe(iban);
    expect(sharedIdentifiers(planted, background)).toEqual([]);
    // The check itself works: the networks share identifiers with themselves.
    expect(sharedIdentifiers(planted, planted)).toContain("+447700900101");
  });

  it("dates every record inside 2024-01-01..2025-12-31", () => {
    const dates = [
      ...scale1.seizures.map((s) => s.date),
      ...scale1.cases.flatMap((c) => [c.openedAt, c.closedAt ?? c.openedAt, ...(c.events ?? []).map((e) => e.at.toISOString().slice(0, 10))]),
      ...scale1.fiuReports.flatMap((r) => [r.submittedAt.toISOString().slice(0, 10), ...(r.transactions ?? []).map((t) => t.date)]),
      ...scale1.postalItems.flatMap((p) => [p.postedAt.toISOString().slice(0, 10), ...(p.trackingEvents ?? []).map((e) => e.at.toISOString().slice(0, 10))]),
    ].sort();
    expect(dates[0] >= "2024-01-01").toBe(true);
    expect((dates.at(-1) as string) <= "2025-12-31").toBe(true);
  });

  it("rejects a bad scale or seed, and code lists that cannot carry the networks", () => {
    expect(() => resolveOptions({ scale: 0 })).toThrow(/scale/);
    expect(() => resolveOptions({ scale: 1.5 })).toThrow(/scale/);
    expect(() => resolveOptions({ seed: -1 })).toThrow(/seed/);
    expect(resolveOptions({})).toEqual({ seed: 20251126, scale: 1 });
    expect(() => checkNetworkCodes(loadConfig({ COMMODITY_CODES: "COCAINE,CASH" }))).toThrow(/LANTERN needs COMMODITY_CODES NPS, NITAZENES/);
  });
});

describe("PLANTED_NETWORKS", () => {
  const records = [...planted.seizures.map((r) => ["CUSTOMS", r.reference] as const), ...planted.cases.map((r) => ["POLICE", r.reference] as const), ...planted.fiuReports.map((r) => ["FIU", r.reference] as const), ...planted.postalItems.map((r) => ["POSTAL", r.reference] as const)];

  it("plants at least six networks, each named by its references and spanning two agencies or more", () => {
    expect(PLANTED_NETWORKS.length).toBeGreaterThanOrEqual(6);
    expect(new Set(PLANTED_NETWORKS.map((n) => n.id)).size).toBe(PLANTED_NETWORKS.length);
    for (const network of PLANTED_NETWORKS) {
      const agencies = new Set(records.filter(([, reference]) => reference.startsWith(`${network.id}-`)).map(([agency]) => agency));
      expect(agencies.size, network.id).toBeGreaterThanOrEqual(2);
      expect(network.story.split(/(?<=\.) /).length, network.id).toBeGreaterThanOrEqual(2);
      expect(network.identifiers.length, network.id).toBeGreaterThan(0);
      expect(() => parse(network.tryQuery), network.id).not.toThrow();
    }
    // Every planted record belongs to a network.
    for (const [, reference] of records) expect(PLANTED_NETWORKS.some((n) => reference.startsWith(`${n.id}-`)), reference).toBe(true);
  });

  it("gives network n only phones from +447700900n01..n99", () => {
    PLANTED_NETWORKS.forEach((network, n) => {
      const own = JSON.stringify([...planted.seizures, ...planted.cases, ...planted.fiuReports, ...planted.postalItems].filter((r) => r.reference.startsWith(`${network.id}-`)));
      for (const match of own.matchAll(/\+447700900(\d)\d\d/g)) expect(Number(match[1]), `${network.id} ${match[0]}`).toBe(n + 1);
    });
  });
});
