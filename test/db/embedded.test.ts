import { execFile } from "node:child_process";
import { readFile, readdir, readlink, stat } from "node:fs/promises";
import { promisify } from "node:util";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../../platform/db/index.js";

/** Inodes of the TCP sockets this process listens on (Linux: /proc/net/tcp{,6} state 0A, matched with /proc/self/fd). */
async function listeningTcpInodes(): Promise<Set<string>> {
  const own = new Set<string>();
  for (const fd of await readdir("/proc/self/fd")) {
    const target = await readlink(`/proc/self/fd/${fd}`).catch(() => "");
    const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
    if (inode) own.add(inode);
  }
  const listening = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    const lines = (await readFile(table, "utf8").catch(() => "")).split("\n").slice(1);
    for (const line of lines) {
      const cols = line.trim().split(/\s+/);
      if (cols[3] === "0A" && cols[9] && own.has(cols[9])) listening.add(cols[9]);
    }
  }
  return listening;
}

let before: Set<string>;
let db: EmbeddedDatabase;

beforeAll(async () => {
  before = process.platform === "linux" ? await listeningTcpInodes() : new Set();
  db = await startEmbeddedDatabase({});
});
afterAll(async () => {
  await db?.stop();
});

describe("embedded database", () => {
  it("is reached through a Unix socket directory in its URL, with no TCP host, port or password", () => {
    expect(db.socketDir.startsWith(path.join(os.tmpdir(), "liaison-pg-"))).toBe(true);
    expect(db.url).toBe(`postgres://postgres@/postgres?host=${encodeURIComponent(db.socketDir)}`);
  });

  it("keeps its socket in a directory only this OS user can enter (mode 0700)", async () => {
    expect((await stat(db.socketDir)).mode & 0o777).toBe(0o700);
    expect((await stat(`${db.socketDir}/.s.PGSQL.5432`)).isSocket()).toBe(true);
  });

  it.runIf(process.platform === "linux")("listens on no TCP port", async () => {
    expect([...(await listeningTcpInodes())].filter((inode) => !before.has(inode))).toEqual([]);
  });

  it("answers the pg driver through its URL", async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      expect((await client.query("SELECT 1 + 1 AS two")).rows).toEqual([{ two: 2 }]);
    } finally {
      await client.end();
    }
  });

  it("removes its socket directory when stopped", async () => {
    const other = await startEmbeddedDatabase({});
    await other.stop();
    await expect(stat(other.socketDir)).rejects.toThrow(/ENOENT/);
  });

  it("removes its socket directory when the process exits without stopping it", async () => {
    const script = `const { startEmbeddedDatabase } = await import("./platform/db/index.ts");
      const db = await startEmbeddedDatabase({}); process.stdout.write(db.socketDir); process.exit(0);`;
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: process.cwd() });
    expect(stdout.startsWith(path.join(os.tmpdir(), "liaison-pg-"))).toBe(true);
    await expect(stat(stdout)).rejects.toThrow(/ENOENT/);
  });
});
