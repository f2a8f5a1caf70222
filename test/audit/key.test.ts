import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadChainKey } from "../../platform/audit/index.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "liaison-chain-key-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("loadChainKey", () => {
  it("refuses a missing key file when it may not create one (production)", async () => {
    const file = path.join(dir, "audit-chain.key");
    await expect(loadChainKey(file, { create: false })).rejects.toThrow(`audit chain key file ${file} is missing`);
  });

  it("refuses a key shorter than 32 characters, naming the file and never the key", async () => {
    const file = path.join(dir, "short.key");
    await writeFile(file, "  Zq8vN2xKp4Lm7Rt9  \n");
    const error = (await loadChainKey(file, { create: false }).catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(`audit chain key file ${file}: the key is shorter than 32 characters`);
    expect(error.message).not.toContain("Zq8vN2xKp4Lm7Rt9");
  });

  it("refuses a placeholder key however long", async () => {
    const file = path.join(dir, "placeholder.key");
    await writeFile(file, "change-me-change-me-change-me-change-me-change-me\n");
    const error = (await loadChainKey(file, { create: true }).catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(`audit chain key file ${file}: the key looks like a placeholder (contains "change-me")`);
  });

  it("reads a key as its trimmed text", async () => {
    const file = path.join(dir, "given.key");
    await writeFile(file, "\n  q3Vx9Zk2Lr8Np4Ws7Ty1Bm6Hc5Jd0Gf-_aQ  \n");
    expect((await loadChainKey(file, { create: false })).toString("utf8")).toBe("q3Vx9Zk2Lr8Np4Ws7Ty1Bm6Hc5Jd0Gf-_aQ");
  });

  it("generates a missing key in development: 32 random bytes as base64url, file mode 0600, folder mode 0700", async () => {
    const file = path.join(dir, "keys", "audit-chain.key");
    const key = await loadChainKey(file, { create: true });
    expect(key.toString("utf8")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await readFile(file, "utf8")).trim()).toBe(key.toString("utf8"));
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(file))).mode & 0o777).toBe(0o700);
    expect((await loadChainKey(file, { create: false })).equals(key)).toBe(true);
  });

  it("gives processes starting together one and the same key, and leaves no temporary file", async () => {
    const file = path.join(dir, "keys", "audit-chain.key");
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadChainKey(file, { create: true })));
    expect(new Set(keys.map((k) => k.toString("utf8"))).size).toBe(1);
    expect(await readdir(path.dirname(file))).toEqual(["audit-chain.key"]);
  });
});
