import { randomBytes } from "node:crypto";
import { chmod, link, mkdir, readFile, rename, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { secretProblem } from "../secrets.js";

/*
 * The audit chain key: a row hash is an HMAC under it, so write access to the audit table is not
 * enough to rewrite a row and recompute the chain. It lives in a file of its own (mounted secret
 * in production), never in the database it protects.
 */

const MIN_LENGTH = 32;

/** The key in `file` (trimmed text, used as the HMAC key); generated there when absent and `create` is set (development only). */
export async function loadChainKey(file: string, options: { create: boolean }): Promise<Buffer> {
  let text = await readKeyFile(file);
  if (text === null) {
    if (!options.create) throw new Error(`audit chain key file ${file} is missing`);
    text = await createKeyFile(file);
  }
  const value = text.trim();
  const problem = value.length < MIN_LENGTH ? `is shorter than ${MIN_LENGTH} characters` : secretProblem(value, MIN_LENGTH);
  if (problem) throw new Error(`audit chain key file ${file}: the key ${problem}`);
  return Buffer.from(value, "utf8");
}

async function readKeyFile(file: string): Promise<string | null> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/**
 * Writes a fresh key beside the target and links it into place: the key file appears whole or not
 * at all, and when processes starting together race, the first link wins and every process reads
 * that one key (a rename would let a later writer replace a key already in use).
 */
async function createKeyFile(file: string): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  let key = randomBytes(32).toString("base64url");
  // Random text can contain a fragment secretProblem treats as a placeholder ("test", "demo"...): draw again.
  while (secretProblem(key, MIN_LENGTH)) key = randomBytes(32).toString("base64url");
  const temp = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  await writeFile(temp, `${key}\n`, { mode: 0o600, flag: "wx" });
  try {
    await chmod(temp, 0o600);
    try {
      await link(temp, file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EEXIST") return (await readKeyFile(file)) ?? "";
      // A file system without hard links: fall back to an atomic rename.
      if (code !== "EPERM" && code !== "ENOTSUP" && code !== "ENOSYS") throw error;
      await rename(temp, file);
      return key;
    }
    return key;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}
