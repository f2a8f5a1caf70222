import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { createSecretFileOnce, readSecretFile } from "../../secrets.js";
import path from "node:path";
import { badInput } from "../../../schema/errors.js";

/*
 * Opaque page cursors. A cursor holds the sort key of the last record of a page, which may be a
 * value the caller is not allowed to see (a withheld date), so it is sealed: AES-256-GCM with a
 * key only the service holds, bound to the list, the filter and the caller it was issued to.
 * Decoding one reveals nothing; a changed, foreign or made-up cursor is refused.
 */

export type SortKey = readonly [at: string | null, id: string];

const IV_BYTES = 12;
const TAG_BYTES = 16;
const badCursor = () => badInput("after is not a cursor this service issued for this list", { field: "after" });

export class CursorSealer {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error("cursor key must be 32 bytes");
  }

  seal(sortKey: SortKey, binding: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    cipher.setAAD(Buffer.from(binding, "utf8"));
    const body = Buffer.concat([cipher.update(JSON.stringify(sortKey), "utf8"), cipher.final()]);
    return Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url");
  }

  /** The sort key inside a cursor this service sealed with the same binding; BAD_USER_INPUT otherwise. */
  open(cursor: string, binding: string): SortKey {
    if (cursor.length > 512 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw badCursor();
    const raw = Buffer.from(cursor, "base64url");
    if (raw.length <= IV_BYTES + TAG_BYTES) throw badCursor();
    let text: string;
    try {
      const decipher = createDecipheriv("aes-256-gcm", this.key, raw.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(binding, "utf8"));
      decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
      text = Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString("utf8");
    } catch {
      throw badCursor();
    }
    const parsed = JSON.parse(text) as unknown;
    // Sealed by us, so well-formed; the check keeps a key change between versions from crashing.
    if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[1] !== "string" || !(parsed[0] === null || typeof parsed[0] === "string")) throw badCursor();
    return [parsed[0] as string | null, parsed[1]];
  }
}

/**
 * The service's cursor key, `<dataDir>/keys/cursor.key` (32 bytes, base64url, mode 0600), so cursors
 * survive a restart; replicas of one service share it. Generated on first start outside
 * production; production refuses to start without it, as with every other key.
 */
export async function loadCursorSealer(dataDir: string, options: { create: boolean } = { create: true }): Promise<CursorSealer> {
  const file = path.join(dataDir, "keys", "cursor.key");
  let text = await readSecretFile(file);
  if (text === null) {
    if (!options.create) throw new Error(`cursor key file ${file} is missing: production needs one (32 random bytes, base64url), shared by the replicas of a service`);
    text = await createSecretFileOnce(file, () => randomBytes(32).toString("base64url"));
  }
  const key = Buffer.from(text.trim(), "base64url");
  if (key.length !== 32) throw new Error(`cursor key file ${file} must hold 32 random bytes, base64url`);
  return new CursorSealer(key);
}
