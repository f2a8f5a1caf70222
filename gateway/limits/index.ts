export { operationLimitsPlugin, refuseTokens } from "./operation-limits.js";
export { createRateLimiter, type RateLimiter } from "./rate-limit.js";
export { introspectionGuardPlugin } from "./introspection.js";
