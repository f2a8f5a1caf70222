import { createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { errors, importJWK, jwtVerify, SignJWT, type CryptoKey, type JWTPayload } from "jose";
import { GraphQLError } from "graphql";
import {
  actorOf,
  AuthenticationError,
  GATEWAY_ALG,
  gatewayAudience,
  ON_BEHALF_OF_HEADERS,
  ON_BEHALF_OF_TYP,
  onBehalfOfProof,
  ReplayGuard,
  subjectFromClaims,
  type GatewaySigningKey,
} from "../platform/auth/index.js";
import type { LiaisonConfig } from "../platform/config.js";
import { bearerToken, operationFields, type Caller } from "../platform/http/index.js";
import { ErrorCode } from "../schema/errors.js";
import type { GatewayContext } from "./context.js";
import { SubgraphSource, type MintCallToken } from "./subgraph-source.js";

/*
 * On-behalf-of: the links service expands a graph by asking the gateway, once per hop, as the
 * caller who asked it. When the gateway calls links for linkGraph or linkPath it mints a token for
 * that (ES256 under its own key, typ liaison-obo+jwt, audience <aud>/gateway, the caller's verified
 * claims, purpose, justification and request id, act.sub "links", 60 s) and a proof key derived
 * from the token's jti under a secret of this process. Links sends the token back with a hop number
 * and an HMAC proof over the hop and the body; the gateway then serves the hop as the caller, with
 * links recorded as the actor in both audits. What keeps an agency system from using one:
 * - it never leaves the hub's processes: the gateway sends it only to links, links only to the
 *   gateway, and neither puts it in an answer; links takes it only with a verified gateway call
 *   (subgraph-caller.ts), and agency subgraphs refuse its typ (it is neither a gateway token nor a
 *   caller's);
 * - the token alone is useless: every request also needs the proof, which needs the proof key,
 *   which only this gateway process can derive; a captured hop is accepted once (jti + hop);
 * - it only reads: no mutations, no linkGraph/linkPath inside a hop, at most MAX_HOPS requests, 60 s.
 * Limit: the proof secret lives in this process, so a hop must reach the gateway that minted the
 * token (one gateway, or sticky routing by the links service to the same replica).
 */

/** The acting service's name in `act.sub` and the audits. */
export const LINKS_ACTOR = "links";
/** Lifetime of an on-behalf-of token: one whole expansion must fit in it. */
export const ON_BEHALF_OF_TTL_SECONDS = 60;
/** The gateway's deadline on a call to links: an expansion is several hops, each a request through this gateway. */
export const LINK_EXPANSION_TIMEOUT_MS = ON_BEHALF_OF_TTL_SECONDS * 1000;
/** Requests one token may make (linkGraph and linkPath take at most 4 hops each). */
export const MAX_HOPS = 16;
/** Root fields whose answer the links service computes through hops: only these get a token. */
const EXPANDING_FIELDS = /\blink(Graph|Path)\b/;
const SKEW_SECONDS = 5;
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export interface OnBehalfOf {
  /** A token and proof key for the links service, acting for this request's caller. */
  mint(context: GatewayContext): Promise<{ token: string; proofKey: string }>;
  /** The caller of a request sent with an on-behalf-of token; null when the request carries none (then it is a caller's own). */
  readCaller(req: IncomingMessage, body: unknown): Promise<Caller | null>;
}

/** The unverified JOSE header's typ, to route a bearer token to its verifier (verification then decides). */
function typOf(token: string): unknown {
  try {
    return (JSON.parse(Buffer.from(token.split(".")[0] ?? "", "base64url").toString("utf8")) as { typ?: unknown }).typ;
  } catch {
    return undefined;
  }
}

export async function createOnBehalfOf(config: LiaisonConfig, key: GatewaySigningKey): Promise<OnBehalfOf> {
  const secret = randomBytes(32);
  const publicKey = (await importJWK(key.publicJwk, GATEWAY_ALG)) as CryptoKey;
  const audience = gatewayAudience(config.audience, "gateway");
  const replay = new ReplayGuard();
  const proofKeyOf = (jti: string) => createHmac("sha256", secret).update(jti).digest("base64url");

  const refused = (message: string): Caller => ({
    subject: null,
    authError: message,
    viaGateway: false,
    purpose: null,
    justification: null,
    requestId: randomUUID(),
    clientRequestId: null,
    policyVersion: null,
    actor: null,
  });

  return {
    async mint(context) {
      const subject = context.subject;
      if (!subject) throw new Error("on-behalf-of: no verified subject");
      const { caller } = context;
      const jti = randomUUID();
      const iat = Math.floor(Date.now() / 1000);
      const claims: JWTPayload = {
        src: subject.issuer,
        agency: subject.agency,
        roles: subject.roles,
        clearance: subject.clearance,
        operations: subject.operations,
        rid: caller.requestId,
        act: { sub: LINKS_ACTOR },
      };
      if (caller.purpose) claims.pur = caller.purpose;
      if (caller.justification) claims.jst = caller.justification;
      if (context.policyVersion) claims.pv = context.policyVersion;
      const token = await new SignJWT(claims)
        .setProtectedHeader({ alg: GATEWAY_ALG, typ: ON_BEHALF_OF_TYP, kid: key.kid })
        .setIssuer(config.gatewayIssuer)
        .setAudience(audience)
        .setSubject(subject.sub)
        .setJti(jti)
        .setIssuedAt(iat)
        .setExpirationTime(iat + ON_BEHALF_OF_TTL_SECONDS)
        .sign(key.privateKey);
      return { token, proofKey: proofKeyOf(jti) };
    },

    async readCaller(req, body) {
      const token = bearerToken(req);
      if (typeof token !== "string" || typOf(token) !== ON_BEHALF_OF_TYP) return null;
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, publicKey, {
          issuer: config.gatewayIssuer,
          audience,
          algorithms: [GATEWAY_ALG],
          typ: ON_BEHALF_OF_TYP,
          clockTolerance: SKEW_SECONDS,
          maxTokenAge: ON_BEHALF_OF_TTL_SECONDS + SKEW_SECONDS,
          requiredClaims: ["exp", "iat", "sub", "jti", "rid", "act", "src"],
        }));
      } catch (error) {
        if (error instanceof errors.JWTExpired) return refused("on-behalf-of token has expired");
        if (error instanceof errors.JWTClaimValidationFailed) return refused(`on-behalf-of token claim "${error.claim}" is invalid`);
        return refused("on-behalf-of token is not valid");
      }
      const { iat, exp, jti, rid, src } = payload as { iat: number; exp: number; jti: string; rid: unknown; src: unknown };
      if (exp - iat > ON_BEHALF_OF_TTL_SECONDS) return refused("on-behalf-of token lives too long");
      if (actorOf(payload) !== LINKS_ACTOR) return refused('on-behalf-of token claim "act" is invalid');
      if (typeof rid !== "string" || !REQUEST_ID.test(rid)) return refused('on-behalf-of token claim "rid" is invalid');
      const purpose = typeof payload.pur === "string" ? payload.pur : null;
      if (purpose !== null && !config.purposes.includes(purpose)) return refused('on-behalf-of token claim "pur" is invalid');
      // The sender must prove it holds the key the gateway gave the links service with this token.
      const hopHeader = req.headers[ON_BEHALF_OF_HEADERS.hop];
      const proof = req.headers[ON_BEHALF_OF_HEADERS.proof];
      const hop = typeof hopHeader === "string" && /^[0-9]{1,3}$/.test(hopHeader) ? Number(hopHeader) : 0;
      if (hop < 1 || hop > MAX_HOPS || typeof proof !== "string") return refused("on-behalf-of request without a valid proof");
      const expected = Buffer.from(onBehalfOfProof(proofKeyOf(jti), hop, body));
      const given = Buffer.from(proof);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return refused("on-behalf-of request without a valid proof");
      if (typeof src !== "string") return refused('on-behalf-of token claim "src" is invalid');
      const subject = subjectFromClaims(payload as Record<string, unknown>, src);
      if (typeof subject === "string") return refused(`on-behalf-of token: ${subject}`);
      try {
        if (!replay.accept(`${jti}/${hop}`, exp, Math.floor(Date.now() / 1000))) return refused("on-behalf-of request has already been made");
      } catch (error) {
        return refused(error instanceof AuthenticationError ? error.message : "on-behalf-of request refused");
      }
      return {
        subject,
        authError: null,
        viaGateway: false,
        purpose,
        justification: typeof payload.jst === "string" ? payload.jst.slice(0, 500) : null,
        // Each hop is a request of its own; the caller's request it serves is kept for correlation.
        requestId: randomUUID(),
        clientRequestId: rid,
        policyVersion: null,
        actor: LINKS_ACTOR,
      };
    },
  };
}

/** The links service's source: besides the call's own token, an on-behalf-of token when the operation expands a graph. */
export class LinksSource extends SubgraphSource {
  constructor(name: string, url: string, timeoutMs: number, mint: MintCallToken, private readonly onBehalfOf: OnBehalfOf) {
    // Never merged: each expansion gets a token of its own.
    super(name, url, timeoutMs, mint, false);
  }

  protected override async extraHeaders(options: GraphQLDataSourceProcessOptions<GatewayContext>, headers: Record<string, string>): Promise<void> {
    const { request, context } = options;
    // Never for a request that is itself a hop (no expansion inside an expansion), nor without a subject and purpose.
    if (!context?.subject || !context.caller.purpose || context.caller.actor) return;
    if (typeof request.query !== "string" || !EXPANDING_FIELDS.test(request.query)) return;
    const { token, proofKey } = await this.onBehalfOf.mint(context as GatewayContext);
    headers[ON_BEHALF_OF_HEADERS.token] = token;
    headers[ON_BEHALF_OF_HEADERS.key] = proofKey;
  }
}

const FORBIDDEN_FOR_ACTOR = new Set(["linkGraph", "linkPath"]);

/** A request on someone's behalf only reads, and never expands a graph itself. */
export function onBehalfOfPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document, request }) {
          if (!contextValue.caller.actor) return;
          const reached = operationFields(document, request.operationName).rootFields;
          if (operation?.operation !== "query" || reached.some((field) => FORBIDDEN_FOR_ACTOR.has(field))) {
            throw new GraphQLError("A request on a caller's behalf may only read, and may not expand a link graph", {
              extensions: { code: ErrorCode.FORBIDDEN, rule: "on-behalf-of.read-only", http: { status: 403 } },
            });
          }
        },
      };
    },
  };
}
