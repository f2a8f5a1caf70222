import { randomBytes } from "node:crypto";
import { chmod, link, mkdir, readFile, rename, unlink, writeFile } from "node:fs/promises";
import path from "node:path";

/*
 * What counts as a usable secret in production: long enough, and not one of the values that
 * sample files, tutorials and first attempts leave behind.
 */

/** Fragments that mark a value someone meant to replace. */
const PLACEHOLDER_FRAGMENTS = [
  "change-me", "changeme", "change_me", "replace", "placeholder", "example", "sample", "secret", "password",
  "passwd", "default", "dummy", "test", "demo", "liaison", "postgres", "admin", "letmein", "12345", "qwerty",
];

/** Null when the value may serve as a secret of at least `minLength` characters; else why not (never the value). */
export function secretProblem(value: string, minLength: number): string | null {
  if (value.length < minLength) return `is shorter than ${minLength} characters`;
  const lower = value.toLowerCase();
  const fragment = PLACEHOLDER_FRAGMENTS.find((f) => lower.includes(f));
  if (fragment) return `looks like a placeholder (contains "${fragment}")`;
  if (new Set(value).size < 8) return "repeats too few distinct characters";
  return null;
}

/** A secret file's text, or null when there is none. */
export async function readSecretFile(file: string): Promise<string | null> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/**
 * Creates a secret file once (mode 0600, its folder 0700) and returns the text it holds. The text is
 * written beside the target and linked into place, so the file appears whole or not at all, and
 * when processes starting together race, the first link wins and every one of them reads that one
 * secret (a rename would let a later writer replace a secret already in use).
 */
export async function createSecretFileOnce(file: string, draw: () => string): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const value = draw();
  const temp = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  await writeFile(temp, `${value}\n`, { mode: 0o600, flag: "wx" });
  try {
    await chmod(temp, 0o600);
    try {
      await link(temp, file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EEXIST") return (await readSecretFile(file)) ?? "";
      // A file system without hard links: fall back to an atomic rename.
      if (code !== "EPERM" && code !== "ENOTSUP" && code !== "ENOSYS") throw error;
      await rename(temp, file);
    }
    return value;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}
