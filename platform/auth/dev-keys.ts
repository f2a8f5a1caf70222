import type { CryptoKey } from "jose";
import { loadOrCreateKeyPair } from "./key-file.js";

export const DEV_ALG = "ES256";

export interface DevKeys {
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly kid: string;
}

/** The dev issuer's signing key, generated on first start into `<dataDir>/keys/dev-issuer.jwk.json`. */
export async function loadOrCreateDevKeys(dataDir: string): Promise<DevKeys> {
  return loadOrCreateKeyPair(dataDir, "dev-issuer", DEV_ALG);
}

/** Reads the dev public key and its kid (subgraphs verify; they never need to sign). */
export async function loadDevPublicKey(dataDir: string): Promise<{ key: CryptoKey; kid: string }> {
  const keys = await loadOrCreateDevKeys(dataDir);
  return { key: keys.publicKey, kid: keys.kid };
}
