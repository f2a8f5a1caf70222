import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../helpers/hub.js";
import { usingPostgres } from "../helpers/databases.js";

const run = promisify(execFile);
let th: TestHub;
let closed = false;

/** `npm run audit -- verify` against the databases of a stopped hub (embedded files or PostgreSQL). */
const verify = async () => {
  try {
    const { stdout } = await run(process.execPath, ["--import", "tsx", "scripts/audit.ts", "verify"], { env: { ...process.env, ...th.env }, cwd: process.cwd() });
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
};

beforeAll(async () => {
  th = await startTestHub({ persist: true });
  await th.query(`{ phone(e164: "+447700900185") { seizures { id } } }`, {}, { token: await th.token("CUSTOMS") });
  await th.hub.close();
  closed = true;
});
afterAll(async () => {
  // The hub is already stopped; drop the databases and the data folder.
  if (!closed) await th?.hub.close();
  await th?.close().catch(() => undefined);
});

describe("npm run audit -- verify", () => {
  it("reports every chain intact, with its row count", async () => {
    const { code, stdout } = await verify();
    expect(code).toBe(0);
    expect(stdout).toMatch(/^customs\.access_audit: ok, 1 rows, head [0-9a-f]{16}$/m);
    expect(stdout).toMatch(/^hub\.request_audit: ok, 1 rows, head [0-9a-f]{16}$/m);
  });

  it("exits 1 and names the table and row after a row was changed behind its back", async () => {
    const tamper = "ALTER TABLE access_audit DISABLE TRIGGER USER; UPDATE access_audit SET subject = 'someone-else'; ALTER TABLE access_audit ENABLE TRIGGER USER;";
    if (usingPostgres()) {
      const client = new pg.Client({ connectionString: th.env.DATABASE_URL_CUSTOMS });
      await client.connect();
      await client.query(tamper);
      await client.end();
    } else {
      const db = await PGlite.create(path.join(th.env.LIAISON_DATA_DIR as string, "pglite", "customs"));
      await db.exec(tamper);
      await db.close();
    }
    const { code, stdout } = await verify();
    expect(code).toBe(1);
    expect(stdout).toMatch(/^customs\.access_audit: BROKEN at seq 1: row content changed \(hash does not match\) \(1 rows\)$/m);
  });
});
