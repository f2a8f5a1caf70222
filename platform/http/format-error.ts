import type { GraphQLFormattedError } from "graphql";
import { ErrorCode } from "../../schema/errors.js";
import { logLine } from "../log.js";

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

/*
 * graphql-js suggests near names ("Did you mean \"summary\"?") in validation and variable
 * coercion messages; they would name fields, arguments and enum values a caller may not know
 * exist, to anyone, token or not. The suggestion is always the message's last sentence.
 */
const SUGGESTION = / ?Did you mean [^\n]*\?$/;

/** A message without graphql-js's name suggestions. */
export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, "");
}

/**
 * Every error leaves with a code from the contract's list. Anything unexpected is masked (the
 * full error goes to our log, escaped, never to the caller), so no stack or SQL reaches a client.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, service: string): GraphQLFormattedError {
  const code = typeof formatted.extensions?.code === "string" ? formatted.extensions.code : ErrorCode.INTERNAL_SERVER_ERROR;
  const { stacktrace: _stack, exception: _exception, http: _http, ...extensions } = formatted.extensions ?? {};
  const message = withoutSuggestions(formatted.message);
  if (REQUEST_ERRORS.has(code)) return { ...formatted, message, extensions: { ...extensions, code: ErrorCode.BAD_USER_INPUT } };
  if (KNOWN.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) return { ...formatted, message, extensions: { ...extensions, code } };
  if (code === ErrorCode.INTERNAL_SERVER_ERROR && typeof extensions.service === "string") {
    return { ...formatted, message, extensions: { ...extensions, code } };
  }
  logLine(service, "unexpected error:", error instanceof Error ? error : String(error));
  return { message: "Internal server error", path: formatted.path, locations: formatted.locations, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}
