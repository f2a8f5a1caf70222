import { createHash, randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../platform/db/index.js";
import { AGENCY_AUDIT_MIGRATIONS, AUDIT_TABLES, appendChained, appendChainedIn, verifyChain, type AuditRow } from "../../platform/audit/index.js";
import { openThrowawayDatabase } from "./throwaway-database.js";

/* The chain writer on its own, on a throwaway database (PostgreSQL when DATABASE_URL is set, else PGlite). */
let db: Database;
const ds = (): DataSource => db.dataSource;
const key = randomBytes(32);
const append = (rows: readonly AuditRow[]) => appendChained(ds(), "access_audit", rows, key);
const verify = () => verifyChain(ds(), "access_audit", key);

beforeAll(async () => {
  db = await openThrowawayDatabase("chain", [...AGENCY_AUDIT_MIGRATIONS]);
});
afterAll(async () => {
  await db?.close();
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
    await append([
      row({ subject: "a\u0000b", justification: "line1\nline2\u001b[31m", entity_id: "+44\u00007700900101", fields_served: ["x\u0000"] }),
    ]);
    expect(await stored()).toEqual([
      { seq: 1, request_id: "req-1", subject: "a\\u0000b", justification: "line1\\u000aline2\\u001b[31m", entity_id: "+44\\u00007700900101", fields_served: ["x\\u0000"] },
    ]);
    expect(await verify()).toEqual({
      table: "access_audit", rows: 1, ok: true, breaks: [], brokenAtSeq: null, reason: null, head: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it("stores a lone surrogate as U+FFFD, keeps a valid pair, and the chain verifies", async () => {
    await append([
      row({ subject: "x\uD800y", justification: "tail\uDC00", entity_id: "\uD83D\uDE00 ok" }),
      row({ request_id: "req-2" }),
    ]);
    expect(await stored()).toEqual([
      { seq: 1, request_id: "req-1", subject: "x\uFFFDy", justification: "tail\uFFFD", entity_id: "\uD83D\uDE00 ok", fields_served: ["seizures"] },
      { seq: 2, request_id: "req-2", subject: "analyst-1", justification: null, entity_id: "+447700900101", fields_served: ["seizures"] },
    ]);
    expect(await verify()).toMatchObject({ rows: 2, ok: true, breaks: [] });
  });
});

describe("one failing row never fails another caller's request", () => {
  it("rejects only the request whose row cannot be stored; the 29 others commit and the chain verifies", async () => {
    // request_id is NOT NULL: this request's row violates a constraint of the table.
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => append([row({ request_id: i === 17 ? null : `req-${i}` }), row({ request_id: i === 17 ? null : `req-${i}` })])),
    );
    expect(outcomes.map((o) => o.status)).toEqual(Array.from({ length: 30 }, (_, i) => (i === 17 ? "rejected" : "fulfilled")));
    expect(String((outcomes[17] as PromiseRejectedResult).reason)).toMatch(/null value in column "request_id"/);
    const ids = ((await ds().query(`SELECT request_id FROM access_audit ORDER BY seq`)) as Array<{ request_id: string }>).map((r) => r.request_id);
    expect(ids).toEqual(Array.from({ length: 30 }, (_, i) => i).filter((i) => i !== 17).flatMap((i) => [`req-${i}`, `req-${i}`]));
    expect(await verify()).toMatchObject({ rows: 58, ok: true, breaks: [] });
  });

  it("keeps writing after a request alone failed", async () => {
    await expect(append([row({ subject: null })])).rejects.toThrow(/null value in column "subject"/);
    await append([row()]);
    expect(await verify()).toMatchObject({ rows: 1, ok: true });
  });
});

describe("another writer between two appends", () => {
  it("chains after the other writer's rows (the head this writer last wrote is only a guess) and the chain verifies", async () => {
    await append([row({ request_id: "mine-1" })]);
    // Another writer (a policy change's own transaction, another process) appends in between.
    await ds().transaction((manager) => appendChainedIn(manager, "access_audit", [row({ request_id: "other" }), row({ request_id: "other" })], key));
    await append([row({ request_id: "mine-2" }), row({ request_id: "mine-2" })]);
    const ids = ((await ds().query(`SELECT request_id FROM access_audit ORDER BY seq`)) as Array<{ request_id: string }>).map((r) => r.request_id);
    expect(ids).toEqual(["mine-1", "other", "other", "mine-2", "mine-2"]);
    expect(await verify()).toMatchObject({ rows: 5, ok: true, breaks: [] });
  });
});

describe("verifyChain", () => {
  it("reports every break, not only the first", async () => {
    await append(Array.from({ length: 6 }, (_, i) => row({ request_id: `req-${i + 1}` })));
    await ds().query(`ALTER TABLE access_audit DISABLE TRIGGER USER`);
    try {
      await ds().query(`UPDATE access_audit SET subject = 'someone-else' WHERE seq IN (2, 5)`);
      await ds().query(`DELETE FROM access_audit WHERE seq = 3`);
    } finally {
      await ds().query(`ALTER TABLE access_audit ENABLE TRIGGER USER`);
    }
    const report = await verify();
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

/* Someone with write access to the database (the table owner, or a superuser) rewrites history. */
const CONTENT = "row content changed (hash does not match)";
const LINK = "previous row missing or changed (prev_hash does not match)";
type Stored = AuditRow & { seq: string; prev_hash: string; hash: string };

const tamper = async (...statements: string[]) => {
  await ds().query(`ALTER TABLE access_audit DISABLE TRIGGER USER`);
  try {
    for (const sql of statements) await ds().query(sql);
  } finally {
    await ds().query(`ALTER TABLE access_audit ENABLE TRIGGER USER`);
  }
};
const storedRows = async () => (await ds().query(`SELECT * FROM access_audit ORDER BY seq`)) as Stored[];

/** The former, unkeyed row hash: what anyone can recompute after changing a row. */
function plainHash(prev: string, row: AuditRow): string {
  const values = AUDIT_TABLES.access_audit.map((c) => {
    const value = row[c];
    return value instanceof Date ? value.toISOString() : (value ?? null);
  });
  while (values.length > 0 && values[values.length - 1] === null) values.pop();
  return createHash("sha256").update(`${prev}\n${JSON.stringify(values)}`).digest("hex");
}

/** Rewrites rows `from`..`to` with the plain hash recomputed over what is now stored, each linked to the one before. */
async function rehashPlain(from: number, to: number): Promise<void> {
  const rows = await storedRows();
  let prev = rows.find((r) => Number(r.seq) === from)?.prev_hash as string;
  const statements: string[] = [];
  for (const row of rows.filter((r) => Number(r.seq) >= from && Number(r.seq) <= to)) {
    const hash = plainHash(prev, row);
    statements.push(`UPDATE access_audit SET prev_hash = '${prev}', hash = '${hash}' WHERE seq = ${row.seq}`);
    prev = hash;
  }
  await tamper(...statements);
}

const six = () => append(Array.from({ length: 6 }, (_, i) => row({ request_id: `req-${i + 1}` })));

describe("a keyed chain: rewriting history needs the key", () => {
  it("reports a middle row rewritten with its plain SHA-256 hash recomputed: that row's content and the next row's link", async () => {
    await six();
    await tamper(`UPDATE access_audit SET subject = 'someone-else' WHERE seq = 3`);
    await rehashPlain(3, 3);
    expect((await verify()).breaks).toEqual([
      { seq: 3, reason: CONTENT },
      { seq: 4, reason: LINK },
    ]);
  });

  it("reports every row from a rewritten one on when all later plain hashes were recomputed as well", async () => {
    await six();
    await tamper(`UPDATE access_audit SET fields_denied = '{}', fields_served = '{seizures,officerNotes}' WHERE seq = 3`);
    await rehashPlain(3, 6);
    expect((await verify()).breaks).toEqual([
      { seq: 3, reason: CONTENT },
      { seq: 4, reason: CONTENT },
      { seq: 5, reason: CONTENT },
      { seq: 6, reason: CONTENT },
    ]);
  });

  it("reports every row when verified under another key", async () => {
    await append([row(), row()]);
    expect((await verifyChain(ds(), "access_audit", randomBytes(32))).breaks).toEqual([
      { seq: 1, reason: CONTENT },
      { seq: 2, reason: CONTENT },
    ]);
  });

  it("reports two tampered rows far apart as two breaks, each with its seq", async () => {
    await append(Array.from({ length: 20 }, (_, i) => row({ request_id: `req-${i + 1}` })));
    await tamper(`UPDATE access_audit SET entity_id = '+447700900999' WHERE seq IN (3, 17)`);
    expect(await verify()).toMatchObject({
      rows: 20,
      ok: false,
      brokenAtSeq: 3,
      breaks: [
        { seq: 3, reason: CONTENT },
        { seq: 17, reason: CONTENT },
      ],
    });
  });
});

describe("each row's hash covers the previous row's hash", () => {
  it("reports two rows whose contents and hashes were swapped, with the links after them made to match", async () => {
    await six();
    const [, two, three, four, five] = await storedRows();
    const content = (r: Stored) => `request_id = '${r.request_id}', hash = '${r.hash}'`;
    await tamper(
      `UPDATE access_audit SET ${content(four as Stored)} WHERE seq = 2`,
      `UPDATE access_audit SET ${content(two as Stored)} WHERE seq = 4`,
      `UPDATE access_audit SET prev_hash = '${four?.hash}' WHERE seq = ${three?.seq}`,
      `UPDATE access_audit SET prev_hash = '${two?.hash}' WHERE seq = ${five?.seq}`,
    );
    expect((await verify()).breaks).toEqual([
      { seq: 2, reason: CONTENT },
      { seq: 3, reason: CONTENT },
      { seq: 4, reason: CONTENT },
      { seq: 5, reason: CONTENT },
    ]);
  });

  it("reports a row whose prev_hash was changed together with the hash of the row before it", async () => {
    await six();
    const forged = "f".repeat(64);
    await tamper(`UPDATE access_audit SET hash = '${forged}' WHERE seq = 2`, `UPDATE access_audit SET prev_hash = '${forged}' WHERE seq = 3`);
    expect((await verify()).breaks).toEqual([
      { seq: 2, reason: CONTENT },
      { seq: 3, reason: CONTENT },
    ]);
  });
});
