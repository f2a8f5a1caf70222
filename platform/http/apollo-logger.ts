import { logLine, logSafe } from "../log.js";

/** The shape of Apollo's `Logger` (@apollo/utils.logger), which ApolloServer and ApolloGateway accept. */
export interface ApolloLogger {
  debug(message?: unknown): void;
  info(message?: unknown): void;
  warn(message?: unknown): void;
  error(message?: unknown): void;
}

/**
 * Apollo's own log lines (server and gateway) through our escaping: a message may quote a
 * subgraph's error or a caller's document. Debug is dropped; info goes to stdout, one line.
 */
export function escapedApolloLogger(scope: string): ApolloLogger {
  return {
    debug: () => undefined,
    info: (message) => void process.stdout.write(`[${logSafe(scope, 64)}] ${logSafe(message)}\n`),
    warn: (message) => logLine(scope, "warning:", message),
    error: (message) => logLine(scope, "error:", message),
  };
}
