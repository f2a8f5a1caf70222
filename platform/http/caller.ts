import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { AuthenticationError, type Subject, type TokenVerifier } from "../auth/index.js";

/** Who is calling and why, read from one HTTP request (headers are a contract). */
export interface Caller {
  /** Null when no usable token was sent; `authError` then says why. */
  readonly subject: Subject | null;
  readonly authError: string | null;
  /** True when a gateway token vouched for this call (its operations are already confirmed); never for a caller's own token. */
  readonly viaGateway: boolean;
  readonly purpose: string | null;
  readonly justification: string | null;
  /** Ours: minted by the gateway for every request; a subgraph takes the gateway's. */
  readonly requestId: string;
  /** The X-Request-Id a client sent to the gateway, kept apart for correlation; null when absent or not a plain id. */
  readonly clientRequestId: string | null;
  /** The policy version the gateway's token names for this request (subgraphs enforce exactly it); null otherwise. */
  readonly policyVersion: string | null;
  /** The hub service asking on the subject's behalf (`links`), from a signed claim; null or absent when the subject asks itself. */
  readonly actor?: string | null;
  /**
   * The acting service's side (links): the on-behalf-of token and proof key the gateway sent with
   * its own verified call, to query the gateway as this subject. Never present on any other caller.
   */
  readonly onBehalfOf?: { readonly token: string; readonly proofKey: string } | null;
}

export interface ReadCallerOptions {
  /** At the edge: never adopt the client's X-Request-Id as ours, mint a fresh one. */
  readonly mintRequestId?: boolean;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Verifies the bearer token (if any) and reads purpose, justification and request ids. */
export async function readCaller(req: IncomingMessage, verify: TokenVerifier, options: ReadCallerOptions = {}): Promise<Caller> {
  const requestIdHeader = header(req, "x-request-id");
  const sentId = requestIdHeader && REQUEST_ID.test(requestIdHeader) ? requestIdHeader : null;
  const requestId = options.mintRequestId ? randomUUID() : (sentId ?? randomUUID());
  const clientRequestId = options.mintRequestId ? sentId : null;
  const purpose = header(req, "x-purpose")?.trim() || null;
  // Free text for the audit: bounded and stripped of control characters.
  const justification = header(req, "x-justification")?.replace(/[\u0000-\u001f\u007f]/g, " ").trim().slice(0, 500) || null;
  let subject: Subject | null = null;
  let authError: string | null = null;
  const bearer = bearerToken(req);
  if (typeof bearer !== "string") authError = bearer.error;
  else {
    try {
      subject = await verify(bearer);
    } catch (error) {
      authError = error instanceof AuthenticationError ? error.message : "token could not be verified";
    }
  }
  return { subject, authError, purpose, justification, requestId, clientRequestId, viaGateway: false, policyVersion: null };
}

/** The bearer token of a request, or why there is none usable; never logged. */
export function bearerToken(req: IncomingMessage): string | { error: string } {
  const authorization = header(req, "authorization");
  if (authorization === undefined) return { error: "missing bearer token" };
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(authorization.trim());
  return match ? (match[1] as string) : { error: "authorization header must be 'Bearer <token>'" };
}
