// Hive Gateway as in graphql-gateways-benchmark/gateways/hive-gateway{,-router-runtime}: the same
// gateway.config (inbound in-flight request deduplication on), with the router-runtime (native
// query planner) when HIVE_PLANNER=router-runtime, else Hive's own JavaScript planner.
import http from "node:http";
import { createGatewayRuntime } from "@graphql-hive/gateway";
import { benchSupergraph, ready } from "./supergraph.mjs";

const options = { supergraph: benchSupergraph(process.env.SUBGRAPHS_URL), inboundInflightRequestDeduplication: true, logging: "error" };
if (process.env.HIVE_PLANNER === "router-runtime") {
  const { unifiedGraphHandler } = await import("@graphql-hive/router-runtime");
  options.unifiedGraphHandler = unifiedGraphHandler;
}
const runtime = createGatewayRuntime(options);
const server = http.createServer(runtime);
server.listen(0, "127.0.0.1", () => ready(`http://127.0.0.1:${server.address().port}/graphql`));
