import { openDatabase, startEmbeddedDatabase, type Database, type DatabaseOptions, type EmbeddedDatabase } from "../../platform/db/index.js";
import { createTestDatabases, type TestDatabases } from "../helpers/databases.js";

/** A database of its own with the given migrations: on the DATABASE_URL server when set, else an embedded PGlite. */
export async function openThrowawayDatabase(name: string, migrations: DatabaseOptions["migrations"]): Promise<Database> {
  const databases: TestDatabases = await createTestDatabases([name]);
  let embedded: EmbeddedDatabase | undefined;
  let url = databases.env[`DATABASE_URL_${name.toUpperCase()}`];
  if (!url) {
    embedded = await startEmbeddedDatabase({});
    url = embedded.url;
  }
  const db = await openDatabase({ url, entities: [], migrations, poolMax: 2 });
  return {
    ...db,
    async close() {
      await db.close();
      await embedded?.stop();
      await databases.drop();
    },
  };
}
