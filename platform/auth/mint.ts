import { SignJWT } from "jose";
import type { LiaisonConfig } from "../config.js";
import { DEV_ALG, loadOrCreateDevKeys } from "./dev-keys.js";

export interface TokenClaims {
  sub: string;
  agency: string;
  roles: string[];
  clearance: number;
  operations?: string[];
}

/** Signs a token with the dev issuer's key (development and tests only). */
export async function mintDevToken(config: LiaisonConfig, claims: TokenClaims, ttlSeconds = 8 * 3600): Promise<string> {
  const keys = await loadOrCreateDevKeys(config.dataDir);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ agency: claims.agency, roles: claims.roles, clearance: claims.clearance, operations: claims.operations ?? [] })
    .setProtectedHeader({ alg: DEV_ALG, kid: keys.kid })
    .setSubject(claims.sub)
    .setIssuer(config.devIssuer)
    .setAudience(config.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(keys.privateKey);
}
