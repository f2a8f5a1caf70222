import { GraphQLError } from "graphql";

/** The only codes a client ever sees in `extensions.code` (contract). */
export const ErrorCode = {
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  RATE_LIMITED: "RATE_LIMITED",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export function clientError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const badInput = (message: string, extensions: Record<string, unknown> = {}): GraphQLError =>
  clientError(ErrorCode.BAD_USER_INPUT, message, extensions);

/** BAD_USER_INPUT naming one input field and why (the field and the problem in extensions). */
export const badField = (field: string, reason: string): GraphQLError => badInput(`${field}: ${reason}`, { field, problems: [`${field}: ${reason}`] });

export const unauthenticated = (message: string): GraphQLError => clientError(ErrorCode.UNAUTHENTICATED, message);

export const forbidden = (message: string, rule: string): GraphQLError =>
  clientError(ErrorCode.FORBIDDEN, message, { rule });

export const conflict = (message: string): GraphQLError => clientError(ErrorCode.CONFLICT, message);

export const notFound = (message: string): GraphQLError => clientError(ErrorCode.NOT_FOUND, message);
