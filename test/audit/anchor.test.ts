import { randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../platform/db/index.js";
import {
  AGENCY_AUDIT_MIGRATIONS, HUB_AUDIT_MIGRATIONS, appendAnchors, appendChained, readChainHead, startAnchoring, tableAnchorSource, verifyAnchors, verifyChain,
  type AnchorSource, type AuditRow,
} from "../../platform/audit/index.js";
import { openThrowawayDatabase } from "./throwaway-database.js";

/* Chain heads anchored in the hub database catch what a chain alone cannot: a cut-off tail. */
let agency: Database;
let hub: Database;
const customs = (): DataSource => agency.dataSource;
const hubDs = (): DataSource => hub.dataSource;
const customsKey = randomBytes(32);
const hubKey = randomBytes(32);
const SOURCE = "customs.access_audit";

beforeAll(async () => {
  agency = await openThrowawayDatabase("anchoragency", [...AGENCY_AUDIT_MIGRATIONS]);
  hub = await openThrowawayDatabase("anchorhub", [...HUB_AUDIT_MIGRATIONS]);
});
afterAll(async () => {
  await agency?.close();
  await hub?.close();
});

/** Runs statements with the append-only trigger off, as a table owner could. */
const asOwner = async (ds: DataSource, table: string, ...statements: string[]) => {
  await ds.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
  try {
    for (const sql of statements) await ds.query(sql);
  } finally {
    await ds.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
  }
};
beforeEach(async () => {
  await asOwner(customs(), "access_audit", `TRUNCATE access_audit RESTART IDENTITY`);
  await asOwner(hubDs(), "audit_anchor", `TRUNCATE audit_anchor RESTART IDENTITY`);
});

const row = (i: number): AuditRow => ({
  at: new Date("2026-01-02T03:04:05.000Z"), request_id: `req-${i}`, subject: "analyst-1", agency: "POLICE", purpose: "investigation", justification: null,
  entity_type: "Phone", entity_id: "+447700900101", fields_served: ["seizures"], fields_denied: [], fields_masked: [], policy_version: "0123456789abcdef", issuer: "liaison-dev",
});
const append = (from: number, to: number) => appendChained(customs(), "access_audit", Array.from({ length: to - from + 1 }, (_, i) => row(from + i)), customsKey);
const source = (): AnchorSource => tableAnchorSource(SOURCE, customs(), "access_audit");
const anchorHead = async () => appendAnchors(hubDs(), hubKey, [{ source: SOURCE, head: (await readChainHead(customs(), "access_audit")) as NonNullable<Awaited<ReturnType<typeof readChainHead>>> }]);
const anchors = () => hubDs().query(`SELECT source, head_seq::int AS head_seq, rows::int AS rows FROM audit_anchor ORDER BY seq`) as Promise<unknown[]>;

describe("readChainHead", () => {
  it("is null for an empty chain, else the last seq, its hash and the row count", async () => {
    expect(await readChainHead(customs(), "access_audit")).toBeNull();
    await append(1, 3);
    const last = ((await customs().query(`SELECT hash FROM access_audit WHERE seq = 3`)) as Array<{ hash: string }>)[0]?.hash;
    expect(await readChainHead(customs(), "access_audit")).toEqual({ seq: 3, hash: last, rows: 3 });
  });
});

describe("appendAnchors", () => {
  it("anchors a changed head once, skips an unchanged one, and keeps the anchor chain verifiable under the hub key", async () => {
    await append(1, 3);
    expect(await anchorHead()).toEqual({ anchored: [SOURCE], wentBack: [] });
    expect(await anchorHead()).toEqual({ anchored: [], wentBack: [] });
    await append(4, 4);
    expect(await anchorHead()).toEqual({ anchored: [SOURCE], wentBack: [] });
    expect(await anchors()).toEqual([
      { source: SOURCE, head_seq: 3, rows: 3 },
      { source: SOURCE, head_seq: 4, rows: 4 },
    ]);
    expect(await verifyChain(hubDs(), "audit_anchor", hubKey)).toMatchObject({ rows: 2, ok: true, breaks: [] });
    expect(await verifyAnchors(hubDs(), SOURCE, customs(), "access_audit")).toEqual({ source: SOURCE, anchors: 2, breaks: [] });
  });
});

describe("verifyAnchors", () => {
  it("reports a tail cut off after it was anchored, although the shorter chain itself still verifies", async () => {
    await append(1, 3);
    await anchorHead();
    await append(4, 5);
    await anchorHead();
    await asOwner(customs(), "access_audit", `DELETE FROM access_audit WHERE seq >= 4`);
    expect(await verifyChain(customs(), "access_audit", customsKey)).toMatchObject({ rows: 3, ok: true });
    expect((await verifyAnchors(hubDs(), SOURCE, customs(), "access_audit")).breaks).toEqual([
      { seq: 5, reason: "anchored row seq 5 is missing (rows deleted or tail truncated)" },
      { seq: 5, reason: "table holds 3 rows, fewer than the 5 anchored" },
    ]);
  });

  it("still reports the cut once as many rows were appended after it as were cut", async () => {
    await append(1, 5);
    await anchorHead();
    await asOwner(customs(), "access_audit", `DELETE FROM access_audit WHERE seq >= 4`);
    await append(6, 7);
    expect(await verifyChain(customs(), "access_audit", customsKey)).toMatchObject({ rows: 5, ok: true });
    expect((await verifyAnchors(hubDs(), SOURCE, customs(), "access_audit")).breaks).toEqual([
      { seq: 5, reason: "anchored row seq 5 is missing (rows deleted or tail truncated)" },
    ]);
  });

  it("reports an anchored row whose hash changed, and a whole table emptied", async () => {
    await append(1, 2);
    await anchorHead();
    await append(3, 4);
    await anchorHead();
    await asOwner(customs(), "access_audit", `UPDATE access_audit SET hash = '${"e".repeat(64)}' WHERE seq = 2`);
    expect((await verifyAnchors(hubDs(), SOURCE, customs(), "access_audit")).breaks).toEqual([{ seq: 2, reason: "anchored row seq 2 changed since it was anchored" }]);
    await asOwner(customs(), "access_audit", `TRUNCATE access_audit`);
    expect((await verifyAnchors(hubDs(), SOURCE, customs(), "access_audit")).breaks).toEqual([
      { seq: 2, reason: "anchored row seq 2 is missing (rows deleted or tail truncated)" },
      { seq: 4, reason: "anchored row seq 4 is missing (rows deleted or tail truncated)" },
      { seq: 4, reason: "table holds 0 rows, fewer than the 4 anchored" },
    ]);
  });
});

describe("startAnchoring", () => {
  it("anchors every readable source; one failing source is reported and does not stop the others", async () => {
    await append(1, 2);
    const errors: Array<[string, string | null]> = [];
    const failing: AnchorSource = { source: "police.access_audit", head: () => Promise.reject(new Error("police unreachable")) };
    const empty: AnchorSource = { source: "fiu.access_audit", head: async () => null };
    const anchoring = startAnchoring({ hubDataSource: hubDs(), key: hubKey, sources: [failing, source(), empty], intervalMs: 60_000, onError: (e, s) => errors.push([String(e), s]) });
    try {
      await anchoring.anchorNow();
    } finally {
      anchoring.stop();
    }
    expect(errors).toEqual([["Error: police unreachable", "police.access_audit"]]);
    expect(await anchors()).toEqual([{ source: SOURCE, head_seq: 2, rows: 2 }]);
  });

  it("never runs two rounds at once: calls during a round wait for it and share one more round", async () => {
    await append(1, 2);
    let active = 0;
    let most = 0;
    let rounds = 0;
    const slow: AnchorSource = {
      source: SOURCE,
      async head() {
        active += 1;
        rounds += 1;
        most = Math.max(most, active);
        await new Promise((resolve) => setTimeout(resolve, 30));
        active -= 1;
        return readChainHead(customs(), "access_audit");
      },
    };
    const anchoring = startAnchoring({ hubDataSource: hubDs(), key: hubKey, sources: [slow], intervalMs: 60_000, onError: (e) => { throw e; } });
    try {
      await Promise.all([anchoring.anchorNow(), anchoring.anchorNow(), anchoring.anchorNow()]);
    } finally {
      anchoring.stop();
    }
    expect({ most, rounds }).toEqual({ most: 1, rounds: 2 });
  });

  it("reports a source whose head went back behind its last anchor", async () => {
    await append(1, 4);
    const errors: Array<string | null> = [];
    const anchoring = startAnchoring({ hubDataSource: hubDs(), key: hubKey, sources: [source()], intervalMs: 60_000, onError: (_e, s) => errors.push(s) });
    try {
      await anchoring.anchorNow();
      await asOwner(customs(), "access_audit", `DELETE FROM access_audit WHERE seq >= 3`);
      await anchoring.anchorNow();
    } finally {
      anchoring.stop();
    }
    expect(errors).toEqual([SOURCE]);
  });
});
