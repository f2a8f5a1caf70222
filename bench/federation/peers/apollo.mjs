// Plain @apollo/gateway as in graphql-gateways-benchmark/gateways/apollo-gateway: ApolloServer +
// ApolloGateway with defaults, the standalone server, one process (FORK=1 there on one core).
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { benchSupergraph, ready } from "./supergraph.mjs";

const gateway = new ApolloGateway({ supergraphSdl: benchSupergraph(process.env.SUBGRAPHS_URL) });
const server = new ApolloServer({ gateway });
const { url } = await startStandaloneServer(server, { listen: { host: "127.0.0.1", port: 0 } });
ready(url);
