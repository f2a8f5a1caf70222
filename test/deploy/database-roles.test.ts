import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrlFor } from "../../platform/config.js";

// Runs the statements of scripts/compose/init-databases.sh on the PostgreSQL server of
// DATABASE_URL (a superuser, as in CI) for two throwaway owners, and checks what their roles may do.
const base = process.env.DATABASE_URL;
const script = readFileSync("scripts/compose/init-databases.sh", "utf8");

/** The per-owner SQL of the script (its heredoc that creates the roles), split at `\connect`. */
function ownerStatements(): { cluster: string[]; database: string[] } {
  const block = [...script.matchAll(/<<'SQL'\n([\s\S]*?)\nSQL\n/g)].map((m) => m[1] as string).find((b) => b.includes('CREATE ROLE :"owner"'));
  const lines = (block ?? "").split("\n").filter((line) => line.trim() && !line.startsWith("--"));
  const at = lines.indexOf('\\connect :"db"');
  return { cluster: lines.slice(0, at), database: lines.slice(at + 1) };
}

/** psql's :"name" and :'name' interpolation, for the names and password of one owner. */
function interpolate(statement: string, vars: Record<string, string>): string {
  return statement
    .replace(/:"(\w+)"/g, (_m, name: string) => `"${vars[name]}"`)
    .replace(/:'(\w+)'/g, (_m, name: string) => `'${(vars[name] as string).replaceAll("'", "''")}'`);
}

const prefix = `liaison_r${randomBytes(4).toString("hex")}_`;
const owners = ["a", "b"].map((s) => {
  const db = `${prefix}${s}`;
  return { db, owner: `${db}_owner`, runtime: db, password: randomBytes(18).toString("base64url") };
});
const [a, b] = owners as [(typeof owners)[number], (typeof owners)[number]];

function urlAs(user: string, password: string | null, db: string, options?: string): string {
  const url = new URL(databaseUrlFor(base as string, db));
  if (password !== null) {
    url.username = user;
    url.password = password;
  }
  if (options) url.searchParams.set("options", options);
  return url.toString();
}

async function withClient<T>(connectionString: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

const asRuntime = (o: typeof a, db = o.db) => urlAs(o.runtime, o.password, db);
/** The migrate job's connection: the superuser acting as the owner role. */
const asOwner = (o: typeof a) => urlAs("", null, o.db, `-c role=${o.owner}`);

describe.skipIf(!base)("the init script's roles on PostgreSQL", () => {
  beforeAll(async () => {
    const { cluster, database } = ownerStatements();
    expect(cluster.length).toBeGreaterThan(0);
    expect(database.length).toBeGreaterThan(0);
    for (const o of owners) {
      await withClient(base as string, async (admin) => {
        for (const statement of cluster) await admin.query(interpolate(statement, o));
      });
      await withClient(databaseUrlFor(base as string, o.db), async (admin) => {
        for (const statement of database) await admin.query(interpolate(statement, o));
      });
    }
  });

  afterAll(async () => {
    await withClient(base as string, async (admin) => {
      for (const o of owners) {
        await admin.query(`DROP DATABASE IF EXISTS "${o.db}" WITH (FORCE)`);
        await admin.query(`DROP ROLE IF EXISTS "${o.runtime}"`);
        await admin.query(`DROP ROLE IF EXISTS "${o.owner}"`);
      }
    });
  });

  it("lets the runtime role connect to its own database", async () => {
    expect(await withClient(asRuntime(a), async (c) => (await c.query("SELECT current_user AS u")).rows[0].u)).toBe(a.runtime);
  });

  it("refuses the runtime role CREATE TABLE in its own database", async () => {
    await expect(withClient(asRuntime(a), (c) => c.query("CREATE TABLE intruder (id int)"))).rejects.toMatchObject({ code: "42501" });
  });

  it("refuses the runtime role a connection to another service's database", async () => {
    await expect(withClient(asRuntime(a, b.db), (c) => c.query("SELECT 1"))).rejects.toMatchObject({ code: "42501" });
  });

  it("creates the migrate job's tables as the owner role through options=-c role=", async () => {
    const owner = await withClient(asOwner(a), async (c) => {
      await c.query("CREATE TABLE record (id bigserial PRIMARY KEY, v text)");
      return (await c.query("SELECT current_user AS u, tableowner FROM pg_tables WHERE tablename = 'record'")).rows[0];
    });
    expect(owner).toEqual({ u: a.owner, tableowner: a.owner });
  });

  it("gives the runtime role rows and sequences of the owner's tables, and not TRUNCATE", async () => {
    await withClient(asRuntime(a), async (c) => {
      await c.query("INSERT INTO record (v) VALUES ('one')");
      await c.query("UPDATE record SET v = 'two'");
      expect((await c.query("SELECT v FROM record")).rows).toEqual([{ v: "two" }]);
      await c.query("DELETE FROM record");
      await expect(c.query("TRUNCATE record")).rejects.toMatchObject({ code: "42501" });
      await expect(c.query("DROP TABLE record")).rejects.toMatchObject({ code: "42501" });
    });
  });
});
