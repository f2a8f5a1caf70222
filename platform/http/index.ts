export { readJsonBody, serveGraphQL, sendJson, answerRefusal, Refusal, LimitRefusal, PERSISTED_QUERY_REFUSAL, type HttpServerOptions, type Route, type RunningServer } from "./serve.js";
export { callerPlugin, purposeRefusal } from "./caller-plugin.js";
export { legacyJsonStatusPlugin } from "./json-status.js";
export { bearerToken, readCaller, type Caller, type ReadCallerOptions } from "./caller.js";
export { readSubgraphCaller, GATEWAY_ONLY, type SubgraphTrust } from "./subgraph-caller.js";
export { formatError, withoutSuggestions } from "./format-error.js";
export { operationFields, METADATA_FIELDS, type OperationFields } from "./operation-fields.js";
export { escapedApolloLogger, type ApolloLogger } from "./apollo-logger.js";
