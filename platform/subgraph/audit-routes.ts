import type { IncomingMessage, ServerResponse } from "node:http";
import type { DataSource } from "typeorm";
import { ErrorCode } from "../../schema/errors.js";
import {
  AuditRequestError, auditOwnerRefusal, disclosures, parseAccessLogQuery, parseDisclosureQuery, queryAccessLog, storedHashes, verifyChain,
  type AuditedRecords,
} from "../audit/index.js";
import type { GatewayScope } from "../auth/index.js";
import { readJsonBody, readSubgraphCaller, Refusal, sendJson, type Route, type SubgraphTrust } from "../http/index.js";

/** Where the gateway's audit API asks an agency's service (gateway/audit-api). */
export const AUDIT_QUERY_PATH = "/audit/query";
export const AUDIT_DISCLOSURES_PATH = "/audit/disclosures";
export const AUDIT_VERIFY_PATH = "/audit/verify";

/** The most anchored seqs one /audit/verify looks up. */
export const ANCHORED_SEQS_MAX = 20_000;
const QUERY_BODY_BYTES = 16_384;
const VERIFY_BODY_BYTES = 512_000;

export interface AuditRouteOptions {
  readonly dataSource: DataSource;
  /** The agency whose audit this is (CUSTOMS, ...). */
  readonly agency: string;
  /** The service name, for the chain's name (`customs.access_audit`). */
  readonly service: string;
  readonly records: readonly AuditedRecords[];
  readonly chainKey: Buffer;
  readonly trust: SubgraphTrust;
}

const refusal = (res: ServerResponse, status: number, message: string, code: string, extensions: Record<string, unknown> = {}) =>
  sendJson(res, status, { errors: [{ message, extensions: { code, ...extensions } }] });

/**
 * One audit route: POST only, a body of at most `maxBytes`, a gateway token of `scope` bound to
 * that body (else 401), the subject it names allowed to read this agency's audit (else 403, with
 * the deciding rule), then `answer`; a body it cannot use is a 400 with a one-line reason.
 */
function auditRoute(options: AuditRouteOptions, scope: GatewayScope, maxBytes: number, answer: (body: unknown) => Promise<unknown>): Route {
  return async (req: IncomingMessage, res: ServerResponse) => {
    try {
      if (req.method !== "POST") throw new Refusal(405, "POST a JSON body", ErrorCode.BAD_USER_INPUT);
      const body = await readJsonBody(req, maxBytes);
      const caller = await readSubgraphCaller(req, body, options.trust, scope);
      if (!caller.subject) throw new Refusal(401, "gateway token names no subject", ErrorCode.UNAUTHENTICATED);
      const refused = auditOwnerRefusal(caller.subject, options.agency);
      if (refused) return refusal(res, 403, refused.message, ErrorCode.FORBIDDEN, { rule: refused.rule });
      sendJson(res, 200, await answer(body));
    } catch (error) {
      if (error instanceof Refusal) return refusal(res, error.status, error.message, error.code);
      if (error instanceof AuditRequestError) return refusal(res, 400, error.message, ErrorCode.BAD_USER_INPUT);
      throw error;
    }
  };
}

/** The anchored seqs the gateway asks about: a list of distinct positive integers, bounded. */
function anchoredSeqs(body: unknown): number[] {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new AuditRequestError("body must be a JSON object");
  const keys = Object.keys(body);
  if (keys.some((k) => k !== "anchoredSeqs")) throw new AuditRequestError("unknown key; allowed: anchoredSeqs");
  const seqs = (body as { anchoredSeqs?: unknown }).anchoredSeqs ?? [];
  if (!Array.isArray(seqs) || seqs.length > ANCHORED_SEQS_MAX || !seqs.every((s) => Number.isSafeInteger(s) && (s as number) > 0)) {
    throw new AuditRequestError(`anchoredSeqs must be a list of at most ${ANCHORED_SEQS_MAX} positive integers`);
  }
  return [...new Set(seqs as number[])];
}

/**
 * The agency's delivery audit, for the gateway's audit API only: rows by filter (`/audit/query`),
 * what was delivered to one agency (`/audit/disclosures`), and the chain verified under this
 * service's own key with the hashes at the seqs the hub anchored (`/audit/verify`; the gateway
 * compares them with its anchors).
 */
export function auditRoutes(options: AuditRouteOptions): Record<string, Route> {
  const { dataSource } = options;
  return {
    [AUDIT_QUERY_PATH]: auditRoute(options, "audit-read", QUERY_BODY_BYTES, (body) => queryAccessLog(dataSource, options.records, parseAccessLogQuery(body))),
    [AUDIT_DISCLOSURES_PATH]: auditRoute(options, "audit-read", QUERY_BODY_BYTES, (body) => disclosures(dataSource, parseDisclosureQuery(body))),
    [AUDIT_VERIFY_PATH]: auditRoute(options, "audit-verify", VERIFY_BODY_BYTES, async (body) => {
      const seqs = anchoredSeqs(body);
      const report = await verifyChain(dataSource, "access_audit", options.chainKey);
      const hashes = await storedHashes(dataSource, "access_audit", seqs);
      // The gateway read its anchors before asking: rows only added since cannot make the count fall short.
      return {
        chain: `${options.service}.access_audit`,
        ok: report.ok,
        rows: report.rows,
        head: report.rows > 0 ? report.head : null,
        breaks: report.breaks,
        hashes: Object.fromEntries(hashes),
      };
    }),
  };
}
