import { buildFederatedSchema } from "../../schema/federation.js";
import type { SubgraphDefinition } from "../../platform/subgraph/index.js";
import { LookupResolver } from "./lookup/lookup.resolver.js";

/** Links: identifier look-ups and normalisation. Holds no agency data and has no database. */
export const links: SubgraphDefinition = {
  name: "links",
  agency: null,
  database: null,
  buildSchema: () => buildFederatedSchema({ resolvers: [LookupResolver] }),
};
