import { AsyncLocalStorage } from "node:async_hooks";
import { pino, type DestinationStream, type Level, type Logger } from "pino";
import type { ServiceMetrics } from "./metrics.js";

/*
 * One JSON object per line on stderr: level, time, service, requestId (when a request is in
 * scope), msg. Messages pass through logSafe (platform/log.ts) before they get here; field values
 * are bounded by their writers. Tokens are never passed in: callers log ids and codes, not headers.
 */

const LEVELS: readonly Level[] = ["fatal", "error", "warn", "info", "debug", "trace"];

/** LOG_LEVEL (default info); an unknown value falls back to info rather than silencing the log. */
export function logLevelFrom(value: string | undefined): Level {
  const level = (value ?? "").trim().toLowerCase();
  return (LEVELS as readonly string[]).includes(level) ? (level as Level) : "info";
}

let destination: DestinationStream | null = null;
let level: Level | null = null;
let root: Logger | null = null;

/** The process's logger, built on first use from LOG_LEVEL. */
export function logger(): Logger {
  if (!root) {
    root = pino(
      {
        level: level ?? logLevelFrom(process.env.LOG_LEVEL),
        // No pid or hostname on every line: the service names the writer.
        base: undefined,
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
      },
      // process.stderr itself (not a file descriptor): writes stay in order with Node's own warnings.
      destination ?? process.stderr,
    );
  }
  return root;
}

/** Tests: send lines to `stream` (null: back to stderr) and/or change the level. */
export function configureLogger(options: { destination?: DestinationStream | null; level?: Level | null }): void {
  if (options.destination !== undefined) destination = options.destination;
  if (options.level !== undefined) level = options.level;
  root = null;
}

/** The request a service is serving: its id and the service's metrics. */
interface RequestScope {
  readonly requestId: string;
  readonly metrics: ServiceMetrics;
}

const requestScope = new AsyncLocalStorage<RequestScope>();

/**
 * Marks the rest of the current request's work, so lines written deeper down (an unexpected
 * error, a failed query) carry its id and audit writes are timed on the right service's metrics.
 * Called synchronously from a plugin's requestDidStart.
 */
export function enterRequest(scope: RequestScope): void {
  requestScope.enterWith(scope);
}

/** The id of the request being served here, if any. */
export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId;
}

/** Times an audit write on the metrics of the service serving the current request (untimed outside a request). */
export function timeAuditWrite<T>(audit: "request" | "access", write: () => Promise<T>): Promise<T> {
  const metrics = requestScope.getStore()?.metrics;
  return metrics ? metrics.timeAudit(audit, write) : write();
}
