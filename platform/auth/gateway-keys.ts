import { readFile } from "node:fs/promises";
import { calculateJwkThumbprint, createRemoteJWKSet, exportJWK, importPKCS8, importSPKI, type CryptoKey, type JWK, type JWTVerifyGetKey } from "jose";
import type { LiaisonConfig } from "../config.js";
import { loadOrCreateKeyPair } from "./key-file.js";

/** The only algorithm gateway tokens use. */
export const GATEWAY_ALG = "ES256";

/** The gateway's signing key, with the `kid` every token it mints names. */
export interface GatewaySigningKey {
  readonly privateKey: CryptoKey;
  readonly kid: string;
  /** The public half as a JWK, served at /.well-known/jwks.json. */
  readonly publicJwk: JWK;
}

/** How a subgraph finds the gateway's public key: one key with its kid, or a JWKS (kid matched by jose). */
export type GatewayPublicKey = { readonly key: CryptoKey; readonly kid: string } | { readonly jwks: JWTVerifyGetKey };

/** RFC 7638 thumbprint: a kid both sides compute from the key itself, nothing to configure. */
const thumbprint = (jwk: JWK) => calculateJwkThumbprint({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y } as JWK);

async function readPem(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch {
    throw new Error(`${what} ${file} cannot be read`);
  }
}

/**
 * The gateway's private key: GATEWAY_SIGNING_KEY_FILE (PKCS#8 PEM, ES256), or outside production
 * a key generated once under `<dataDir>/keys`. Production refuses to start without the file.
 */
export async function loadGatewaySigningKey(config: LiaisonConfig): Promise<GatewaySigningKey> {
  if (config.gatewaySigningKeyFile) {
    const pem = await readPem(config.gatewaySigningKeyFile, "GATEWAY_SIGNING_KEY_FILE");
    let privateKey: CryptoKey;
    try {
      privateKey = await importPKCS8(pem, GATEWAY_ALG, { extractable: true });
    } catch {
      throw new Error(`GATEWAY_SIGNING_KEY_FILE ${config.gatewaySigningKeyFile} is not a PKCS#8 PEM ${GATEWAY_ALG} (P-256) private key`);
    }
    const { d: _private, ...publicJwk } = await exportJWK(privateKey);
    void _private;
    return { privateKey, kid: await thumbprint(publicJwk), publicJwk: { ...publicJwk, alg: GATEWAY_ALG, use: "sig", kid: await thumbprint(publicJwk) } };
  }
  if (config.production) {
    throw new Error("GATEWAY_SIGNING_KEY_FILE is required in production: the gateway signs every subgraph call with it");
  }
  const pair = await loadOrCreateKeyPair(config.dataDir, "gateway", GATEWAY_ALG);
  const kid = await thumbprint(pair.publicJwk);
  return { privateKey: pair.privateKey, kid, publicJwk: { ...pair.publicJwk, alg: GATEWAY_ALG, use: "sig", kid } };
}

/**
 * What a subgraph verifies gateway tokens with: GATEWAY_PUBLIC_KEY_FILE (SPKI PEM), or
 * GATEWAY_JWKS_URL (the gateway's /.well-known/jwks.json; follows key rotation by kid), or outside
 * production the generated key under `<dataDir>/keys`.
 */
export async function loadGatewayPublicKey(config: LiaisonConfig): Promise<GatewayPublicKey> {
  if (config.gatewayPublicKeyFile) {
    const pem = await readPem(config.gatewayPublicKeyFile, "GATEWAY_PUBLIC_KEY_FILE");
    let key: CryptoKey;
    try {
      key = await importSPKI(pem, GATEWAY_ALG, { extractable: true });
    } catch {
      throw new Error(`GATEWAY_PUBLIC_KEY_FILE ${config.gatewayPublicKeyFile} is not an SPKI PEM ${GATEWAY_ALG} (P-256) public key`);
    }
    return { key, kid: await thumbprint(await exportJWK(key)) };
  }
  if (config.gatewayJwksUrl) return { jwks: createRemoteJWKSet(new URL(config.gatewayJwksUrl)) };
  if (config.production) {
    throw new Error("GATEWAY_PUBLIC_KEY_FILE or GATEWAY_JWKS_URL is required in production: subgraphs accept only the gateway's tokens");
  }
  const pair = await loadOrCreateKeyPair(config.dataDir, "gateway", GATEWAY_ALG);
  return { key: pair.publicKey, kid: await thumbprint(pair.publicJwk) };
}
