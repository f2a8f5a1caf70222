export type { Subject } from "./subject.js";
export { subjectFromClaims, subjectKey } from "./subject.js";
export { AuthenticationError, createTokenVerifier, type TokenVerifier } from "./verifier.js";
export { mintDevToken, type TokenClaims } from "./mint.js";
export { loadOrCreateDevKeys } from "./dev-keys.js";
export { loadGatewayPublicKey, loadGatewaySigningKey, GATEWAY_ALG, type GatewayPublicKey, type GatewaySigningKey } from "./gateway-keys.js";
export {
  bodyHash,
  createGatewayTokenVerifier,
  gatewayAudience,
  mintGatewayToken,
  ReplayGuard,
  GATEWAY_TOKEN_MAX_LIFETIME_SECONDS,
  GATEWAY_TOKEN_TTL_SECONDS,
  GATEWAY_TOKEN_TYP,
  ON_BEHALF_OF_HEADERS,
  ON_BEHALF_OF_TYP,
  onBehalfOfProof,
  actorOf,
  type GatewayCall,
  type GatewayScope,
  type GatewayTokenVerifier,
  type VerifiedGatewayCall,
} from "./gateway-token.js";
