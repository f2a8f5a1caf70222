import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabases, migrationsByOwner } from "../../hub/migrations.js";
import { startHub } from "../../hub/start-hub.js";
import { DATABASE_OWNERS, loadConfig, type DatabaseOwner } from "../../platform/config.js";
import { openDatabase, startEmbeddedDatabase, type EmbeddedDatabase } from "../../platform/db/index.js";
import { createTestDatabases, type TestDatabases } from "../helpers/databases.js";

// The compose services run with DATABASE_MIGRATE=false under roles that cannot change a schema:
// the migrate job must leave nothing pending for any of them.
let dataDir: string;
let embedded: EmbeddedDatabase[] = [];
let testDatabases: TestDatabases | undefined;
const urls: Partial<Record<DatabaseOwner, string>> = {};

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "liaison-migrate-"));
  if (process.env.DATABASE_URL) {
    testDatabases = await createTestDatabases(DATABASE_OWNERS);
    for (const owner of DATABASE_OWNERS) urls[owner] = testDatabases.env[`DATABASE_URL_${owner.toUpperCase()}`];
  } else {
    embedded = await Promise.all(DATABASE_OWNERS.map(() => startEmbeddedDatabase({})));
    DATABASE_OWNERS.forEach((owner, i) => (urls[owner] = (embedded[i] as EmbeddedDatabase).url));
  }
});
afterAll(async () => {
  await Promise.all(embedded.map((db) => db.stop()));
  await testDatabases?.drop();
  await rm(dataDir, { recursive: true, force: true });
});

describe("the migrate job", () => {
  it("lets a service that may not migrate refuse a database with pending migrations, naming it and the job", async () => {
    const hub = [...(migrationsByOwner().get("hub") ?? [])];
    await expect(openDatabase({ url: urls.hub as string, entities: [], migrations: hub, poolMax: 1, runMigrations: false })).rejects.toThrow(
      new RegExp(`^database "(?:[a-z0-9_]*hub|postgres)" has ${hub.length} pending migration\\(s\\) \\(CreateRequestAudit1764200100000, .*run the migrate job first`),
    );
  });

  it("brings every database up to date, owner by owner", async () => {
    const lines: string[] = [];
    expect(await migrateDatabases({ databaseUrls: urls }, (line) => lines.push(line))).toEqual([...DATABASE_OWNERS]);
    expect(lines).toHaveLength(DATABASE_OWNERS.length);
  });

  it("leaves nothing pending for the gateway and any subgraph started with DATABASE_MIGRATE=false", async () => {
    const env: Record<string, string> = { LIAISON_DATA_DIR: dataDir, DATABASE_MIGRATE: "false" };
    for (const owner of DATABASE_OWNERS) env[`DATABASE_URL_${owner.toUpperCase()}`] = urls[owner] as string;
    const hub = await startHub({ config: loadConfig(env), inMemory: true, randomPorts: true });
    await hub.close();
  });
});
