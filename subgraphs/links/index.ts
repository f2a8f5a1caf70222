import { buildFederatedSchema } from "../../schema/federation.js";
import type { SubgraphDefinition } from "../../platform/subgraph/index.js";
import { LookupResolver } from "./lookup/lookup.resolver.js";
import { LinkGraphResolver } from "./graph/link-graph.resolver.js";

/**
 * Links: identifier look-ups and normalisation, and link analysis (linkGraph, linkPath) through the
 * gateway as the caller. Holds no agency data and has no database.
 */
export const links: SubgraphDefinition = {
  name: "links",
  agency: null,
  database: null,
  buildSchema: () => buildFederatedSchema({ resolvers: [LookupResolver, LinkGraphResolver] }),
};
