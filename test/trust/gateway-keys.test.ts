import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { exportPKCS8, exportSPKI, generateKeyPair } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadGatewayPublicKey, loadGatewaySigningKey } from "../../platform/auth/index.js";
import { loadConfig } from "../../platform/config.js";
import { loadCursorSealer } from "../../platform/records/kit/index.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "liaison-gwkeys-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the gateway's keys", () => {
  it("refuses to start in production without the signing key or the public key, saying which", async () => {
    const config = loadConfig({ NODE_ENV: "production", LIAISON_DATA_DIR: dir });
    await expect(loadGatewaySigningKey(config)).rejects.toThrow("GATEWAY_SIGNING_KEY_FILE is required in production: the gateway signs every subgraph call with it");
    await expect(loadGatewayPublicKey(config)).rejects.toThrow("GATEWAY_PUBLIC_KEY_FILE or GATEWAY_JWKS_URL is required in production: subgraphs accept only the gateway's tokens");
  });

  it("refuses to start in production without the cursor key, and a cursor key of the wrong size anywhere", async () => {
    const file = path.join(dir, "keys", "cursor.key");
    await expect(loadCursorSealer(dir, { create: false })).rejects.toThrow(`cursor key file ${file} is missing: production needs one (32 random bytes, base64url), shared by the replicas of a service`);
    await mkdir(path.join(dir, "keys"), { recursive: true });
    await writeFile(file, "c2hvcnQ");
    await expect(loadCursorSealer(dir, { create: true })).rejects.toThrow(`cursor key file ${file} must hold 32 random bytes, base64url`);
    await rm(file);
  });

  it("refuses a signing key that is not a P-256 PKCS#8 key, and an unreadable file", async () => {
    const rsa = await generateKeyPair("RS256", { extractable: true });
    await writeFile(path.join(dir, "rsa.pem"), await exportPKCS8(rsa.privateKey));
    const file = path.join(dir, "rsa.pem");
    await expect(loadGatewaySigningKey(loadConfig({ LIAISON_DATA_DIR: dir, GATEWAY_SIGNING_KEY_FILE: file }))).rejects.toThrow(`GATEWAY_SIGNING_KEY_FILE ${file} is not a PKCS#8 PEM ES256 (P-256) private key`);
    const missing = path.join(dir, "nope.pem");
    await expect(loadGatewaySigningKey(loadConfig({ LIAISON_DATA_DIR: dir, GATEWAY_SIGNING_KEY_FILE: missing }))).rejects.toThrow(`GATEWAY_SIGNING_KEY_FILE ${missing} cannot be read`);
  });

  it("names the same kid on both sides: the key's RFC 7638 thumbprint", async () => {
    const pair = await generateKeyPair("ES256", { extractable: true });
    await writeFile(path.join(dir, "gw.pem"), await exportPKCS8(pair.privateKey));
    await writeFile(path.join(dir, "gw.pub.pem"), await exportSPKI(pair.publicKey));
    const config = loadConfig({ LIAISON_DATA_DIR: dir, GATEWAY_SIGNING_KEY_FILE: path.join(dir, "gw.pem"), GATEWAY_PUBLIC_KEY_FILE: path.join(dir, "gw.pub.pem") });
    const signing = await loadGatewaySigningKey(config);
    const publicKey = await loadGatewayPublicKey(config);
    expect("kid" in publicKey && publicKey.kid).toBe(signing.kid);
    expect(signing.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Object.keys(signing.publicJwk).sort()).toEqual(["alg", "crv", "kid", "kty", "use", "x", "y"]);
  });

  it("generates one development key pair, shared by the gateway and the subgraphs", async () => {
    const config = loadConfig({ LIAISON_DATA_DIR: dir });
    const signing = await loadGatewaySigningKey(config);
    const publicKey = await loadGatewayPublicKey(config);
    expect("kid" in publicKey && publicKey.kid).toBe(signing.kid);
  });
});
