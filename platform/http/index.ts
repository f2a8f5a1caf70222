export { serveGraphQL, sendJson, PERSISTED_QUERY_REFUSAL, type HttpServerOptions, type Route, type RunningServer } from "./serve.js";
export { callerPlugin } from "./caller-plugin.js";
export { readCaller, type Caller, type ReadCallerOptions } from "./caller.js";
export { formatError, withoutSuggestions } from "./format-error.js";
export { checkGatewayProof, PROOF_HEADER, signGatewayRequest } from "./gateway-proof.js";
export { operationFields, METADATA_FIELDS, type OperationFields } from "./operation-fields.js";
export { escapedApolloLogger, type ApolloLogger } from "./apollo-logger.js";
