import { loadGatewaySigningKey, mintGatewayToken, type GatewayCall } from "../platform/auth/index.js";
import type { LiaisonConfig } from "../platform/config.js";
import type { JWK } from "jose";
import { createOnBehalfOf, type OnBehalfOf } from "./on-behalf-of.js";

/** The gateway's side of the token exchange: how it signs each subgraph call, and the key set it publishes. */
export interface GatewayTrust {
  mint(call: GatewayCall): Promise<string>;
  /** Served at /.well-known/jwks.json, so subgraphs with GATEWAY_JWKS_URL follow a key rotation by kid. */
  readonly jwks: { readonly keys: readonly JWK[] };
  /** Tokens for the links service to query the gateway as a caller, and their check when they come back. */
  readonly onBehalfOf: OnBehalfOf;
}

export async function loadGatewayTrust(config: LiaisonConfig): Promise<GatewayTrust> {
  const key = await loadGatewaySigningKey(config);
  return {
    mint: (call) => mintGatewayToken(key, config.gatewayIssuer, config.audience, call),
    jwks: { keys: [key.publicJwk] },
    onBehalfOf: await createOnBehalfOf(config, key),
  };
}
