export { serveGraphQL, sendJson, type HttpServerOptions, type Route, type RunningServer } from "./serve.js";
export { callerPlugin } from "./caller-plugin.js";
export { readCaller, type Caller } from "./caller.js";
export { formatError } from "./format-error.js";
export { checkGatewayProof, PROOF_HEADER, signGatewayRequest } from "./gateway-proof.js";
