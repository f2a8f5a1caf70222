/*
 * Every line we write to stderr may carry caller text (a GraphQL error message, a PostgreSQL
 * error quoting a value). Escaping control and line-separator characters keeps one event on one
 * line, so a caller cannot forge log entries; bounding the length keeps one request from
 * flooding the log. Lines are JSON objects written by pino (platform/observability/logger.ts).
 */
import type { Level } from "pino";
import { currentRequestId, logger } from "./observability/logger.js";

/** Longest text one log line carries; the rest is cut and counted. */
export const LOG_TEXT_MAX = 4000;

// C0 and C1 controls, DEL, the Unicode line and paragraph separators, and lone surrogates.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const escape = (char: string) => `\\u${(char.codePointAt(0) as number).toString(16).padStart(4, "0")}`;

/** Text safe to put on one log line: controls as `\uXXXX`, at most `max` characters kept. */
export function logSafe(value: unknown, max = LOG_TEXT_MAX): string {
  const text = value instanceof Error ? (value.stack ?? `${value.name}: ${value.message}`) : String(value);
  const kept = text.length > max ? `${text.slice(0, max)}…(+${text.length - max} chars)` : text;
  return kept.replace(UNSAFE, escape);
}

/**
 * The level a line is logged at. Scopes name it (`db error`, `db warn`); otherwise the message
 * does (`…failed…`, `error:`, `warning:`); the rest is information.
 */
function levelOf(scope: string, text: string): { service: string; level: Level } {
  const [service = scope, named] = scope.split(" ");
  if (named === "error" || named === "warn") return { service, level: named };
  if (/^warning:/.test(text)) return { service, level: "warn" };
  if (/\b(error|failed|unavailable|not audited|did not start)\b/i.test(text)) return { service, level: "error" };
  return { service, level: "info" };
}

/** Writes one JSON line to stderr: the service that writes it, the escaped message, and the request in scope. */
export function logLine(scope: string, ...parts: unknown[]): void {
  const msg = parts.map((part) => logSafe(part)).join(" ");
  const { service, level } = levelOf(logSafe(scope, 64), msg);
  const requestId = currentRequestId();
  logger()[level](requestId ? { service, requestId } : { service }, msg);
}
