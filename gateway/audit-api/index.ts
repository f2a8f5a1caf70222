import type { GraphQLSchema } from "graphql";
import { buildFederatedSchema } from "../../schema/federation.js";
import type { AuditApiDeps } from "./agencies.js";
import { AuditResolver } from "./audit.resolver.js";

export { AUDITED_OWNERS, type AuditApiDeps } from "./agencies.js";

/** The gateway-local subgraph's name in the supergraph. */
export const AUDIT_SUBGRAPH = "audit";
/**
 * Its URL in the supergraph: never called (the gateway executes it in-process with
 * LocalGraphQLDataSource); `.invalid` never resolves, so nothing can answer in its place.
 */
export const AUDIT_SUBGRAPH_URL = "http://audit.gateway.invalid/graphql";

/** The audit API's federated schema; without `deps` it serves nothing (composition reads its SDL only). */
export function buildAuditSchema(deps: AuditApiDeps | null): Promise<GraphQLSchema> {
  const resolver = new AuditResolver(deps);
  return buildFederatedSchema({ resolvers: [AuditResolver], container: { get: () => resolver } });
}
