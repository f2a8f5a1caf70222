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
  // Three requests: three rows in the customs delivery audit, three in the hub's request audit.
  for (let i = 0; i < 3; i += 1) await th.query(`{ phone(e164: "+447700900185") { seizures { id } } }`, {}, { token: await th.token("CUSTOMS") });
  await th.hub.close();
  closed = true;
});
afterAll(async () => {
  // The hub is already stopped; drop the databases and the data folder.
  if (!closed) await th?.hub.close();
  await th?.close().catch(() => undefined);
});

/** The verifier's output with each head hash (random per run) replaced by `<head>`. */
const withoutHeads = (stdout: string) => stdout.replace(/head [0-9a-f]{16}$/gm, "head <head>");

describe("npm run audit -- verify", () => {
  it("reports every chain intact, with its row count", async () => {
    const { code, stdout } = await verify();
    expect(code).toBe(0);
    expect(withoutHeads(stdout).split("\n").sort()).toEqual([
      "",
      "customs.access_audit: ok, 3 rows, head <head>",
      "fiu.access_audit: ok, 0 rows, head <head>",
      "hub.request_audit: ok, 3 rows, head <head>",
      "police.access_audit: ok, 0 rows, head <head>",
      "postal.access_audit: ok, 0 rows, head <head>",
    ]);
  });

  it("exits 1 and lists every changed row, not only the first", async () => {
    const tamper =
      "ALTER TABLE access_audit DISABLE TRIGGER USER; UPDATE access_audit SET subject = 'someone-else' WHERE seq IN (1, 3); ALTER TABLE access_audit ENABLE TRIGGER USER;";
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
    expect(withoutHeads(stdout)).toContain(
      [
        "customs.access_audit: BROKEN, 2 break(s) in 3 rows",
        "  seq 1: row content changed (hash does not match)",
        "  seq 3: row content changed (hash does not match)",
        "",
      ].join("\n"),
    );
    expect(stdout.match(/BROKEN|seq \d/g)).toEqual(["BROKEN", "seq 1", "seq 3"]);
  });
});
