import { randomBytes } from "node:crypto";
import pg from "pg";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrlFor } from "../../platform/config.js";
import { openDatabase, type Database } from "../../platform/db/index.js";
import { AGENCY_AUDIT_MIGRATIONS, HUB_AUDIT_MIGRATIONS, appendChained, verifyChain, type AuditRow } from "../../platform/audit/index.js";
import { revokeChanges } from "../../platform/audit/restrict.migration.js";

/*
 * The reference deployment's roles, on real PostgreSQL: `<svc>_owner` owns the database and runs
 * the migrations; the runtime role `<svc>` gets DML on every new table by default privileges. The
 * audit table must still be INSERT-only for the runtime role.
 */
const base = process.env.DATABASE_URL;
const prefix = `liaison_t${randomBytes(4).toString("hex")}`;
const owner = `${prefix}_owner`;
const runtime = `${prefix}_svc`;
const database = `${prefix}_restrict`;
const hubDatabase = `${prefix}_restricthub`;
const key = randomBytes(32);
let asOwner: Database;
let asRuntime: Database;
let hubAsRuntime: Database;

/** The superuser URL of the test database, with every statement of the session run as `role`. */
const urlAs = (role: string, db = database) => `${databaseUrlFor(base as string, db)}?options=${encodeURIComponent(`-c role=${role}`)}`;

async function superuser(sql: string[], db?: string): Promise<void> {
  const client = new pg.Client({ connectionString: db ? databaseUrlFor(base as string, db) : base });
  await client.connect();
  try {
    for (const statement of sql) await client.query(statement);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  if (!base) return;
  await superuser([`CREATE ROLE "${owner}" NOLOGIN`, `CREATE ROLE "${runtime}" NOLOGIN`]);
  for (const db of [database, hubDatabase]) {
    await superuser([`CREATE DATABASE "${db}" OWNER "${owner}"`]);
    await superuser(
      [
        `ALTER DEFAULT PRIVILEGES FOR ROLE "${owner}" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "${runtime}"`,
        `ALTER DEFAULT PRIVILEGES FOR ROLE "${owner}" GRANT USAGE, SELECT ON SEQUENCES TO "${runtime}"`,
      ],
      db,
    );
  }
  const hubAsOwner = await openDatabase({ url: urlAs(owner, hubDatabase), entities: [], migrations: [...HUB_AUDIT_MIGRATIONS], poolMax: 1 });
  await hubAsOwner.close();
  hubAsRuntime = await openDatabase({ url: urlAs(runtime, hubDatabase), entities: [], migrations: [], poolMax: 1 });
  asOwner = await openDatabase({ url: urlAs(owner), entities: [], migrations: [...AGENCY_AUDIT_MIGRATIONS], poolMax: 1 });
  await asOwner.dataSource.query(`CREATE TABLE seizure_note (id int PRIMARY KEY, body text NOT NULL)`);
  await asOwner.dataSource.query(`INSERT INTO seizure_note VALUES (1, 'first')`);
  asRuntime = await openDatabase({ url: urlAs(runtime), entities: [], migrations: [], poolMax: 1 });
});
afterAll(async () => {
  if (!base) return;
  await asRuntime?.close();
  await asOwner?.close();
  await hubAsRuntime?.close();
  await superuser([`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`, `DROP DATABASE IF EXISTS "${hubDatabase}" WITH (FORCE)`, `DROP ROLE IF EXISTS "${runtime}"`, `DROP ROLE IF EXISTS "${owner}"`]);
});

const runtimeDs = (): DataSource => asRuntime.dataSource;
const sqlState = (sql: string) =>
  runtimeDs()
    .query(sql)
    .then(
      () => "succeeded",
      (error: unknown) => (error as { code?: string }).code,
    );
const row: AuditRow = {
  at: new Date(), request_id: "req-1", subject: "analyst-1", agency: "POLICE", purpose: "investigation", justification: null, entity_type: "Phone",
  entity_id: "+447700900101", fields_served: ["seizures"], fields_denied: [], fields_masked: [], policy_version: "0123456789abcdef", issuer: "liaison-dev",
};

describe.skipIf(!base)("audit tables are INSERT-only for the runtime role (PostgreSQL)", () => {
  it("runs as the roles it means to test", async () => {
    expect(await asOwner.dataSource.query(`SELECT current_user AS u`)).toEqual([{ u: owner }]);
    expect(await runtimeDs().query(`SELECT current_user AS u`)).toEqual([{ u: runtime }]);
  });

  it("lets the runtime role append to the chain and read it", async () => {
    await appendChained(runtimeDs(), "access_audit", [row, row], key);
    expect(await verifyChain(runtimeDs(), "access_audit", key)).toMatchObject({ rows: 2, ok: true });
  });

  it("still lets the runtime role change an ordinary table (the default privileges are in force)", async () => {
    expect(await sqlState(`UPDATE seizure_note SET body = 'second' WHERE id = 1`)).toBe("succeeded");
  });

  it.each([
    ["UPDATE", `UPDATE access_audit SET subject = 'someone-else'`],
    ["DELETE", `DELETE FROM access_audit`],
    ["TRUNCATE", `TRUNCATE access_audit`],
    ["disabling its triggers", `ALTER TABLE access_audit DISABLE TRIGGER ALL`],
    ["DROP", `DROP TABLE access_audit`],
  ])("refuses %s on access_audit to the runtime role with permission denied (42501)", async (_what, sql) => {
    expect(await sqlState(sql)).toBe("42501");
  });

  it("leaves the runtime role only SELECT and INSERT on access_audit, and revoking again changes nothing", async () => {
    await asOwner.dataSource.query(revokeChanges("access_audit"));
    const privileges = (await asOwner.dataSource.query(
      `SELECT privilege_type FROM information_schema.role_table_grants WHERE table_name = 'access_audit' AND grantee = $1 ORDER BY privilege_type`,
      [runtime],
    )) as Array<{ privilege_type: string }>;
    expect(privileges.map((p) => p.privilege_type)).toEqual(["INSERT", "SELECT"]);
  });

  it("leaves the runtime role only SELECT and INSERT on the hub's request_audit and audit_anchor", async () => {
    const privileges = (await hubAsRuntime.dataSource.query(
      `SELECT table_name, string_agg(privilege_type, ',' ORDER BY privilege_type) AS p FROM information_schema.role_table_grants
        WHERE table_name IN ('request_audit', 'audit_anchor') AND grantee = $1 GROUP BY table_name ORDER BY table_name`,
      [runtime],
    )) as unknown[];
    expect(privileges).toEqual([
      { table_name: "audit_anchor", p: "INSERT,SELECT" },
      { table_name: "request_audit", p: "INSERT,SELECT" },
    ]);
    const state = (sql: string) => hubAsRuntime.dataSource.query(sql).then(() => "succeeded", (e: unknown) => (e as { code?: string }).code);
    expect([await state(`DELETE FROM request_audit`), await state(`UPDATE audit_anchor SET rows = 0`)]).toEqual(["42501", "42501"]);
  });
});
