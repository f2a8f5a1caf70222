import type { IncomingMessage } from "node:http";
import { AuthenticationError, GATEWAY_TOKEN_TYP, ON_BEHALF_OF_HEADERS, type GatewayScope, type GatewayTokenVerifier, type TokenVerifier } from "../auth/index.js";
import { ErrorCode } from "../../schema/errors.js";
import { bearerToken, readCaller, type Caller } from "./caller.js";
import { Refusal } from "./serve.js";

/** Whom a subgraph believes: the gateway's tokens always; callers' own tokens only where allowed. */
export interface SubgraphTrust {
  readonly gateway: GatewayTokenVerifier;
  /** Callers' own tokens, straight to the subgraph: development only (null in production or with REQUIRE_GATEWAY_TOKEN). */
  readonly users: TokenVerifier | null;
}

export const GATEWAY_ONLY = "this service only answers requests that come through the gateway";

const refuse = (message: string) => new Refusal(401, message, ErrorCode.UNAUTHENTICATED);

/** Whether a token's (unverified) header says it is a gateway token; verification decides whether it is one. */
function isGatewayToken(token: string): boolean {
  try {
    const header = JSON.parse(Buffer.from(token.split(".")[0] ?? "", "base64url").toString("utf8")) as { typ?: unknown };
    return header.typ === GATEWAY_TOKEN_TYP;
  } catch {
    return false;
  }
}

const ON_BEHALF_OF_VALUE = /^[A-Za-z0-9._-]{1,4096}$/;

/**
 * The on-behalf-of token and proof key the gateway sends along with its own token (only to the
 * links service). Read only on a call whose gateway token verified, so nobody else can plant them;
 * they are self-authenticating (the gateway verifies both when they come back).
 */
function onBehalfOfHeaders(req: IncomingMessage): { token: string; proofKey: string } | null {
  const token = req.headers[ON_BEHALF_OF_HEADERS.token];
  const proofKey = req.headers[ON_BEHALF_OF_HEADERS.key];
  if (typeof token !== "string" || typeof proofKey !== "string") return null;
  return ON_BEHALF_OF_VALUE.test(token) && ON_BEHALF_OF_VALUE.test(proofKey) ? { token, proofKey } : null;
}

/**
 * The caller of one subgraph request. A gateway token is verified against the request body and
 * its claims alone say who asks and why (headers are ignored: nothing unsigned is believed). A
 * gateway token that fails is refused with 401 before any GraphQL work, and so is everything else
 * when only the gateway may call.
 */
export async function readSubgraphCaller(req: IncomingMessage, body: unknown, trust: SubgraphTrust, scope: GatewayScope = "graphql"): Promise<Caller> {
  const token = bearerToken(req);
  if (typeof token === "string" && isGatewayToken(token)) {
    try {
      const call = await trust.gateway(token, body, scope);
      return {
        subject: call.subject,
        authError: null,
        viaGateway: true,
        purpose: call.purpose,
        justification: call.justification,
        requestId: call.requestId,
        clientRequestId: null,
        policyVersion: call.policyVersion,
        actor: call.actor,
        onBehalfOf: scope === "graphql" ? onBehalfOfHeaders(req) : null,
      };
    } catch (error) {
      throw refuse(error instanceof AuthenticationError ? error.message : "gateway token could not be verified");
    }
  }
  if (!trust.users || scope !== "graphql") throw refuse(GATEWAY_ONLY);
  return readCaller(req, trust.users);
}
