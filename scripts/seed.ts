import "reflect-metadata";
import { parseArgs } from "node:util";
import { loadConfig } from "../platform/config.js";
import { openDatabase, type Database } from "../platform/db/index.js";
import { resolveDatabases } from "../hub/databases.js";
import { lockDataDir } from "../hub/lock.js";
import { SUBGRAPHS } from "../subgraphs/index.js";
import { seedDemo, type SeedTargets } from "../demo/index.js";
import { formatSummary } from "../demo/summary.js";
import { DEFAULT_SEED, MAX_SCALE } from "../demo/plan.js";

const USAGE = `usage: npm run seed -- --scale N [--seed S]
  --scale N   background volume: N x (150 seizures, 50 cases, 40 FIU reports, 250 postal items);
              default SEED_SCALE or 1, at most ${MAX_SCALE}
  --seed S    PRNG seed, 0-4294967295 (default ${DEFAULT_SEED})
Seeds the demo data set and its planted networks into the configured PostgreSQL databases
(DATABASE_URL...) or the embedded PGlite under the data directory. Idempotent: running it again
adds nothing; a larger scale adds records. Refuses while \`npm start\` holds the embedded databases.`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

/** A whole number in [min, max] written in plain decimal digits. */
function integer(raw: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = /^\d{1,10}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(value) || value < min || value > max) fail(`--${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return value;
}

let values: { scale?: string; seed?: string; help?: boolean };
try {
  ({ values } = parseArgs({ options: { scale: { type: "string" }, seed: { type: "string" }, help: { type: "boolean", short: "h" } }, allowPositionals: false }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

let config;
try {
  config = loadConfig();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const scale = integer(values.scale, "scale", config.seedScale, 1, MAX_SCALE);
const seed = integer(values.seed, "seed", DEFAULT_SEED, 0, 0xffffffff);
// The agency services that hold records (the admin service works on the hub database, which holds none).
const agencies = SUBGRAPHS.filter((definition) => definition.database !== null && definition.agency !== null);
const embedded = agencies.some((definition) => !config.databaseUrls[definition.name as keyof typeof config.databaseUrls]);

const started = performance.now();
let unlock: () => Promise<void> = async () => {};
let databases: Awaited<ReturnType<typeof resolveDatabases>> | undefined;
const opened = new Map<string, Database>();
let exitCode = 0;
try {
  // PGlite files must not be opened twice: the same lock as `npm start`.
  if (embedded) unlock = await lockDataDir(config.dataDir);
  databases = await resolveDatabases(agencies, config);
  for (const definition of agencies) {
    const url = databases.urls[definition.name];
    if (!url || !definition.database) throw new Error(`no database for ${definition.name}`);
    // One connection per embedded database: PGlite is a single session behind its socket.
    opened.set(definition.name, await openDatabase({ url, ...definition.database, poolMax: databases.embedded.length > 0 ? 1 : 4 }));
  }
  const target = (name: keyof SeedTargets) => {
    const db = opened.get(name);
    if (!db) throw new Error(`no ${name} database among the subgraphs`);
    return db.dataSource;
  };
  const targets: SeedTargets = { customs: target("customs"), police: target("police"), fiu: target("fiu"), postal: target("postal") };
  // Rows per table of each agency database (records and their identifier mentions), from the entity metadata.
  const count = async (): Promise<Record<string, number>> => {
    const rows: Record<string, number> = {};
    for (const [name, dataSource] of Object.entries(targets)) {
      for (const { tableName } of dataSource.entityMetadatas) {
        const [row] = (await dataSource.query(`SELECT count(*)::int AS "n" FROM "${tableName}"`)) as [{ n: number }];
        rows[`${name}.${tableName}`] = row.n;
      }
    }
    return rows;
  };
  const before = await count();
  const seeding = performance.now();
  const summary = await seedDemo(targets, config, { scale, seed });
  const seedSeconds = ((performance.now() - seeding) / 1000).toFixed(1);
  const after = await count();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const added = Object.keys(after).map((table) => `${table} ${after[table]} (+${(after[table] ?? 0) - (before[table] ?? 0)})`);
  process.stdout.write(
    [
      `demo data (seed ${seed}, scale ${scale}): ${formatSummary(summary)}`,
      `storage: ${embedded ? `embedded PGlite under ${config.dataDir}/pglite` : "PostgreSQL"}; rows now: ${added.join(", ")}`,
      `done in ${seconds}s (writing ${seedSeconds}s, the rest opening and migrating the databases)`,
      "",
    ].join("\n"),
  );
} catch (error) {
  process.stderr.write(`seed: ${error instanceof Error ? error.message : String(error)}\n`);
  exitCode = 1;
} finally {
  await Promise.all([...opened.values()].map((db) => db.close()));
  await databases?.stop();
  await unlock();
}
process.exit(exitCode);
