import type { DataSource } from "typeorm";
import { DATABASE_OWNERS, type DatabaseOwner, type LiaisonConfig } from "../../platform/config.js";
import { openDatabase, type Database } from "../../platform/db/index.js";
import { loadChainKey, verifyAnchors, verifyChain, type AuditTable, type ChainBreak } from "../../platform/audit/index.js";
import { resolveDatabases } from "../../hub/databases.js";
import { lockDataDir } from "../../hub/lock.js";
import { SUBGRAPHS } from "../../subgraphs/index.js";
import type { ChainVerification } from "./audit-format.js";
import { oneLine, Refusal } from "./exit.js";

/*
 * `verify --offline`: the chains of a STOPPED hub, read from its databases by this process, so a
 * verification does not rest on the hub's own answer. The data folder's lock is taken before any
 * embedded database is opened, and a hub holding it is a one-line refusal: PGlite files opened by
 * two processes abort one of them and can be damaged.
 */

const tableExists = async (ds: DataSource, table: AuditTable) =>
  Boolean(((await ds.query(`SELECT to_regclass($1) AS t`, [table])) as Array<{ t: string | null }>)[0]?.t);

const missing = (chain: string, anchors: number, rows = 0): ChainVerification => ({ chain, ok: anchors === 0, rows, anchors, head: null, breaks: anchors === 0 ? [] : [{ seq: 0, reason: `the table is missing but ${anchors} anchor(s) name it` }] });

/** One chain under its owner's key, and against the anchors in the hub database when there are any. */
async function verifyOne(config: LiaisonConfig, owner: string, table: AuditTable, ds: DataSource, hub: DataSource | null): Promise<ChainVerification | string> {
  const chain = `${owner}.${table}`;
  const anchored = hub !== null && table !== "audit_anchor" && (await tableExists(hub, "audit_anchor"));
  if (!(await tableExists(ds, table))) {
    const anchors = anchored ? Number(((await hub.query(`SELECT count(*) AS n FROM audit_anchor WHERE source = $1`, [chain])) as Array<{ n: string }>)[0]?.n) : 0;
    return anchors === 0 ? `${chain}: no audit table yet (service never started)` : missing(chain, anchors);
  }
  let key: Buffer;
  try {
    key = await loadChainKey(config.auditChainKeyFiles[owner as DatabaseOwner], { create: false });
  } catch (error) {
    return { chain, ok: false, rows: 0, anchors: 0, head: null, breaks: [{ seq: 0, reason: `cannot verify: ${oneLine(error)}` }] };
  }
  const report = await verifyChain(ds, table, key);
  const anchors = anchored ? await verifyAnchors(hub, chain, ds, table) : { anchors: 0, breaks: [] };
  const breaks: ChainBreak[] = [...report.breaks, ...anchors.breaks];
  return { chain, ok: breaks.length === 0, rows: report.rows, anchors: anchors.anchors, head: report.head, breaks };
}

/** Every chain of every database of a stopped hub: a report each, or a line for a table not there yet. */
export async function verifyOffline(config: LiaisonConfig): Promise<Array<ChainVerification | string>> {
  const embedded = DATABASE_OWNERS.some((owner) => !config.databaseUrls[owner]);
  let unlock = async () => {};
  if (embedded) {
    try {
      unlock = await lockDataDir(config.dataDir);
    } catch (error) {
      throw new Refusal(`verify --offline refused: ${oneLine(error)} (run npm run audit -- verify against the running hub instead)`);
    }
  }
  const open: Array<[string, Database]> = [];
  const results: Array<ChainVerification | string> = [];
  const databases = await resolveDatabases(SUBGRAPHS, config, { withHub: true }).catch(async (error: unknown) => {
    await unlock();
    throw error;
  });
  try {
    for (const [owner, url] of Object.entries(databases.urls)) open.push([owner, await openDatabase({ url, entities: [], migrations: [], poolMax: 1 })]);
    const hub = open.find(([owner]) => owner === "hub")?.[1].dataSource ?? null;
    for (const [owner, db] of open) {
      // admin_audit exists once the admin subgraph's migrations ran.
      const tables: AuditTable[] =
        owner === "hub" ? ["request_audit", "audit_anchor", ...((await tableExists(db.dataSource, "admin_audit")) ? (["admin_audit"] as const) : [])] : ["access_audit"];
      for (const table of tables) results.push(await verifyOne(config, owner, table, db.dataSource, hub));
    }
  } finally {
    for (const [, db] of open) await db.close();
    await databases.stop();
    await unlock();
  }
  return results;
}
