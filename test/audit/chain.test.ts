import type { DataSource } from "typeorm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, startEmbeddedDatabase, type Database, type EmbeddedDatabase } from "../../platform/db/index.js";
import { appendChained, CreateAccessAudit1764200000000, verifyChain, type AuditRow } from "../../platform/audit/index.js";
import { createTestDatabases, type TestDatabases } from "../helpers/databases.js";

/* The chain writer on its own, on a throwaway database (PostgreSQL when DATABASE_URL is set, else PGlite). */
let databases: TestDatabases;
let embedded: EmbeddedDatabase | undefined;
let db: Database;
const ds = (): DataSource => db.dataSource;

beforeAll(async () => {
  databases = await createTestDatabases(["chain"]);
  let url = databases.env.DATABASE_URL_CHAIN;
  if (!url) {
    embedded = await startEmbeddedDatabase({});
    url = embedded.url;
  }
  db = await openDatabase({ url, entities: [], migrations: [CreateAccessAudit1764200000000], poolMax: 2 });
});
afterAll(async () => {
  await db?.close();
  await embedded?.stop();
  await databases?.drop();
});
beforeEach(async () => {
  // The append-only trigger also refuses TRUNCATE: switch it off to start each test from an empty chain.
  await ds().query(`ALTER TABLE access_audit DISABLE TRIGGER USER`);
  await ds().query(`TRUNCATE access_audit RESTART IDENTITY`);
  await ds().query(`ALTER TABLE access_audit ENABLE TRIGGER USER`);
});

const row = (overrides: Partial<AuditRow> = {}): AuditRow => ({
  at: new Date("2026-01-02T03:04:05.000Z"),
  request_id: "req-1",
  subject: "analyst-1",
  agency: "POLICE",
  purpose: "investigation",
  justification: null,
  entity_type: "Phone",
  entity_id: "+447700900101",
  fields_served: ["seizures"],
  fields_denied: [],
  fields_masked: [],
  policy_version: "0123456789abcdef",
  ...overrides,
});

const stored = () =>
  ds().query(`SELECT seq::int AS seq, request_id, subject, justification, entity_id, fields_served FROM access_audit ORDER BY seq`) as Promise<
    Array<Record<string, unknown>>
  >;

describe("what the audit hashes is what it stores", () => {
  it("stores a NUL and other control characters as escape text, and the chain verifies", async () => {
    await appendChained(ds(), "access_audit", [
      row({ subject: "a\u0000b", justification: "line1\nline2\u001b[31m", entity_id: "+44\u00007700900101", fields_served: ["x\u0000"] }),
    ]);
    expect(await stored()).toEqual([
      { seq: 1, request_id: "req-1", subject: "a\\u0000b", justification: "line1\\u000aline2\\u001b[31m", entity_id: "+44\\u00007700900101", fields_served: ["x\\u0000"] },
    ]);
    expect(await verifyChain(ds(), "access_audit")).toEqual({
      table: "access_audit", rows: 1, ok: true, breaks: [], brokenAtSeq: null, reason: null, head: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it("stores a lone surrogate as U+FFFD, keeps a valid pair, and the chain verifies", async () => {
    await appendChained(ds(), "access_audit", [
      row({ subject: "x\uD800y", justification: "tail\uDC00", entity_id: "\uD83D\uDE00 ok" }),
      row({ request_id: "req-2" }),
    ]);
    expect(await stored()).toEqual([
      { seq: 1, request_id: "req-1", subject: "x\uFFFDy", justification: "tail\uFFFD", entity_id: "\uD83D\uDE00 ok", fields_served: ["seizures"] },
      { seq: 2, request_id: "req-2", subject: "analyst-1", justification: null, entity_id: "+447700900101", fields_served: ["seizures"] },
    ]);
    expect(await verifyChain(ds(), "access_audit")).toMatchObject({ rows: 2, ok: true, breaks: [] });
  });
});

describe("one failing row never fails another caller's request", () => {
  it("rejects only the request whose row cannot be stored; the 29 others commit and the chain verifies", async () => {
    // request_id is NOT NULL: this request's row violates a constraint of the table.
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => appendChained(ds(), "access_audit", [row({ request_id: i === 17 ? null : `req-${i}` }), row({ request_id: i === 17 ? null : `req-${i}` })])),
    );
    expect(outcomes.map((o) => o.status)).toEqual(Array.from({ length: 30 }, (_, i) => (i === 17 ? "rejected" : "fulfilled")));
    expect(String((outcomes[17] as PromiseRejectedResult).reason)).toMatch(/null value in column "request_id"/);
    const ids = ((await ds().query(`SELECT request_id FROM access_audit ORDER BY seq`)) as Array<{ request_id: string }>).map((r) => r.request_id);
    expect(ids).toEqual(Array.from({ length: 30 }, (_, i) => i).filter((i) => i !== 17).flatMap((i) => [`req-${i}`, `req-${i}`]));
    expect(await verifyChain(ds(), "access_audit")).toMatchObject({ rows: 58, ok: true, breaks: [] });
  });

  it("keeps writing after a request alone failed", async () => {
    await expect(appendChained(ds(), "access_audit", [row({ subject: null })])).rejects.toThrow(/null value in column "subject"/);
    await appendChained(ds(), "access_audit", [row()]);
    expect(await verifyChain(ds(), "access_audit")).toMatchObject({ rows: 1, ok: true });
  });
});

describe("verifyChain", () => {
  it("reports every break, not only the first", async () => {
    await appendChained(ds(), "access_audit", Array.from({ length: 6 }, (_, i) => row({ request_id: `req-${i + 1}` })));
    await ds().query(`ALTER TABLE access_audit DISABLE TRIGGER USER`);
    try {
      await ds().query(`UPDATE access_audit SET subject = 'someone-else' WHERE seq IN (2, 5)`);
      await ds().query(`DELETE FROM access_audit WHERE seq = 3`);
    } finally {
      await ds().query(`ALTER TABLE access_audit ENABLE TRIGGER USER`);
    }
    const report = await verifyChain(ds(), "access_audit");
    expect(report).toMatchObject({
      rows: 5,
      ok: false,
      brokenAtSeq: 2,
      reason: "row content changed (hash does not match)",
      breaks: [
        { seq: 2, reason: "row content changed (hash does not match)" },
        { seq: 4, reason: "previous row missing or changed (prev_hash does not match)" },
        { seq: 5, reason: "row content changed (hash does not match)" },
      ],
    });
  });
});
