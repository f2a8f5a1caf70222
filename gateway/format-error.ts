import type { GraphQLFormattedError } from "graphql";
import { formatError } from "../platform/http/index.js";
import { logLine } from "../platform/log.js";
import { ErrorCode } from "../schema/errors.js";

/** Subgraph errors pass through with their code; `serviceName` (Apollo's) becomes `service`. */
export function formatGatewayError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const { serviceName, ...rest } = formatted.extensions ?? {};
  const extensions = typeof serviceName === "string" ? { ...rest, service: serviceName } : rest;
  return formatError({ ...formatted, extensions }, error, "gateway");
}

/*
 * What must never reach a client in production, whoever wrote the message (a subgraph, a driver,
 * @apollo/gateway's fetcher): URLs, host:port, addresses, socket error names, stack frames, SQL.
 */
const INTERNAL_DETAIL = [
  /\b[a-z][a-z0-9+.-]*:\/\/\S+/i,
  /\b\d{1,3}(?:\.\d{1,3}){3}\b/,
  /\[?[0-9a-f]*:[0-9a-f:]+\]?:\d{2,5}\b/i,
  /\blocalhost\b/i,
  /\b[\w.-]+:\d{2,5}\b/,
  /\bE(?:CONNREFUSED|CONNRESET|NOTFOUND|AI_AGAIN|TIMEDOUT|PIPE|HOSTUNREACH|NETUNREACH)\b/,
  /^\s*at .+\(?.+:\d+:\d+\)?$/m,
  /\b(?:SELECT|INSERT|UPDATE|DELETE)\b[\s\S]*\b(?:FROM|INTO|SET|WHERE)\b/i,
  /\brelation "|\bduplicate key value\b|\bviolates .* constraint\b|\bsyntax error at or near\b/i,
];

/** Whether a message names anything internal (host, port, URL, stack, SQL). */
export function revealsInternals(message: string): boolean {
  return INTERNAL_DETAIL.some((pattern) => pattern.test(message));
}

/**
 * The gateway's formatError. In production a message that names anything internal is replaced
 * (by "Service "fiu" is unavailable" when a service is named) and logged in full here instead.
 */
export function gatewayErrorFormatter(production: boolean): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  if (!production) return formatGatewayError;
  return (formatted, error) => {
    const result = formatGatewayError(formatted, error);
    if (!revealsInternals(result.message)) return result;
    const service = typeof result.extensions?.service === "string" ? result.extensions.service : null;
    logLine("gateway", "masked error:", JSON.stringify(result.message), error instanceof Error && error.stack ? error.stack : "");
    const message = service ? `Service ${JSON.stringify(service)} is unavailable` : "Internal server error";
    const code = service ? result.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR : ErrorCode.INTERNAL_SERVER_ERROR;
    return { message, path: result.path, locations: result.locations, extensions: { code, ...(service ? { service } : {}) } };
  };
}
