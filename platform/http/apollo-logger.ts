import { logLine } from "../log.js";

/** The shape of Apollo's `Logger` (@apollo/utils.logger), which ApolloServer and ApolloGateway accept. */
export interface ApolloLogger {
  debug(message?: unknown): void;
  info(message?: unknown): void;
  warn(message?: unknown): void;
  error(message?: unknown): void;
}

/**
 * Apollo's own log lines (server and gateway) through our escaping: a message may quote a
 * subgraph's error or a caller's document. Debug and info are dropped (the gateway's default logger drops them too).
 */
export function escapedApolloLogger(scope: string): ApolloLogger {
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: (message) => logLine(scope, "warning:", message),
    error: (message) => logLine(scope, "error:", message),
  };
}
