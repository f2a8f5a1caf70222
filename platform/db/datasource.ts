import { DataSource, MigrationExecutor, type EntitySchema, type MixedList } from "typeorm";
import { QueryCounter } from "./query-counter.js";

export interface DatabaseOptions {
  readonly url: string;
  // TypeORM's own option types: entity classes and migration classes.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly migrations: MixedList<Function | string>;
  /** Pool size; keep small on the embedded database, whose server drops connections beyond its limit. */
  readonly poolMax?: number;
  /** Bring the schema up to date (default); false: refuse to open while a migration is pending (a migrate job owns the schema). */
  readonly runMigrations?: boolean;
}

export interface Database {
  readonly dataSource: DataSource;
  readonly counter: QueryCounter;
  close(): Promise<void>;
}

/**
 * Opens a DataSource and brings its schema up to date with the checked-in migrations (never
 * `synchronize`), or, with `runMigrations: false`, checks that no migration is pending: a service
 * whose database role may not change the schema must not start on an older one.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const counter = new QueryCounter();
  const dataSource = new DataSource({
    type: "postgres",
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTransactionMode: "each",
    synchronize: false,
    logging: ["query", "error", "warn"],
    logger: counter,
    maxQueryExecutionTime: 1000,
    extra: { max: options.poolMax ?? 4, idleTimeoutMillis: 30_000 },
  });
  await dataSource.initialize();
  try {
    if (options.runMigrations === false) await refusePendingMigrations(dataSource);
    else await dataSource.runMigrations();
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return {
    dataSource,
    counter,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}

async function refusePendingMigrations(dataSource: DataSource): Promise<void> {
  const pending = await new MigrationExecutor(dataSource).getPendingMigrations();
  if (pending.length === 0) return;
  const [row] = (await dataSource.query("SELECT current_database() AS name")) as Array<{ name: string }>;
  throw new Error(
    `database "${row?.name ?? "?"}" has ${pending.length} pending migration(s) (${pending.map((m) => m.name).join(", ")}) ` +
      "and this service does not change the schema (DATABASE_MIGRATE=false): run the migrate job first " +
      "(docker compose run --rm migrate, or tsx hub/service.ts migrate)",
  );
}
