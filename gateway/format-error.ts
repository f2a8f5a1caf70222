import type { GraphQLFormattedError } from "graphql";
import { formatError } from "../platform/http/index.js";

/** Subgraph errors pass through with their code; `serviceName` (Apollo's) becomes `service`. */
export function formatGatewayError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const { serviceName, ...rest } = formatted.extensions ?? {};
  const extensions = typeof serviceName === "string" ? { ...rest, service: serviceName } : rest;
  return formatError({ ...formatted, extensions }, error, "gateway");
}
