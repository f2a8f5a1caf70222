import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/** An embedded PostgreSQL (PGlite, WASM) served on a loopback socket for the `pg` driver. */
export interface EmbeddedDatabase {
  readonly url: string;
  stop(): Promise<void>;
}

/** Connections each embedded server accepts; client pools must stay within it (beyond it, pglite-socket drops). */
export const EMBEDDED_MAX_CONNECTIONS = 8;

/**
 * Starts one PGlite for one database owner. `dir` persists it (the demo under ./data);
 * omit it for an in-memory database (tests). Port 0 picks a free port.
 */
export async function startEmbeddedDatabase(options: { dir?: string; port?: number }): Promise<EmbeddedDatabase> {
  if (options.dir) await mkdir(path.dirname(options.dir), { recursive: true });
  const db = options.dir ? await PGlite.create(options.dir) : await PGlite.create();
  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: options.port ?? 0,
    maxConnections: EMBEDDED_MAX_CONNECTIONS,
  });
  await server.start();
  const url = `postgres://postgres:postgres@${server.getServerConn()}/postgres`;
  return {
    url,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
