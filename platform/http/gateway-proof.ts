import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { canonicalJson } from "../canonical-json.js";

/*
 * Proof that a subgraph call came through the gateway: an HMAC, with a key only the gateway
 * and the subgraphs share, over a timestamp and the request's query and variables. Without it
 * (in production) a subgraph answers 401, so `_entities` cannot be called around the gateway.
 */

export const PROOF_HEADER = "x-liaison-gateway";
const MAX_SKEW_SECONDS = 60;

function digest(query: string, variables: unknown): string {
  return createHash("sha256").update(`${query}\n${canonicalJson(variables ?? {})}`).digest("base64url");
}

const mac = (secret: string, timestamp: number, bodyDigest: string) =>
  createHmac("sha256", secret).update(`${timestamp}.${bodyDigest}`).digest("base64url");

/** The header value the gateway sends with one subgraph request. */
export function signGatewayRequest(secret: string, query: string, variables: unknown, now = Date.now()): string {
  const timestamp = Math.floor(now / 1000);
  return `t=${timestamp},s=${mac(secret, timestamp, digest(query, variables))}`;
}

/** Null when the proof holds; else the reason (for the 401 message). */
export function checkGatewayProof(secret: string, header: string | undefined, body: unknown, now = Date.now()): string | null {
  if (!header) return "this service only answers requests that come through the gateway";
  const match = /^t=(\d{1,12}),s=([A-Za-z0-9_-]{43})$/.exec(header);
  if (!match) return "gateway proof is malformed";
  const timestamp = Number(match[1]);
  if (Math.abs(now / 1000 - timestamp) > MAX_SKEW_SECONDS) return "gateway proof has expired";
  const request = (body && typeof body === "object" ? body : {}) as { query?: unknown; variables?: unknown };
  if (typeof request.query !== "string") return "gateway proof does not match the request";
  const expected = Buffer.from(mac(secret, timestamp, digest(request.query, request.variables)));
  const given = Buffer.from(match[2] as string);
  return expected.length === given.length && timingSafeEqual(expected, given) ? null : "gateway proof does not match the request";
}
