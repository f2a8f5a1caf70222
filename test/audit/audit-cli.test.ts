import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import path from "node:path";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../helpers/hub.js";
import { usingPostgres } from "../helpers/databases.js";
import { appendAnchors, loadChainKey, readChainHead, type ChainHead } from "../../platform/audit/index.js";

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
  // Both heads anchored in the hub database (as the gateway does from time to time).
  const hub = th.hub.gateway.hubDataSource;
  const customs = th.hub.subgraphs.customs?.dataSource as DataSource;
  await appendAnchors(hub, await loadChainKey(th.config.auditChainKeyFile, { create: false }), [
    { source: "customs.access_audit", head: (await readChainHead(customs, "access_audit")) as ChainHead },
    { source: "hub.request_audit", head: (await readChainHead(hub, "request_audit")) as ChainHead },
  ]);
  await th.hub.close();
  closed = true;
});
afterAll(async () => {
  // The hub is already stopped; drop the databases and the data folder.
  if (!closed) await th?.hub.close();
  await th?.close().catch(() => undefined);
});

/** Runs SQL on one owner's database of the stopped hub with the append-only trigger off, as its owner could. */
async function tamper(owner: string, table: string, sql: string): Promise<void> {
  const statements = `ALTER TABLE ${table} DISABLE TRIGGER USER; ${sql}; ALTER TABLE ${table} ENABLE TRIGGER USER;`;
  if (usingPostgres()) {
    const client = new pg.Client({ connectionString: th.env[`DATABASE_URL_${owner.toUpperCase()}`] });
    await client.connect();
    await client.query(statements);
    await client.end();
  } else {
    const db = await PGlite.create(path.join(th.env.LIAISON_DATA_DIR as string, "pglite", owner));
    await db.exec(statements);
    await db.close();
  }
}

/** The verifier's output with each head hash (random per run) replaced by `<head>`. */
const withoutHeads = (stdout: string) => stdout.replace(/head [0-9a-f]{16}$/gm, "head <head>");

describe("npm run audit -- verify", () => {
  it("reports every chain intact, with its row count", async () => {
    const { code, stdout } = await verify();
    expect(code).toBe(0);
    expect(withoutHeads(stdout).split("\n").sort()).toEqual([
      "",
      "customs.access_audit: ok, 3 rows, 1 anchor(s), head <head>",
      "fiu.access_audit: ok, 0 rows, 0 anchor(s), head <head>",
      // The import of the default policy documents on first start.
      "hub.admin_audit: ok, 1 rows, 1 anchor(s), head <head>",
      "hub.audit_anchor: ok, 3 rows, 0 anchor(s), head <head>",
      "hub.request_audit: ok, 3 rows, 1 anchor(s), head <head>",
      "police.access_audit: ok, 0 rows, 0 anchor(s), head <head>",
      "postal.access_audit: ok, 0 rows, 0 anchor(s), head <head>",
    ]);
  });

  it("exits 1 and lists every changed row, not only the first", async () => {
    await tamper("customs", "access_audit", "UPDATE access_audit SET subject = 'someone-else' WHERE seq IN (1, 3)");
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

  it("exits 1 and reports a tail cut off after it was anchored, beside the other chain's breaks", async () => {
    await tamper("hub", "request_audit", "DELETE FROM request_audit WHERE seq = 3");
    const { code, stdout } = await verify();
    expect(code).toBe(1);
    expect(withoutHeads(stdout)).toContain(
      [
        "hub.request_audit: BROKEN, 2 break(s) in 2 rows",
        "  seq 3: anchored row seq 3 is missing (rows deleted or tail truncated)",
        "  seq 3: table holds 2 rows, fewer than the 3 anchored",
        "",
      ].join("\n"),
    );
    expect(stdout.match(/^\S+: BROKEN/gm)?.sort()).toEqual(["customs.access_audit: BROKEN", "hub.request_audit: BROKEN"]);
    expect(stdout).toContain("hub.audit_anchor: ok, 3 rows");
  });
});
