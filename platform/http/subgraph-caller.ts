import type { IncomingMessage } from "node:http";
import { AuthenticationError, GATEWAY_TOKEN_TYP, type GatewayScope, type GatewayTokenVerifier, type TokenVerifier } from "../auth/index.js";
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
      };
    } catch (error) {
      throw refuse(error instanceof AuthenticationError ? error.message : "gateway token could not be verified");
    }
  }
  if (!trust.users || scope !== "graphql") throw refuse(GATEWAY_ONLY);
  return readCaller(req, trust.users);
}
