import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { Caller } from "../http/index.js";
import { enterRequest, logger } from "./logger.js";
import type { ServiceMetrics } from "./metrics.js";

/** Codes that are neither a policy's decision nor our fault: the request itself was refused. */
const NOT_REFUSALS = new Set(["FORBIDDEN", "INTERNAL_SERVER_ERROR"]);

/**
 * Counts and logs every GraphQL request a service answers: its operation (bounded name), outcome
 * and latency; FORBIDDEN errors under the rule that decided; refusals once per code. One debug
 * line per request (its error codes too) with the request id the
 * gateway minted (the subgraphs read it from the gateway's token), so one request's lines can be
 * followed across services. Never the query, variables, subject or token.
 */
export function observabilityPlugin<TContext extends BaseContext & { caller: Caller }>(metrics: ServiceMetrics): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      const requestId = contextValue.caller.requestId;
      // Synchronously, before any await: the rest of this request's work carries the id.
      enterRequest({ requestId, metrics });
      metrics.requestStarted();
      return {
        async willSendResponse({ response, errors, operation, request, contextValue: context }) {
          const result = response.body.kind === "single" ? response.body.singleResult : null;
          const list = result?.errors ?? errors ?? [];
          const operationName = metrics.operationLabel(operation?.name?.value ?? request.operationName, Boolean(context.caller.subject));
          const outcome = list.length === 0 ? "ok" : result?.data ? "partial" : "error";
          const seconds = (performance.now() - started) / 1000;
          metrics.operationAnswered(operationName, outcome, seconds);
          const codes = new Set<string>();
          for (const error of list) {
            const code = String(error.extensions?.code ?? "INTERNAL_SERVER_ERROR");
            if (code === "FORBIDDEN") metrics.denied(error.extensions?.rule);
            codes.add(code);
          }
          for (const code of codes) if (!NOT_REFUSALS.has(code)) metrics.refused(code);
          const line = { service: metrics.service, requestId, operation: operationName, outcome, ms: Math.round(seconds * 1000), codes: [...codes].sort().slice(0, 10).map((code) => metrics.codeLabel(code)) };
          // Debug (LOG_LEVEL=debug): tests and load would otherwise write a line per request.
          logger().debug(line, codes.size > 0 ? "request answered with errors" : "request answered");
        },
      };
    },
  };
}
