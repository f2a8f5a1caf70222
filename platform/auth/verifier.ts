import { readFile } from "node:fs/promises";
import { createRemoteJWKSet, errors, importSPKI, jwtVerify, type CryptoKey, type JWTVerifyGetKey } from "jose";
import type { LiaisonConfig } from "../config.js";
import { loadDevPublicKey } from "./dev-keys.js";
import { subjectFromClaims, type Subject } from "./subject.js";

/** Thrown when a bearer token cannot be trusted; the message is safe to show the caller. */
export class AuthenticationError extends Error {}

export type TokenVerifier = (token: string) => Promise<Subject>;

type KeySource = CryptoKey | JWTVerifyGetKey;

/** Seconds of clock skew allowed between an issuer and us, on `exp`, `nbf` and `iat`. */
export const CLOCK_TOLERANCE_SECONDS = 30;

/*
 * What a caller learns from a refusal. Unknown issuer, wrong key, wrong algorithm and a
 * tampered token all get the same answer, so nobody can probe which issuers are trusted; only
 * a token that verified may hear more (expired, a bad claim).
 */
export const TOKEN_MALFORMED = "token is malformed";
export const TOKEN_NOT_VALID = "token is not valid";

const BASE64URL = /^[A-Za-z0-9_-]+$/;

function decodeJsonObject(part: string): Record<string, unknown> | undefined {
  if (!BASE64URL.test(part)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The unverified `iss`, only to pick the key that must then verify the token; throws when the token is not a JWS. */
function peekIssuer(token: string): unknown {
  const parts = token.split(".");
  if (parts.length !== 3 || !BASE64URL.test(parts[2] as string)) throw new AuthenticationError(TOKEN_MALFORMED);
  const header = decodeJsonObject(parts[0] as string);
  const payload = decodeJsonObject(parts[1] as string);
  if (!header || !payload) throw new AuthenticationError(TOKEN_MALFORMED);
  return payload.iss;
}

/**
 * Builds a verifier for the configured issuers. Each issuer is tried by its `iss`, with its own
 * algorithms only; the token's signature, expiry, age, audience and claims must all check out,
 * and an issuer bound to one agency cannot vouch for another.
 */
export async function createTokenVerifier(config: LiaisonConfig): Promise<TokenVerifier> {
  const keys = new Map<string, { key: KeySource; agency?: string; algorithms: string[] }>();
  for (const issuer of config.issuers) {
    let key: KeySource;
    if (issuer.dev) key = await loadDevPublicKey(config.dataDir);
    else if (issuer.jwksUrl) key = createRemoteJWKSet(new URL(issuer.jwksUrl));
    else key = await importSPKI(await readFile(issuer.publicKeyFile as string, "utf8"), issuer.algorithms[0] as string);
    keys.set(issuer.issuer, { key, agency: issuer.agency, algorithms: [...issuer.algorithms] });
  }

  return async (token) => {
    const iss = peekIssuer(token);
    const entry = typeof iss === "string" ? keys.get(iss) : undefined;
    if (!entry) throw new AuthenticationError(TOKEN_NOT_VALID);
    let payload: Record<string, unknown>;
    try {
      const verified = await jwtVerify(token, entry.key as CryptoKey, {
        issuer: iss as string,
        audience: config.audience,
        algorithms: entry.algorithms,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        maxTokenAge: config.tokenMaxAgeSeconds,
        requiredClaims: ["exp", "iat", "sub"],
      });
      payload = verified.payload as Record<string, unknown>;
    } catch (error) {
      // jose checks the signature before any claim: these two only follow a valid signature.
      if (error instanceof errors.JWTExpired) throw new AuthenticationError("token has expired");
      if (error instanceof errors.JWTClaimValidationFailed) throw new AuthenticationError(`token claim "${error.claim}" is invalid`);
      throw new AuthenticationError(TOKEN_NOT_VALID);
    }
    const subject = subjectFromClaims(payload, iss as string);
    if (typeof subject === "string") throw new AuthenticationError(subject);
    if (entry.agency && entry.agency !== subject.agency) {
      throw new AuthenticationError("token issuer may not vouch for this agency");
    }
    return subject;
  };
}
