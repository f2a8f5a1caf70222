import type { MigrationInterface } from "typeorm";
import { AGENCY_AUDIT_MIGRATIONS, HUB_AUDIT_MIGRATIONS } from "../platform/audit/index.js";
import { DATABASE_OWNERS, type DatabaseOwner, type LiaisonConfig } from "../platform/config.js";
import { openDatabase } from "../platform/db/index.js";
import { CreateJointOperation1764300000000, OperationAdmin1764500000300 } from "../platform/operations/index.js";
import { CreatePolicyStore1764500000000 } from "../platform/policy-store/index.js";
import type { SubgraphDefinition } from "../platform/subgraph/index.js";
import { SUBGRAPHS } from "../subgraphs/index.js";

type Migrations = ReadonlyArray<new () => MigrationInterface>;

/*
 * Every migration of each database, for the one-shot migrate job (docker-compose), whose owner
 * role alone may change the schema. The services open the same databases with parts of these
 * lists (platform/subgraph/start.ts, gateway/index.ts, hub/start-hub.ts) and, with
 * DATABASE_MIGRATE=false, refuse to start while one of theirs is pending.
 */

/** The hub database: the gateway's request audit and anchors, the joint-operation registry and the policy store. */
export const HUB_MIGRATIONS: Migrations = [...HUB_AUDIT_MIGRATIONS, CreateJointOperation1764300000000, CreatePolicyStore1764500000000, OperationAdmin1764500000300];

/** Each database owner's full migration list, from the subgraph definitions that own data. */
export function migrationsByOwner(definitions: readonly SubgraphDefinition[] = SUBGRAPHS): ReadonlyMap<DatabaseOwner, Migrations> {
  const lists = new Map<DatabaseOwner, Migrations>();
  lists.set("hub", HUB_MIGRATIONS);
  for (const definition of definitions) {
    if (!definition.database) continue;
    const owner = definition.databaseOwner ?? (definition.name as DatabaseOwner);
    // An agency database also holds its delivery audit; a service on another's database (admin on the hub's) adds its own tables.
    const own = [...(definition.database.migrations as unknown as Migrations), ...(definition.enforced === false ? [] : AGENCY_AUDIT_MIGRATIONS)];
    lists.set(owner, [...new Set([...(lists.get(owner) ?? []), ...own])]);
  }
  return lists;
}

/**
 * Brings every configured database up to date, one after the other, and returns the owners
 * migrated. Owners without a URL are skipped, so one job may serve a subset of databases.
 */
export async function migrateDatabases(
  config: Pick<LiaisonConfig, "databaseUrls">,
  report: (line: string) => void = () => {},
  definitions?: readonly SubgraphDefinition[],
): Promise<DatabaseOwner[]> {
  const lists = migrationsByOwner(definitions);
  const done: DatabaseOwner[] = [];
  for (const owner of DATABASE_OWNERS) {
    const url = config.databaseUrls[owner];
    const migrations = lists.get(owner);
    if (!url || !migrations) continue;
    try {
      const db = await openDatabase({ url, entities: [], migrations: [...migrations], poolMax: 1 });
      await db.close();
    } catch (error) {
      throw new Error(`${owner} database: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    report(`${owner}: schema up to date (${migrations.length} migrations)`);
    done.push(owner);
  }
  return done;
}
