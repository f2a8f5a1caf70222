import { composeServices } from "@apollo/composition";
import { printSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import type { LiaisonConfig } from "../../platform/config.js";
import type { SubgraphDefinition } from "../../platform/subgraph/index.js";
import { AUDIT_SUBGRAPH, AUDIT_SUBGRAPH_URL, buildAuditSchema } from "../../gateway/audit-api/index.js";

/** Default subgraph URLs written into the committed supergraph; the gateway overrides them from its configuration. */
const DEFAULT_URL = (name: string, port: number) => `http://127.0.0.1:${port}/graphql`;

/**
 * Builds each subgraph's SDL in-process and composes the supergraph with @apollo/composition,
 * with the subgraphs the gateway executes itself (the audit API). Throws with every composition
 * error listed.
 */
export async function composeSupergraph(subgraphs: readonly SubgraphDefinition[], config: LiaisonConfig): Promise<string> {
  const services = [];
  for (const subgraph of subgraphs) {
    const schema = await subgraph.buildSchema(config);
    services.push({ name: subgraph.name, url: DEFAULT_URL(subgraph.name, config.ports[subgraph.name]), typeDefs: parse(printSubgraphSchema(schema)) });
  }
  services.push({ name: AUDIT_SUBGRAPH, url: AUDIT_SUBGRAPH_URL, typeDefs: parse(printSubgraphSchema(await buildAuditSchema(null))) });
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(`supergraph composition failed:\n${result.errors.map((e) => `- ${e.message}`).join("\n")}`);
  }
  return `${result.supergraphSdl.trim()}\n`;
}
