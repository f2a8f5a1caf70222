import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * One process at a time may open the embedded databases under a data directory (PGlite files
 * are not safe to open twice). The lock holds the owner's PID; a stale lock is taken over.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const file = path.join(dataDir, "hub.pid");
  await mkdir(dataDir, { recursive: true });
  try {
    const pid = Number(await readFile(file, "utf8"));
    if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) {
      throw new Error(`the embedded databases in ${dataDir} are in use by process ${pid}; stop it first`);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await writeFile(file, String(process.pid));
  return () => rm(file, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
