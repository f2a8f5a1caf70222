import { createHash, createHmac, KeyObject, randomUUID, sign } from "node:crypto";
import { errors, jwtVerify, type CryptoKey, type JWTPayload } from "jose";
import { canonicalJson } from "../canonical-json.js";
import type { Subject } from "./subject.js";
import { GATEWAY_ALG, type GatewayPublicKey, type GatewaySigningKey } from "./gateway-keys.js";
import { AuthenticationError, TOKEN_NOT_VALID } from "./errors.js";
import { subjectFromClaims } from "./subject.js";

/*
 * The token the gateway mints for one subgraph call (token exchange): the caller's own token never
 * leaves the gateway. Bound to one subgraph (`aud`), one request body (`bh`), one use (`jti`) and
 * at most a minute, so a captured call can be neither replayed nor sent elsewhere, nor reused with
 * another identity, purpose or body.
 */

/** The JOSE `typ` of gateway tokens: a user's token can never pass for one, nor one for a user's. */
export const GATEWAY_TOKEN_TYP = "liaison-gateway+jwt";
/** Lifetime the gateway gives its tokens. */
export const GATEWAY_TOKEN_TTL_SECONDS = 30;
/** Longest lifetime a subgraph accepts (exp - iat), whoever minted it. */
export const GATEWAY_TOKEN_MAX_LIFETIME_SECONDS = 60;
/** Clock skew between the gateway and a subgraph, both ours. */
const SKEW_SECONDS = 5;

/**
 * What a subgraph call is for: a GraphQL request on behalf of a subject, reading its audit head,
 * installing a policy set, or an auditor's question to its delivery audit (read rows, verify the chain).
 */
export type GatewayScope = "graphql" | "audit-head" | "policy" | "audit-read" | "audit-verify";

/** Scopes whose token carries the subject it acts for: the service re-checks who may ask. */
const SUBJECT_SCOPES: ReadonlySet<GatewayScope> = new Set(["graphql", "audit-read", "audit-verify"]);

/** The audience of tokens for one subgraph. */
export const gatewayAudience = (audience: string, subgraph: string) => `${audience}/${subgraph}`;

/** SHA-256 (base64url) of a request body as JSON with sorted keys: what the gateway sent is what the subgraph hashes. */
export const bodyHash = (body: unknown): string => bodyTextHash(canonicalJson(body ?? null));

/** SHA-256 (base64url) of a body already in canonical JSON (canonicalJson's output): bodyHash without serialising again. */
export const bodyTextHash = (canonical: string): string => createHash("sha256").update(canonical).digest("base64url");

export interface GatewayCall {
  readonly subgraph: string;
  readonly scope: GatewayScope;
  /** The request body the token is bound to (undefined for a body-less request). */
  readonly body: unknown;
  /**
   * canonicalJson(body), when the caller already made it to send those very bytes (the gateway's
   * subgraph calls): hashed as is. The subgraph's bodyHash of the parsed body gives the same hash.
   */
  readonly bodyText?: string;
  /** The verified caller (graphql and audit scopes), with the operations the registry confirms. */
  readonly subject?: Subject;
  readonly purpose?: string | null;
  readonly justification?: string | null;
  readonly requestId: string;
  /** The policy version the whole request runs under: every subgraph enforces that one. */
  readonly policyVersion?: string;
  /** A hub service acting for the subject (on-behalf-of, e.g. `links`): signed as `act: { sub }`, recorded in the audit. */
  readonly actor?: string;
}

/** The gateway key as a node:crypto key, made once per key. */
const nodeKeys = new WeakMap<CryptoKey, KeyObject>();
const nodeKey = (key: CryptoKey): KeyObject => {
  let found = nodeKeys.get(key);
  if (!found) nodeKeys.set(key, (found = KeyObject.from(key)));
  return found;
};
const base64url = (text: string) => Buffer.from(text, "utf8").toString("base64url");

/**
 * Signs one call's token with the gateway's key: a compact JWS (ES256, signature r||s) any JOSE
 * library verifies. Signed with node:crypto directly, not jose's SignJWT (WebCrypto): the gateway
 * signs one per subgraph call, 16 or more per operation, and WebCrypto's ES256 cost about four
 * times as much per signature under load.
 */
export async function mintGatewayToken(key: GatewaySigningKey, issuer: string, audience: string, call: GatewayCall, now = Date.now()): Promise<string> {
  const iat = Math.floor(now / 1000);
  const claims: JWTPayload = { scope: call.scope, rid: call.requestId, bh: call.bodyText === undefined ? bodyHash(call.body) : bodyTextHash(call.bodyText) };
  if (call.subject) {
    Object.assign(claims, {
      src: call.subject.issuer,
      agency: call.subject.agency,
      roles: call.subject.roles,
      clearance: call.subject.clearance,
      operations: call.subject.operations,
    });
  }
  if (call.purpose) claims.pur = call.purpose;
  if (call.policyVersion) claims.pv = call.policyVersion;
  if (call.justification) claims.jst = call.justification;
  if (call.actor) claims.act = { sub: call.actor };
  Object.assign(claims, {
    iss: issuer,
    aud: gatewayAudience(audience, call.subgraph),
    sub: call.subject?.sub ?? issuer,
    jti: randomUUID(),
    iat,
    exp: iat + GATEWAY_TOKEN_TTL_SECONDS,
  });
  const input = `${base64url(JSON.stringify({ alg: GATEWAY_ALG, typ: GATEWAY_TOKEN_TYP, kid: key.kid }))}.${base64url(JSON.stringify(claims))}`;
  const signature = sign("sha256", Buffer.from(input, "utf8"), { key: nodeKey(key.privateKey), dsaEncoding: "ieee-p1363" });
  return `${input}.${signature.toString("base64url")}`;
}

/** What a verified gateway token says about the call. */
export interface VerifiedGatewayCall {
  readonly scope: GatewayScope;
  /** The caller (graphql and audit scopes), operations already confirmed by the gateway's registry. */
  readonly subject: Subject | null;
  readonly purpose: string | null;
  readonly justification: string | null;
  readonly requestId: string;
  /** The policy version the gateway runs the request under; null when it named none. */
  readonly policyVersion: string | null;
  /** The hub service that asked on the subject's behalf (signed `act.sub`); null when the subject asked itself. */
  readonly actor: string | null;
}

/** A hub service name in an `act` claim. */
export const ACTOR_NAME = /^[a-z][a-z0-9-]{0,31}$/;

/** The `act.sub` of a token's claims: null when absent; undefined when present but not a service name (refused). */
export function actorOf(payload: JWTPayload): string | null | undefined {
  if (payload.act === undefined) return null;
  const act = payload.act as { sub?: unknown } | null;
  return act && typeof act === "object" && typeof act.sub === "string" && ACTOR_NAME.test(act.sub) ? act.sub : undefined;
}

/**
 * Remembers each accepted `jti` until its token expires, so a token is accepted once. Bounded: when
 * full of unexpired ids it refuses rather than forget one (forgetting would allow a replay).
 */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();
  constructor(private readonly capacity = 200_000) {}

  /** True the first time an id is offered before it expires; false on every later offer. */
  accept(jti: string, exp: number, nowSeconds: number): boolean {
    if (this.seen.has(jti)) return false;
    if (this.seen.size >= this.capacity) this.prune(nowSeconds);
    if (this.seen.size >= this.capacity) throw new AuthenticationError("too many calls in flight; try again");
    this.seen.set(jti, exp);
    return true;
  }

  private prune(nowSeconds: number): void {
    for (const [jti, exp] of this.seen) if (exp + SKEW_SECONDS < nowSeconds) this.seen.delete(jti);
  }
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export interface GatewayTokenVerifierOptions {
  readonly key: GatewayPublicKey;
  readonly issuer: string;
  /** The audience this subgraph accepts: gatewayAudience(config.audience, its name). */
  readonly audience: string;
  readonly purposes: readonly string[];
  readonly replay?: ReplayGuard;
}

export type GatewayTokenVerifier = (token: string, body: unknown, scope: GatewayScope) => Promise<VerifiedGatewayCall>;

/** Verifies gateway tokens for one subgraph; every refusal is an AuthenticationError with a safe message. */
export function createGatewayTokenVerifier(options: GatewayTokenVerifierOptions): GatewayTokenVerifier {
  const replay = options.replay ?? new ReplayGuard();
  return async (token, body, scope) => {
    let payload: JWTPayload;
    try {
      const verified =
        "jwks" in options.key
          ? await jwtVerify(token, options.key.jwks, verifyOptions(options))
          : await jwtVerify(token, options.key.key as CryptoKey, verifyOptions(options));
      if (!("jwks" in options.key) && verified.protectedHeader.kid !== options.key.kid) throw new AuthenticationError(TOKEN_NOT_VALID);
      payload = verified.payload;
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      if (error instanceof errors.JWTExpired) throw new AuthenticationError("gateway token has expired");
      if (error instanceof errors.JWTClaimValidationFailed) throw new AuthenticationError(`gateway token claim "${error.claim}" is invalid`);
      throw new AuthenticationError(TOKEN_NOT_VALID);
    }
    const { iat, exp, jti } = payload as { iat: number; exp: number; jti: unknown };
    if (exp - iat > GATEWAY_TOKEN_MAX_LIFETIME_SECONDS) throw new AuthenticationError("gateway token lives longer than 60 seconds");
    if (payload.scope !== scope) throw new AuthenticationError("gateway token was minted for another kind of call");
    if (payload.bh !== bodyHash(body)) throw new AuthenticationError("gateway token does not match the request body");
    if (typeof jti !== "string" || jti.length === 0 || jti.length > 64) throw new AuthenticationError('gateway token claim "jti" is invalid');
    const rid = payload.rid;
    if (typeof rid !== "string" || !REQUEST_ID.test(rid)) throw new AuthenticationError('gateway token claim "rid" is invalid');
    const purpose = typeof payload.pur === "string" ? payload.pur : null;
    if (purpose !== null && !options.purposes.includes(purpose)) throw new AuthenticationError('gateway token claim "pur" is invalid');
    const justification = typeof payload.jst === "string" ? payload.jst.slice(0, 500) : null;
    const policyVersion = typeof payload.pv === "string" && /^[A-Za-z0-9._-]{1,64}$/.test(payload.pv) ? payload.pv : null;
    const actor = actorOf(payload);
    if (actor === undefined) throw new AuthenticationError('gateway token claim "act" is invalid');
    let subject: Subject | null = null;
    if (SUBJECT_SCOPES.has(scope)) {
      if (typeof payload.src !== "string") throw new AuthenticationError('gateway token claim "src" is invalid');
      const parsed = subjectFromClaims(payload as Record<string, unknown>, payload.src);
      if (typeof parsed === "string") throw new AuthenticationError(`gateway token: ${parsed}`);
      subject = parsed;
    }
    // Last, after everything else held: a refused token does not use up its id.
    if (!replay.accept(jti, exp, Math.floor(Date.now() / 1000))) throw new AuthenticationError("gateway token has already been used");
    return { scope, subject, purpose, justification, requestId: rid, policyVersion, actor };
  };
}

function verifyOptions(options: GatewayTokenVerifierOptions) {
  return {
    issuer: options.issuer,
    audience: options.audience,
    algorithms: [GATEWAY_ALG],
    typ: GATEWAY_TOKEN_TYP,
    clockTolerance: SKEW_SECONDS,
    maxTokenAge: GATEWAY_TOKEN_MAX_LIFETIME_SECONDS,
    requiredClaims: ["exp", "iat", "sub", "jti", "bh", "rid", "scope"],
  };
}

/*
 * On-behalf-of: a hub service that must query the graph for a caller (links) gets from the gateway
 * a token it may only send back to the gateway (gateway/on-behalf-of.ts). The gateway also hands it
 * a proof key derived from the token's jti under a secret only the gateway holds; each request
 * made with the token carries a hop number and an HMAC of that number and the body under the key,
 * so the token alone (copied from a log, say) is worth nothing, and a captured hop cannot be
 * replayed or sent with another body.
 */

/** The JOSE `typ` of on-behalf-of tokens: never a caller's token, never a subgraph call's. */
export const ON_BEHALF_OF_TYP = "liaison-obo+jwt";
/** Headers of the gateway's call to the acting service (token, proof key) and of its requests back (hop, proof). */
export const ON_BEHALF_OF_HEADERS = {
  token: "x-liaison-obo",
  key: "x-liaison-obo-key",
  hop: "x-liaison-obo-hop",
  proof: "x-liaison-obo-proof",
} as const;

/** The proof one on-behalf-of request carries: HMAC-SHA256 under the proof key of the hop number and the body's hash. */
export const onBehalfOfProof = (proofKey: string, hop: number, body: unknown): string =>
  createHmac("sha256", Buffer.from(proofKey, "base64url")).update(`${hop}.${bodyHash(body)}`).digest("base64url");
