import type { ApolloServerPlugin } from "@apollo/server";
import type { DataSource } from "typeorm";
import { appendChained, incrementalRefusal, type AuditRow } from "../platform/audit/index.js";
import { operationFields, type Caller } from "../platform/http/index.js";
import { logLine } from "../platform/log.js";
import { timeAuditWrite } from "../platform/observability/index.js";
import { ErrorCode } from "../schema/errors.js";
import type { GatewayContext } from "./context.js";
import { auditedOperationName, auditedPurpose, auditedRootFields } from "./request-audit-bounds.js";

/**
 * One hash-chained row per request through the gateway, in the hub database: who asked, why,
 * for which root fields (through every fragment, by the same walk as the caller check), and how
 * it ended. Refused requests are audited too, parse and validation failures included; only a
 * request that reaches nothing but schema metadata is exempt. Rows are chained under `chainKey`.
 * Fail closed: when the row cannot be written, the answer is withheld; an answer that would be
 * delivered incrementally is replaced by a refusal (and audited as refused).
 */
export function requestAuditPlugin(
  dataSource: DataSource,
  purposes: readonly string[],
  chainKey: Buffer,
): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, errors, document, request }) {
          const { caller } = contextValue;
          response.http.headers.set("x-request-id", caller.requestId);
          if (response.body.kind !== "single") response.body = { kind: "single", singleResult: incrementalRefusal("gateway") };
          // No document: the request never parsed (or never got that far); it is audited with no root fields.
          const reached = document ? operationFields(document, request.operationName) : { rootFields: [], touchesData: true, operation: null };
          if (!reached.touchesData) return;
          const result = response.body.singleResult;
          const codes = [...new Set((result.errors ?? errors ?? []).map((e) => String(e.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR)))].sort();
          const outcome = codes.length === 0 ? "ok" : result.data ? "partial" : "refused";
          try {
            const row = requestAuditRow(caller, purposes, contextValue.policyVersion, {
              operationName: reached.operation?.name?.value ?? request.operationName ?? null,
              rootFields: reached.rootFields,
              outcome,
              codes,
            });
            await timeAuditWrite("request", () => appendChained(dataSource, "request_audit", [row], chainKey));
          } catch (error) {
            logLine("gateway", "request audit write failed, answer withheld:", error instanceof Error ? error.message : String(error));
            response.body.singleResult = {
              data: null,
              errors: [{ message: "The request audit could not be written; no data is served", extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, service: "gateway" } }],
            };
            response.http.status = 503;
          }
        },
      };
    },
  };
}

/** How one request ended, for its audit row. */
interface RequestOutcome {
  readonly operationName: string | null;
  readonly rootFields: readonly string[];
  readonly outcome: "ok" | "partial" | "refused";
  readonly codes: readonly string[];
}

function requestAuditRow(caller: Caller, purposes: readonly string[], policyVersion: string, ended: RequestOutcome): AuditRow {
  return {
    at: new Date(),
    request_id: caller.requestId,
    client_request_id: caller.clientRequestId,
    subject: caller.subject?.sub ?? "-",
    agency: caller.subject?.agency ?? "-",
    purpose: auditedPurpose(caller.purpose, purposes),
    justification: caller.justification,
    operation_name: auditedOperationName(ended.operationName),
    root_fields: auditedRootFields([...ended.rootFields]),
    outcome: ended.outcome,
    error_codes: ended.codes.slice(0, 10),
    policy_version: policyVersion,
    issuer: caller.subject?.issuer ?? null,
    // A hop of a link expansion: the links service asked on the subject's behalf.
    actor: caller.actor ?? null,
  };
}

/**
 * Audits a request refused before GraphQL ran (a body that is not JSON, or too large): nothing was
 * parsed, so the row names no root fields, but who sent it is known from the token.
 */
export async function auditRefusedRequest(dataSource: DataSource, chainKey: Buffer, caller: Caller, purposes: readonly string[], policyVersion: string, code: string): Promise<void> {
  const row = requestAuditRow(caller, purposes, policyVersion, { operationName: null, rootFields: [], outcome: "refused", codes: [code] });
  await timeAuditWrite("request", () => appendChained(dataSource, "request_audit", [row], chainKey));
}
