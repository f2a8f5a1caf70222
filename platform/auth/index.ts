export type { Subject } from "./subject.js";
export { subjectFromClaims } from "./subject.js";
export { AuthenticationError, createTokenVerifier, type TokenVerifier } from "./verifier.js";
export { mintDevToken, type TokenClaims } from "./mint.js";
export { loadOrCreateDevKeys } from "./dev-keys.js";
