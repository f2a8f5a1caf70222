import { rmSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/** An embedded PostgreSQL (PGlite, WASM) served on a private Unix domain socket for the `pg` driver. */
export interface EmbeddedDatabase {
  readonly url: string;
  /** The private directory holding the socket (`.s.PGSQL.5432`), as `pg` expects in `host`. */
  readonly socketDir: string;
  stop(): Promise<void>;
}

/** Connections each embedded server accepts; client pools must stay within it (beyond it, pglite-socket drops). */
export const EMBEDDED_MAX_CONNECTIONS = 8;

/** The file name `pg` (libpq's convention) looks for in a socket directory, for the default port. */
const SOCKET_FILE = ".s.PGSQL.5432";

/** Socket directories of the databases still running; removed on exit when a process ends without stopping them. */
const openSocketDirs = new Set<string>();
let removeOnExit = false;

function track(socketDir: string): void {
  openSocketDirs.add(socketDir);
  if (removeOnExit) return;
  removeOnExit = true;
  process.once("exit", () => {
    for (const dir of openSocketDirs) rmSync(dir, { recursive: true, force: true });
  });
}

async function removeSocketDir(socketDir: string): Promise<void> {
  openSocketDirs.delete(socketDir);
  await rm(socketDir, { recursive: true, force: true });
}

/**
 * Starts one PGlite for one database owner. `dir` persists it (the demo under ./data); omit it for
 * an in-memory database (tests).
 *
 * pglite-socket checks no password, so the server listens on no TCP port (which any local user
 * could reach) but on a Unix socket inside a fresh directory of mode 0700: only this OS user can
 * connect. The directory is a private temp dir even for a persisted database, because a socket
 * path is limited to ~104-108 bytes and a data dir may be deeper than that.
 */
export async function startEmbeddedDatabase(options: { dir?: string }): Promise<EmbeddedDatabase> {
  if (options.dir) await mkdir(path.dirname(options.dir), { recursive: true });
  const socketDir = await mkdtemp(path.join(os.tmpdir(), "liaison-pg-"));
  track(socketDir);
  let db: PGlite | undefined;
  try {
    await chmod(socketDir, 0o700);
    db = options.dir ? await PGlite.create(options.dir) : await PGlite.create();
    const server = new PGLiteSocketServer({ db, path: path.join(socketDir, SOCKET_FILE), maxConnections: EMBEDDED_MAX_CONNECTIONS });
    await server.start();
    const running = db;
    return {
      url: `postgres://postgres@/postgres?host=${encodeURIComponent(socketDir)}`,
      socketDir,
      async stop() {
        try {
          await server.stop();
          await running.close();
        } finally {
          await removeSocketDir(socketDir);
        }
      },
    };
  } catch (error) {
    await db?.close().catch(() => undefined);
    await removeSocketDir(socketDir);
    throw error;
  }
}
