import { DataSource, Migration, MigrationExecutor, type EntitySchema, type MigrationInterface, type MixedList } from "typeorm";
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

/**
 * Uses a DataSource someone else opened (and will close): brings the given migrations up to date on
 * it, or with `runMigrations: false` refuses while one is pending. Its own migration list is left alone.
 */
export async function attachDatabase(
  dataSource: DataSource,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>,
  runMigrations = true,
): Promise<Database> {
  const executor = new ListedMigrationExecutor(dataSource, migrations as unknown as ReadonlyArray<new () => MigrationInterface>);
  executor.transaction = "each";
  if (runMigrations) await executor.executePendingMigrations();
  else await refusePendingMigrations(dataSource, executor);
  return { dataSource, counter: new QueryCounter(), close: async () => {} };
}

/** TypeORM's executor over a list of migrations instead of the DataSource's own. */
class ListedMigrationExecutor extends MigrationExecutor {
  constructor(
    dataSource: DataSource,
    private readonly list: ReadonlyArray<new () => MigrationInterface>,
  ) {
    super(dataSource);
  }

  protected override getMigrations(): Migration[] {
    const migrations = this.list.map((Class) => {
      const instance = new Class();
      const name = instance.name ?? Class.name;
      return new Migration(undefined, Number.parseInt(name.slice(-13), 10), name, instance);
    });
    return migrations.sort((a, b) => a.timestamp - b.timestamp);
  }
}

async function refusePendingMigrations(dataSource: DataSource, executor = new MigrationExecutor(dataSource)): Promise<void> {
  const pending = await executor.getPendingMigrations();
  if (pending.length === 0) return;
  const [row] = (await dataSource.query("SELECT current_database() AS name")) as Array<{ name: string }>;
  throw new Error(
    `database "${row?.name ?? "?"}" has ${pending.length} pending migration(s) (${pending.map((m) => m.name).join(", ")}) ` +
      "and this service does not change the schema (DATABASE_MIGRATE=false): run the migrate job first " +
      "(docker compose run --rm migrate, or tsx hub/service.ts migrate)",
  );
}
