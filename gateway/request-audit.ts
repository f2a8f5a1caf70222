import type { ApolloServerPlugin } from "@apollo/server";
import { Kind, type OperationDefinitionNode } from "graphql";
import type { DataSource } from "typeorm";
import { appendChained } from "../platform/audit/index.js";
import { ErrorCode } from "../schema/errors.js";
import type { GatewayContext } from "./context.js";

const METADATA = new Set(["_service", "__schema", "__type", "__typename"]);

/**
 * One hash-chained row per request through the gateway, in the hub database: who asked, why,
 * for which root fields, and how it ended. Refused requests are audited too. Fail closed: when
 * the row cannot be written, the answer is withheld.
 */
export function requestAuditPlugin(dataSource: DataSource, policyVersion: () => string): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      let rootFields: string[] = [];
      let operationName: string | null = null;
      return {
        async didResolveOperation({ operation }) {
          if (!operation) return;
          operationName = operation.name?.value ?? null;
          rootFields = (operation as OperationDefinitionNode).selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
        },
        async willSendResponse({ contextValue, response, errors }) {
          if (rootFields.length > 0 && rootFields.every((f) => METADATA.has(f))) return;
          if (response.body.kind !== "single") return;
          const { caller } = contextValue;
          const result = response.body.singleResult;
          const codes = [...new Set((result.errors ?? errors ?? []).map((e) => String(e.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR)))].sort();
          const outcome = codes.length === 0 ? "ok" : result.data ? "partial" : "refused";
          try {
            await appendChained(dataSource, "request_audit", [
              {
                at: new Date(),
                request_id: caller.requestId,
                subject: caller.subject?.sub ?? "-",
                agency: caller.subject?.agency ?? "-",
                purpose: caller.purpose ?? "-",
                justification: caller.justification,
                operation_name: operationName,
                root_fields: rootFields,
                outcome,
                error_codes: codes,
                policy_version: policyVersion(),
              },
            ]);
          } catch (error) {
            process.stderr.write(`[gateway] request audit write failed, answer withheld: ${error instanceof Error ? error.message : String(error)}\n`);
            response.body.singleResult = {
              data: null,
              errors: [{ message: "The request audit could not be written; no data is served", extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, service: "gateway" } }],
            };
            if (response.http) response.http.status = 503;
          }
        },
      };
    },
  };
}
