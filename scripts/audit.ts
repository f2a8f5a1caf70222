import { parseArgs } from "node:util";
import { loadConfig } from "../platform/config.js";
import { openDatabase, type Database } from "../platform/db/index.js";
import { verifyChain, type AuditTable } from "../platform/audit/index.js";
import { resolveDatabases } from "../hub/databases.js";
import { lockDataDir } from "../hub/lock.js";
import { SUBGRAPHS } from "../subgraphs/index.js";

const USAGE = `usage: npm run audit -- verify                      check every audit chain (exit 1 if one is broken)
       npm run audit -- who-saw <Type> <id>          who was served a record or identifier, and which fields
       npm run audit -- seen-by <subject>            what one subject was served
Reads the configured PostgreSQL databases, or the embedded ones under LIAISON_DATA_DIR (stop npm start first).`;

const { positionals } = parseArgs({ allowPositionals: true, options: {} });
const [command, ...args] = positionals;
if (!command || !["verify", "who-saw", "seen-by"].includes(command) || (command === "who-saw" && args.length !== 2) || (command === "seen-by" && args.length !== 1)) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}

const config = loadConfig();
const databases = await resolveDatabases(SUBGRAPHS, config, { withHub: true });
const unlock = databases.embedded.length > 0 ? await lockDataDir(config.dataDir) : async () => {};
const open: Array<[string, AuditTable, Database]> = [];
let failed = false;
try {
  for (const [owner, url] of Object.entries(databases.urls)) {
    const db = await openDatabase({ url, entities: [], migrations: [], poolMax: 1 });
    open.push([owner, owner === "hub" ? "request_audit" : "access_audit", db]);
  }
  for (const [owner, table, db] of open) {
    const exists = (await db.dataSource.query(`SELECT to_regclass($1) AS t`, [table])) as Array<{ t: string | null }>;
    if (!exists[0]?.t) {
      process.stdout.write(`${owner}.${table}: no audit table yet (service never started)\n`);
      continue;
    }
    if (command === "verify") {
      const report = await verifyChain(db.dataSource, table);
      failed ||= !report.ok;
      process.stdout.write(
        report.ok
          ? `${owner}.${table}: ok, ${report.rows} rows, head ${report.head.slice(0, 16)}\n`
          : `${owner}.${table}: BROKEN, ${report.breaks.length} break(s) in ${report.rows} rows\n${report.breaks.map((b) => `  seq ${b.seq}: ${b.reason}\n`).join("")}`,
      );
    } else if (table === "access_audit") {
      const [where, params] = command === "who-saw" ? ["entity_type = $1 AND entity_id = $2", args] : ["subject = $1", args];
      const rows = (await db.dataSource.query(
        `SELECT at, subject, agency, purpose, justification, entity_type, entity_id, fields_served, fields_denied, fields_masked, policy_version
           FROM access_audit WHERE ${where} ORDER BY seq`,
        params,
      )) as Array<Record<string, unknown>>;
      for (const row of rows) process.stdout.write(`${owner}\t${JSON.stringify(row)}\n`);
    }
  }
} finally {
  for (const [, , db] of open) await db.close();
  await databases.stop();
  await unlock();
}
process.exit(failed ? 1 : 0);
