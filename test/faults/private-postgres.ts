import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { chmod, chown, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { closedPort } from "../helpers/cli.js";

/*
 * A PostgreSQL cluster of the test's own, in a temporary folder on a free port, run as the
 * `postgres` OS user: fault tests stop and restart it without touching the server other tests use.
 */

/** PostgreSQL 15's binaries (STACK.md), or the newest installed version's (CI installs Debian's current one). */
function binaries(): string {
  const versions = existsSync("/usr/lib/postgresql") ? readdirSync("/usr/lib/postgresql").filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  return path.join("/usr/lib/postgresql", versions.includes("15") ? "15" : (versions[0] ?? "15"), "bin");
}
const BIN = binaries();
const run = promisify(execFile);

/** Why a private cluster cannot run here, or null when it can. */
export function privatePostgresMissing(): string | null {
  if (!existsSync(path.join(BIN, "initdb")) || !existsSync(path.join(BIN, "pg_ctl"))) return `PostgreSQL binaries (initdb, pg_ctl) not found in ${BIN}`;
  if (process.getuid?.() !== 0) return "starting a private cluster as the postgres user needs root (runuser)";
  return null;
}

export interface PrivatePostgres {
  readonly port: number;
  /** The URL of one database of the cluster. */
  url(database: string): string;
  /** Creates databases (one per owner) and returns DATABASE_URL_<OWNER> settings for them. */
  createDatabases(owners: readonly string[]): Promise<Record<string, string>>;
  /** pg_ctl restart -m fast: every connection is cut, the cluster is back when this returns. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "liaison-pg-"));
  const { stdout } = await run("id", ["-u", "postgres"]);
  const { stdout: gid } = await run("id", ["-g", "postgres"]);
  await chown(dir, Number(stdout.trim()), Number(gid.trim()));
  await chmod(dir, 0o700);
  const data = path.join(dir, "data");
  const port = await closedPort();
  const asPostgres = (command: string, args: string[]) => run("runuser", ["-u", "postgres", "--", path.join(BIN, command), ...args], { timeout: 60_000 });
  await asPostgres("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200`;
  const ctl = (...args: string[]) => asPostgres("pg_ctl", ["-D", data, "-l", path.join(dir, "log"), "-w", "-t", "60", ...args]);
  await ctl("-o", options, "start");
  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    async createDatabases(owners) {
      const admin = new pg.Client({ connectionString: url("postgres") });
      await admin.connect();
      try {
        for (const owner of owners) await admin.query(`CREATE DATABASE "${owner}"`);
      } finally {
        await admin.end();
      }
      return Object.fromEntries(owners.map((owner) => [`DATABASE_URL_${owner.toUpperCase()}`, url(owner)]));
    },
    async restart() {
      await ctl("-m", "fast", "-o", options, "restart");
    },
    async stop() {
      await ctl("-m", "immediate", "stop").catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
