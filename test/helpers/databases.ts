import { randomBytes } from "node:crypto";
import pg from "pg";
import { databaseUrlFor } from "../../platform/config.js";

/**
 * Throwaway databases on the PostgreSQL server named by DATABASE_URL (CI), one per agency, with a
 * random prefix so test files can run in parallel; dropped afterwards. Without DATABASE_URL the
 * tests use in-memory embedded databases instead.
 */
export interface TestDatabases {
  readonly env: Record<string, string>;
  drop(): Promise<void>;
}

export const usingPostgres = (): boolean => Boolean(process.env.DATABASE_URL);

export async function createTestDatabases(owners: readonly string[]): Promise<TestDatabases> {
  const base = process.env.DATABASE_URL;
  if (!base) return { env: {}, drop: async () => {} };
  const prefix = `liaison_t${randomBytes(4).toString("hex")}_`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  const env: Record<string, string> = {};
  try {
    for (const owner of owners) {
      await admin.query(`CREATE DATABASE "${prefix}${owner}"`);
      env[`DATABASE_URL_${owner.toUpperCase()}`] = databaseUrlFor(base, `${prefix}${owner}`);
    }
  } finally {
    await admin.end();
  }
  return {
    env,
    async drop() {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      try {
        for (const owner of owners) await client.query(`DROP DATABASE IF EXISTS "${prefix}${owner}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
