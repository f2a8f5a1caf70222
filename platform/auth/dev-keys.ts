import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from "jose";

export const DEV_ALG = "ES256";

export interface DevKeys {
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly kid: string;
}

const fileFor = (dataDir: string) => path.join(dataDir, "keys", "dev-issuer.jwk.json");

async function readKeys(file: string): Promise<DevKeys | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return undefined;
  }
  const stored = JSON.parse(text) as { private: JWK; public: JWK; kid: string };
  return {
    privateKey: (await importJWK(stored.private, DEV_ALG)) as CryptoKey,
    publicKey: (await importJWK(stored.public, DEV_ALG)) as CryptoKey,
    kid: stored.kid,
  };
}

/**
 * The dev issuer's signing key, generated on first start into `<dataDir>/keys`. Written to a
 * temporary file and renamed, so processes starting together never read half a key.
 */
export async function loadOrCreateDevKeys(dataDir: string): Promise<DevKeys> {
  const file = fileFor(dataDir);
  const existing = await readKeys(file);
  if (existing) return existing;
  const { privateKey, publicKey } = await generateKeyPair(DEV_ALG, { extractable: true });
  const kid = `dev-${Date.now().toString(36)}`;
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  const body = { private: await exportJWK(privateKey), public: await exportJWK(publicKey), kid };
  await writeFile(tmp, JSON.stringify(body), { mode: 0o600 });
  await rename(tmp, file);
  return (await readKeys(file)) as DevKeys;
}

/** Reads the dev public key only (subgraphs verify; they never need to sign). */
export async function loadDevPublicKey(dataDir: string): Promise<CryptoKey> {
  return (await loadOrCreateDevKeys(dataDir)).publicKey;
}
