import { DataSource, type EntitySchema, type MixedList } from "typeorm";
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
}

export interface Database {
  readonly dataSource: DataSource;
  readonly counter: QueryCounter;
  close(): Promise<void>;
}

/** Opens a DataSource and brings its schema up to date with the checked-in migrations (never `synchronize`). */
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
  await dataSource.runMigrations();
  return {
    dataSource,
    counter,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}
