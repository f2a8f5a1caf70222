import { parseArgs } from "node:util";
import type { DataSource } from "typeorm";
import { loadConfig, type DatabaseOwner } from "../platform/config.js";
import { openDatabase, type Database } from "../platform/db/index.js";
import { loadChainKey, verifyAnchors, verifyChain, type AuditTable, type ChainBreak } from "../platform/audit/index.js";
import { resolveDatabases } from "../hub/databases.js";
import { lockDataDir } from "../hub/lock.js";
import { SUBGRAPHS } from "../subgraphs/index.js";

const USAGE = `usage: npm run audit -- verify                      check every audit chain, and every chain against its anchors (exit 1 on any break)
       npm run audit -- who-saw <Type> <id>          who was served a record or identifier, and which fields
       npm run audit -- seen-by <subject> [issuer]   what one subject (of one token issuer) was served
Reads the configured PostgreSQL databases, or the embedded ones under LIAISON_DATA_DIR (stop npm start first).
Keys: AUDIT_CHAIN_KEY_FILE_<OWNER>, else AUDIT_CHAIN_KEY_FILE.`;

const { positionals } = parseArgs({ allowPositionals: true, options: {} });
const [command, ...args] = positionals;
const arity: Record<string, (n: number) => boolean> = { verify: (n) => n === 0, "who-saw": (n) => n === 2, "seen-by": (n) => n === 1 || n === 2 };
if (!command || !arity[command]?.(args.length)) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}

const config = loadConfig();
const databases = await resolveDatabases(SUBGRAPHS, config, { withHub: true });
const unlock = databases.embedded.length > 0 ? await lockDataDir(config.dataDir) : async () => {};
const open: Array<[string, Database]> = [];
let failed = false;
const print = (line: string): void => void process.stdout.write(`${line}\n`);
const tableExists = async (ds: DataSource, table: AuditTable) =>
  Boolean(((await ds.query(`SELECT to_regclass($1) AS t`, [table])) as Array<{ t: string | null }>)[0]?.t);

/** Checks one chain under its owner's key, and against the anchors in the hub database when there are any. */
async function verifyOne(owner: string, table: AuditTable, ds: DataSource, hub: DataSource | null): Promise<void> {
  const name = `${owner}.${table}`;
  const anchored = hub && table !== "audit_anchor" && (await tableExists(hub, "audit_anchor"));
  if (!(await tableExists(ds, table))) {
    const anchors = anchored ? Number(((await hub.query(`SELECT count(*) AS n FROM audit_anchor WHERE source = $1`, [name])) as Array<{ n: string }>)[0]?.n) : 0;
    if (anchors === 0) return print(`${name}: no audit table yet (service never started)`);
    failed = true;
    return print(`${name}: BROKEN, the table is missing but ${anchors} anchor(s) name it`);
  }
  let key: Buffer;
  try {
    key = await loadChainKey(config.auditChainKeyFiles[owner as DatabaseOwner], { create: false });
  } catch (error) {
    failed = true;
    return print(`${name}: cannot verify: ${error instanceof Error ? error.message : String(error)}`);
  }
  const report = await verifyChain(ds, table, key);
  const anchors = anchored ? await verifyAnchors(hub, name, ds, table) : { anchors: 0, breaks: [] };
  // Chain breaks first, then anchor breaks, each in seq order: every break, not only the first.
  const breaks: ChainBreak[] = [...report.breaks, ...anchors.breaks].sort((a, b) => a.seq - b.seq);
  if (breaks.length === 0) {
    return print(`${name}: ok, ${report.rows} rows, ${anchors.anchors} anchor(s), head ${report.head.slice(0, 16)}`);
  }
  failed = true;
  print(`${name}: BROKEN, ${breaks.length} break(s) in ${report.rows} rows`);
  for (const b of breaks) print(`  seq ${b.seq}: ${b.reason}`);
}

try {
  for (const [owner, url] of Object.entries(databases.urls)) {
    open.push([owner, await openDatabase({ url, entities: [], migrations: [], poolMax: 1 })]);
  }
  const hub = open.find(([owner]) => owner === "hub")?.[1].dataSource ?? null;
  for (const [owner, db] of open) {
    if (command === "verify") {
      // admin_audit exists once the admin subgraph's migrations ran.
      const hubTables = ["request_audit", "audit_anchor", ...((await tableExists(db.dataSource, "admin_audit")) ? (["admin_audit"] as const) : [])] as const;
      for (const table of owner === "hub" ? hubTables : (["access_audit"] as const)) {
        await verifyOne(owner, table, db.dataSource, hub);
      }
    } else if (owner !== "hub" && (await tableExists(db.dataSource, "access_audit"))) {
      const [where, params] =
        command === "who-saw" ? ["entity_type = $1 AND entity_id = $2", args] : args.length === 2 ? ["subject = $1 AND issuer = $2", args] : ["subject = $1", args];
      const rows = (await db.dataSource.query(
        `SELECT at, subject, issuer, agency, purpose, justification, entity_type, entity_id, fields_served, fields_denied, fields_masked, policy_version
           FROM access_audit WHERE ${where} ORDER BY seq`,
        params,
      )) as Array<Record<string, unknown>>;
      for (const row of rows) print(`${owner}\t${JSON.stringify(row)}`);
    }
  }
} finally {
  for (const [, db] of open) await db.close();
  await databases.stop();
  await unlock();
}
process.exit(failed ? 1 : 0);
