import { readFile } from "node:fs/promises";
import { createRemoteJWKSet, errors, importSPKI, jwtVerify, type CryptoKey, type JWTVerifyGetKey } from "jose";
import type { LiaisonConfig } from "../config.js";
import { loadDevPublicKey } from "./dev-keys.js";
import { subjectFromClaims, type Subject } from "./subject.js";

import { AuthenticationError, TOKEN_MALFORMED, TOKEN_NOT_VALID } from "./errors.js";

export { AuthenticationError, TOKEN_MALFORMED, TOKEN_NOT_VALID } from "./errors.js";

export type TokenVerifier = (token: string) => Promise<Subject>;

type KeySource = CryptoKey | JWTVerifyGetKey;

/** Seconds of clock skew allowed between an issuer and us, on `exp`, `nbf` and `iat`. */
export const CLOCK_TOLERANCE_SECONDS = 30;

/** JOSE `typ` values a user's access token may carry (or none); anything else, a gateway token included, is refused. */
const USER_TOKEN_TYPES = new Set(["jwt", "at+jwt", "application/at+jwt"]);

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

/** The unverified `iss` and header, only to pick the key that must then verify the token; throws when the token is not a JWS. */
function peek(token: string): { iss: unknown; header: Record<string, unknown> } {
  const parts = token.split(".");
  if (parts.length !== 3 || !BASE64URL.test(parts[2] as string)) throw new AuthenticationError(TOKEN_MALFORMED);
  const header = decodeJsonObject(parts[0] as string);
  const payload = decodeJsonObject(parts[1] as string);
  if (!header || !payload) throw new AuthenticationError(TOKEN_MALFORMED);
  return { iss: payload.iss, header };
}

/**
 * Builds a verifier for the configured issuers. Each issuer is tried by its `iss`, with its own
 * algorithms only; the token's signature, expiry, age, audience and claims must all check out,
 * and an issuer bound to one agency cannot vouch for another.
 */
export async function createTokenVerifier(config: LiaisonConfig): Promise<TokenVerifier> {
  const keys = new Map<string, { key: KeySource; kid?: string; agency?: string; algorithms: string[] }>();
  for (const issuer of config.issuers) {
    let key: KeySource;
    let kid = issuer.kid;
    if (issuer.dev) ({ key, kid } = await loadDevPublicKey(config.dataDir));
    else if (issuer.jwksUrl) key = createRemoteJWKSet(new URL(issuer.jwksUrl));
    else key = await importSPKI(await readFile(issuer.publicKeyFile as string, "utf8"), issuer.algorithms[0] as string);
    keys.set(issuer.issuer, { key, kid, agency: issuer.agency, algorithms: [...issuer.algorithms] });
  }

  return async (token) => {
    const { iss, header } = peek(token);
    const entry = typeof iss === "string" ? keys.get(iss) : undefined;
    if (!entry) throw new AuthenticationError(TOKEN_NOT_VALID);
    // A key known by its kid (the dev key, a PEM entry listing one) verifies only tokens that name it;
    // a JWKS picks its key by kid itself.
    if (entry.kid !== undefined && header.kid !== entry.kid) throw new AuthenticationError(TOKEN_NOT_VALID);
    if (header.typ !== undefined && !(typeof header.typ === "string" && USER_TOKEN_TYPES.has(header.typ.toLowerCase()))) {
      throw new AuthenticationError(TOKEN_NOT_VALID);
    }
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
      // jose bounds the age from iat; the lifetime must be bounded too (an exp centuries ahead is not a session).
      if ((payload.exp as number) - (payload.iat as number) > config.tokenMaxAgeSeconds) throw new AuthenticationError("token lifetime exceeds the maximum token age");
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
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
