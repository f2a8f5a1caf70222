export { startSubgraph, type RunningSubgraph, type StartOptions, type SubgraphDefinition } from "./start.js";
export { databaseOf, subjectOf, type SubgraphContext } from "./context.js";
