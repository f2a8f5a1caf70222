import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from "jose";

export interface StoredKeyPair {
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly publicJwk: JWK;
  /** The kid written with the key when it was generated. */
  readonly kid: string;
}

/** `<dataDir>/keys/<name>.jwk.json`: development keys, generated on first use, readable by the owner only. */
export const keyFileFor = (dataDir: string, name: string) => path.join(dataDir, "keys", `${name}.jwk.json`);

async function readPair(file: string, alg: string): Promise<StoredKeyPair | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return undefined;
  }
  const stored = JSON.parse(text) as { private: JWK; public: JWK; kid: string };
  return {
    privateKey: (await importJWK(stored.private, alg)) as CryptoKey,
    publicKey: (await importJWK(stored.public, alg)) as CryptoKey,
    publicJwk: stored.public,
    kid: stored.kid,
  };
}

/**
 * A development key pair, generated once. Written to a temporary file and renamed, so processes
 * starting together never read half a key.
 */
export async function loadOrCreateKeyPair(dataDir: string, name: string, alg: string): Promise<StoredKeyPair> {
  const file = keyFileFor(dataDir, name);
  const existing = await readPair(file, alg);
  if (existing) return existing;
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const kid = `${name}-${Date.now().toString(36)}`;
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify({ private: await exportJWK(privateKey), public: await exportJWK(publicKey), kid }), { mode: 0o600 });
  await rename(tmp, file);
  return (await readPair(file, alg)) as StoredKeyPair;
}
