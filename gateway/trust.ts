import { loadGatewaySigningKey, mintGatewayToken, type GatewayCall } from "../platform/auth/index.js";
import type { LiaisonConfig } from "../platform/config.js";
import type { JWK } from "jose";

/** The gateway's side of the token exchange: how it signs each subgraph call, and the key set it publishes. */
export interface GatewayTrust {
  mint(call: GatewayCall): Promise<string>;
  /** Served at /.well-known/jwks.json, so subgraphs with GATEWAY_JWKS_URL follow a key rotation by kid. */
  readonly jwks: { readonly keys: readonly JWK[] };
}

export async function loadGatewayTrust(config: LiaisonConfig): Promise<GatewayTrust> {
  const key = await loadGatewaySigningKey(config);
  return {
    mint: (call) => mintGatewayToken(key, config.gatewayIssuer, config.audience, call),
    jwks: { keys: [key.publicJwk] },
  };
}
