import type { GraphQLFormattedError } from "graphql";
import { ErrorCode } from "../../schema/errors.js";

const KNOWN = new Set<string>(Object.values(ErrorCode));
/** Apollo's own request errors are the caller's fault: reported as BAD_USER_INPUT. */
const REQUEST_ERRORS = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
]);

/**
 * Every error leaves with a code from the contract's list. Anything unexpected is masked (the
 * full error goes to our log, never to the caller), so no stack or SQL reaches a client.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, service: string): GraphQLFormattedError {
  const code = typeof formatted.extensions?.code === "string" ? formatted.extensions.code : ErrorCode.INTERNAL_SERVER_ERROR;
  const { stacktrace: _stack, exception: _exception, http: _http, ...extensions } = formatted.extensions ?? {};
  if (REQUEST_ERRORS.has(code)) return { ...formatted, extensions: { ...extensions, code: ErrorCode.BAD_USER_INPUT } };
  if (KNOWN.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) return { ...formatted, extensions: { ...extensions, code } };
  if (code === ErrorCode.INTERNAL_SERVER_ERROR && typeof extensions.service === "string") {
    return { ...formatted, extensions: { ...extensions, code } };
  }
  const original = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`[${service}] unexpected error: ${original}\n`);
  return { message: "Internal server error", path: formatted.path, locations: formatted.locations, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}
