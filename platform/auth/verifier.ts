import { readFile } from "node:fs/promises";
import { createRemoteJWKSet, errors, importSPKI, jwtVerify, type CryptoKey, type JWTVerifyGetKey } from "jose";
import type { LiaisonConfig } from "../config.js";
import { loadDevPublicKey } from "./dev-keys.js";
import { subjectFromClaims, type Subject } from "./subject.js";

/** Thrown when a bearer token cannot be trusted; the message is safe to show the caller. */
export class AuthenticationError extends Error {}

export type TokenVerifier = (token: string) => Promise<Subject>;

type KeySource = CryptoKey | JWTVerifyGetKey;

/**
 * Builds a verifier for the configured issuers. Each issuer is tried by its `iss`; the token's
 * signature, expiry, audience and claims must all check out, and an issuer bound to one agency
 * cannot vouch for another.
 */
export async function createTokenVerifier(config: LiaisonConfig): Promise<TokenVerifier> {
  const keys = new Map<string, { key: KeySource; agency?: string }>();
  for (const issuer of config.issuers) {
    let key: KeySource;
    if (issuer.dev) key = await loadDevPublicKey(config.dataDir);
    else if (issuer.jwksUrl) key = createRemoteJWKSet(new URL(issuer.jwksUrl));
    else key = await importSPKI(await readFile(issuer.publicKeyFile as string, "utf8"), "ES256");
    keys.set(issuer.issuer, { key, agency: issuer.agency });
  }

  return async (token) => {
    const iss = peekIssuer(token);
    const entry = iss === undefined ? undefined : keys.get(iss);
    if (!entry || iss === undefined) throw new AuthenticationError("token issuer is not trusted");
    let payload: Record<string, unknown>;
    try {
      const verified = await jwtVerify(token, entry.key as CryptoKey, {
        issuer: iss,
        audience: config.audience,
        algorithms: ["ES256", "RS256", "EdDSA"],
        requiredClaims: ["exp", "sub"],
      });
      payload = verified.payload as Record<string, unknown>;
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new AuthenticationError("token has expired");
      if (error instanceof errors.JWTClaimValidationFailed) throw new AuthenticationError(`token claim "${error.claim}" is invalid`);
      throw new AuthenticationError("token signature or format is invalid");
    }
    const subject = subjectFromClaims(payload, iss);
    if (typeof subject === "string") throw new AuthenticationError(subject);
    if (entry.agency && entry.agency !== subject.agency) {
      throw new AuthenticationError("token issuer may not vouch for this agency");
    }
    return subject;
  };
}

/** Reads `iss` without trusting it, only to pick the key that must then verify the token. */
function peekIssuer(token: string): string | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(parts[1] as string, "base64url").toString("utf8")) as { iss?: unknown };
    return typeof payload.iss === "string" ? payload.iss : undefined;
  } catch {
    return undefined;
  }
}
