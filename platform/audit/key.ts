import { randomBytes } from "node:crypto";
import { createSecretFileOnce, readSecretFile, secretProblem } from "../secrets.js";

/*
 * The audit chain key: a row hash is an HMAC under it, so write access to the audit table is not
 * enough to rewrite a row and recompute the chain. It lives in a file of its own (mounted secret
 * in production), never in the database it protects.
 */

const MIN_LENGTH = 32;

/** The key in `file` (trimmed text, used as the HMAC key); generated there when absent and `create` is set (development only). */
export async function loadChainKey(file: string, options: { create: boolean }): Promise<Buffer> {
  let text = await readSecretFile(file);
  if (text === null) {
    if (!options.create) throw new Error(`audit chain key file ${file} is missing`);
    text = await createSecretFileOnce(file, drawKey);
  }
  const value = text.trim();
  const problem = value.length < MIN_LENGTH ? `is shorter than ${MIN_LENGTH} characters` : secretProblem(value, MIN_LENGTH);
  if (problem) throw new Error(`audit chain key file ${file}: the key ${problem}`);
  return Buffer.from(value, "utf8");
}

/** A fresh random key (random text can contain a fragment secretProblem treats as a placeholder, "test" or "demo": draw again). */
function drawKey(): string {
  let key = randomBytes(32).toString("base64url");
  while (secretProblem(key, MIN_LENGTH)) key = randomBytes(32).toString("base64url");
  return key;
}
