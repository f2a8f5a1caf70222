import type { LiaisonConfig } from "../platform/config.js";
import { mintDevToken, type TokenClaims } from "../platform/auth/index.js";
import { readJsonBody, sendJson, type Route } from "../platform/http/index.js";
import { AGENCIES } from "../schema/enums.js";

export const DEV_TOKEN_PATH = "/console/dev-token";

/** Roles the demo identity picker offers (the default policies' roles). */
export const DEV_TOKEN_ROLES: readonly string[] = ["officer", "analyst", "admin", "auditor"];
const SUBJECT = /^[A-Za-z0-9._@-]{1,64}$/;
const OPERATION = /^[A-Z0-9][A-Z0-9_-]{0,47}$/;
const MAX_OPERATIONS = 8;
const TTL_SECONDS = 8 * 3600;

/** Whether this gateway may mint demo tokens: the dev issuer is trusted and this is not production. */
export function devTokensAllowed(config: LiaisonConfig): boolean {
  return !config.production && config.issuers.some((issuer) => issuer.dev === true);
}

/** The claims of a demo identity request, or the one problem with it. */
export function readDevIdentity(body: unknown): TokenClaims | { problem: string } {
  if (!body || typeof body !== "object" || Array.isArray(body)) return { problem: "body must be a JSON object" };
  const input = body as Record<string, unknown>;
  const known = new Set(["sub", "agency", "role", "clearance", "operations"]);
  const extra = Object.keys(input).find((key) => !known.has(key));
  if (extra) return { problem: `unknown field ${extra}` };
  const { agency, role, clearance, operations } = input;
  if (typeof agency !== "string" || !(AGENCIES as readonly string[]).includes(agency)) return { problem: `agency must be one of ${AGENCIES.join(", ")}` };
  if (typeof role !== "string" || !DEV_TOKEN_ROLES.includes(role)) return { problem: `role must be one of ${DEV_TOKEN_ROLES.join(", ")}` };
  if (typeof clearance !== "number" || !Number.isInteger(clearance) || clearance < 0 || clearance > 4) return { problem: "clearance must be an integer 0-4" };
  const sub = input.sub === undefined ? `${agency.toLowerCase()}-${role}` : input.sub;
  if (typeof sub !== "string" || !SUBJECT.test(sub)) return { problem: "sub must be 1-64 of A-Z a-z 0-9 . _ @ -" };
  const ops = operations === undefined ? [] : operations;
  if (!Array.isArray(ops) || ops.length > MAX_OPERATIONS || !ops.every((op) => typeof op === "string" && OPERATION.test(op))) {
    return { problem: `operations must be at most ${MAX_OPERATIONS} ids such as OP-LANTERN` };
  }
  return { sub, agency, roles: [role], clearance, operations: [...new Set(ops as string[])] };
}

/**
 * POST /console/dev-token: a demo identity's token signed with the dev issuer's key, for the
 * console's identity picker. Refused in production and when the dev issuer is off; JSON only
 * (a cross-site form cannot send it without a preflight, which gets no CORS answer).
 */
export function devTokenRoute(config: LiaisonConfig): Route {
  return async (req, res) => {
    res.setHeader("cache-control", "no-store");
    if (!devTokensAllowed(config)) return sendJson(res, 403, { error: "demo identities are off (production, or DEV_ISSUER=false)" });
    if (req.method !== "POST") {
      res.setHeader("allow", "POST");
      return sendJson(res, 405, { error: "POST a JSON identity" });
    }
    if (!(req.headers["content-type"] ?? "").startsWith("application/json")) return sendJson(res, 415, { error: "content-type must be application/json" });
    const body = await readJsonBody(req, 4096);
    const identity = readDevIdentity(body);
    if ("problem" in identity) return sendJson(res, 400, { error: identity.problem });
    const ttl = Math.min(TTL_SECONDS, config.tokenMaxAgeSeconds);
    const token = await mintDevToken(config, identity, ttl);
    sendJson(res, 200, { token, expiresIn: ttl, claims: { ...identity, issuer: config.devIssuer } });
  };
}

/** GET /console/config.json: what the console may offer here (never a secret). */
export function consoleConfigRoute(config: LiaisonConfig): Route {
  return (_req, res) => {
    res.setHeader("cache-control", "no-store");
    sendJson(res, 200, { devTokens: devTokensAllowed(config), purposes: config.purposes, agencies: AGENCIES, roles: DEV_TOKEN_ROLES });
  };
}
