import type { ApolloServerPlugin } from "@apollo/server";
import type { DataSource } from "typeorm";
import { ErrorCode } from "../../schema/errors.js";
import type { SubgraphContext } from "../subgraph/context.js";
import { appendChained, type AuditRow } from "./chain.js";
import { timeAuditWrite } from "../observability/index.js";

/** The single result that replaces an incremental (deferred or streamed) answer: such an answer is never served. */
export const incrementalRefusal = (service: string) => ({
  data: null,
  errors: [{ message: "Incremental delivery is not supported; no data is served", extensions: { code: ErrorCode.BAD_USER_INPUT, service } }],
});

/**
 * Appends, per request, one audit row per entity served (what the policy let through, what it
 * denied or masked), chained under `chainKey`. Fail closed: when the audit cannot be written, or
 * the answer would be delivered incrementally (later parts would escape the audit), the response
 * carries no data.
 */
export function accessAuditPlugin(dataSource: DataSource, service: string, chainKey: Buffer): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind !== "single") {
            response.body = { kind: "single", singleResult: incrementalRefusal(service) };
            return;
          }
          const { access, caller } = contextValue;
          if (!access || !caller.subject) return;
          const served = access.served();
          if (served.length === 0) return;
          const at = new Date();
          const rows: AuditRow[] = served.map((entity) => ({
            at,
            request_id: caller.requestId,
            subject: caller.subject?.sub ?? "",
            agency: caller.subject?.agency ?? "",
            purpose: caller.purpose ?? "",
            justification: caller.justification,
            entity_type: entity.type,
            entity_id: entity.id,
            fields_served: [...entity.served].sort(),
            fields_denied: entity.denied ? [...entity.denied].sort() : [],
            fields_masked: entity.masked ? [...entity.masked].sort() : [],
            policy_version: access.version,
            issuer: caller.subject?.issuer ?? null,
            // Null (left out of the hash) unless a grant served something: older rows hash as before.
            grant_rules: entity.grants ? [...entity.grants].sort() : null,
            // The hub service that asked on the subject's behalf (signed act claim); null (left out of the hash) otherwise.
            actor: caller.actor ?? null,
          }));
          try {
            await timeAuditWrite("access", () => appendChained(dataSource, "access_audit", rows, chainKey));
          } catch (error) {
            process.stderr.write(`[${service}] audit write failed, answer withheld: ${error instanceof Error ? error.message : String(error)}\n`);
            response.body.singleResult = {
              data: null,
              errors: [{ message: "The access audit could not be written; no data is served", extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, service } }],
            };
            if (response.http) response.http.status = 503;
          }
        },
      };
    },
  };
}
