import { execFile } from "node:child_process";
import { readdir, readFile, rm, stat, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { importPKCS8, importSPKI, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_OWNERS, MIN_DATABASE_PASSWORD_LENGTH } from "../../platform/config.js";
import { secretProblem } from "../../platform/secrets.js";
import { AGENCIES } from "../../schema/enums.js";
import { demoIssuer, makeSecrets, SECRET_FILES } from "../../scripts/compose/make-secrets.js";

const run = promisify(execFile);
let dir: string;
let created: string[];

const read = (name: string) => readFile(path.join(dir, name), "utf8");

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "liaison-secrets-"));
  ({ created } = await makeSecrets(path.join(dir, "secrets")));
  dir = path.join(dir, "secrets");
});
afterAll(async () => {
  await rm(path.dirname(dir), { recursive: true, force: true });
});

describe("npm run deploy:secrets", () => {
  it("writes one password per database role plus the superuser's, an audit key per chain owner, cursor keys and the key pairs", async () => {
    const expected = [
      SECRET_FILES.superuserPassword,
      ...DATABASE_OWNERS.map(SECRET_FILES.databasePassword),
      ...DATABASE_OWNERS.map(SECRET_FILES.auditChainKey),
      ...["customs", "police", "fiu", "postal"].map(SECRET_FILES.cursorKey),
      SECRET_FILES.gatewaySigningKey,
      SECRET_FILES.gatewayPublicKey,
      ...AGENCIES.flatMap((a) => [SECRET_FILES.issuerPrivateKey(a), SECRET_FILES.issuerPublicKey(a)]),
    ].sort();
    expect([...created].sort()).toEqual(expected);
    expect((await readdir(dir)).sort()).toEqual(expected);
  });

  it("makes every file and the folder readable by their owner only", async () => {
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    for (const name of await readdir(dir)) expect((await stat(path.join(dir, name))).mode & 0o777, name).toBe(0o600);
  });

  it("draws passwords production accepts, all different", async () => {
    const passwords = await Promise.all([SECRET_FILES.superuserPassword, ...DATABASE_OWNERS.map(SECRET_FILES.databasePassword)].map(read));
    for (const password of passwords) expect(secretProblem(password.trim(), MIN_DATABASE_PASSWORD_LENGTH)).toBeNull();
    expect(new Set(passwords).size).toBe(passwords.length);
  });

  it("writes audit chain keys as 32 random bytes in base64url", async () => {
    for (const owner of DATABASE_OWNERS) {
      const key = (await read(SECRET_FILES.auditChainKey(owner))).trim();
      expect(key, owner).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(key, "base64url").length, owner).toBe(32);
    }
  });

  it("writes ES256 key pairs as PKCS#8 and SPKI PEM that jose imports", async () => {
    for (const [privateName, publicName] of [
      [SECRET_FILES.gatewaySigningKey, SECRET_FILES.gatewayPublicKey],
      ...AGENCIES.map((a) => [SECRET_FILES.issuerPrivateKey(a), SECRET_FILES.issuerPublicKey(a)]),
    ] as const) {
      await expect(importPKCS8(await read(privateName), "ES256"), privateName).resolves.toBeDefined();
      await expect(importSPKI(await read(publicName), "ES256"), publicName).resolves.toBeDefined();
    }
  });

  it("keeps every existing file when run again", async () => {
    const before = await Promise.all((await readdir(dir)).map(async (name) => [name, await read(name)]));
    const again = await makeSecrets(dir);
    expect(again.created).toEqual([]);
    expect(await Promise.all((await readdir(dir)).map(async (name) => [name, await read(name)]))).toEqual(before);
  });

  it("derives a lost public key again from its private key", async () => {
    const publicFile = path.join(dir, SECRET_FILES.gatewayPublicKey);
    const original = await readFile(publicFile, "utf8");
    await rm(publicFile);
    expect((await makeSecrets(dir)).created).toEqual([SECRET_FILES.gatewayPublicKey]);
    expect((await readFile(publicFile, "utf8")).trim()).toBe(original.trim());
  });
});

describe("npm run token -- --issuer --key-file", () => {
  const token = (args: string[], env: Record<string, string> = {}) =>
    run(process.execPath, ["--import", "tsx", "scripts/token.ts", ...args], { env: { ...process.env, NODE_ENV: "test", ...env } });

  it("signs with a demo issuer's private key: the token verifies against its public key", async () => {
    const { stdout } = await token(["--issuer", demoIssuer("POLICE"), "--key-file", path.join(dir, SECRET_FILES.issuerPrivateKey("POLICE")), "--agency", "POLICE", "--role", "analyst", "--clearance", "2"]);
    const { payload } = await jwtVerify(stdout.trim(), await importSPKI(await read(SECRET_FILES.issuerPublicKey("POLICE")), "ES256"), {
      issuer: demoIssuer("POLICE"),
      audience: "liaison",
    });
    expect(payload).toMatchObject({ sub: "police-analyst", agency: "POLICE", roles: ["analyst"], clearance: 2, operations: [] });
    expect((payload.exp as number) - (payload.iat as number)).toBe(8 * 3600);
  });

  it("names the kid a configured PEM issuer lists, so the hub accepts the token", async () => {
    const issuers = JSON.stringify([{ issuer: demoIssuer("POLICE"), agency: "POLICE", kid: "police-2026", publicKeyFile: path.join(dir, SECRET_FILES.issuerPublicKey("POLICE")) }]);
    const { stdout } = await token(["--issuer", demoIssuer("POLICE"), "--key-file", path.join(dir, SECRET_FILES.issuerPrivateKey("POLICE")), "--agency", "POLICE"], { JWT_ISSUERS: issuers });
    expect(JSON.parse(Buffer.from(stdout.trim().split(".")[0] as string, "base64url").toString("utf8"))).toEqual({ alg: "ES256", typ: "JWT", kid: "police-2026" });
  });

  it("refuses an agency the configured issuer does not vouch for", async () => {
    const issuers = JSON.stringify([{ issuer: demoIssuer("POLICE"), agency: "POLICE", publicKeyFile: path.join(dir, SECRET_FILES.issuerPublicKey("POLICE")) }]);
    const refused = token(["--issuer", demoIssuer("POLICE"), "--key-file", path.join(dir, SECRET_FILES.issuerPrivateKey("POLICE")), "--agency", "FIU"], { JWT_ISSUERS: issuers });
    await expect(refused).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining(`issuer ${demoIssuer("POLICE")} vouches for POLICE only, not FIU`) });
  });

  it("still signs with the dev issuer without --issuer (the documented contract)", async () => {
    const { stdout } = await token(["--agency", "POLICE", "--role", "analyst", "--clearance", "2"], { LIAISON_DATA_DIR: path.join(path.dirname(dir), "data") });
    const payload = JSON.parse(Buffer.from(stdout.trim().split(".")[1] as string, "base64url").toString("utf8")) as Record<string, unknown>;
    expect(payload).toMatchObject({ iss: "liaison-dev", agency: "POLICE", roles: ["analyst"], clearance: 2 });
  });

  it("refuses a lifetime beyond JWT_MAX_TOKEN_AGE_SECONDS, saying why", async () => {
    const refused = token(["--agency", "POLICE", "--ttl", "7200"], { JWT_MAX_TOKEN_AGE_SECONDS: "3600", LIAISON_DATA_DIR: path.join(path.dirname(dir), "data") });
    await expect(refused).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining("--ttl 7200 is longer than 3600 seconds (JWT_MAX_TOKEN_AGE_SECONDS): the hub refuses tokens issued longer ago than that"),
    });
  });
});
