import { readFileSync } from "node:fs";
import { startBareGateway } from "../../test/helpers/bare-gateway.js";

/*
 * Liaison's gateway for the side-by-side benchmark: startGateway with every plugin (the caller's
 * token checked, purpose required, one request-audit row per request in a hub database, a per-call
 * token to each subgraph) serving the benchmark's supergraph. The hub database is a fresh
 * PostgreSQL database when DATABASE_URL is set, else in-memory PGlite in this process (as on a
 * laptop). Prints its URL and the caller's headers as one JSON line for the runner.
 */

const subgraphsUrl = process.env.SUBGRAPHS_URL as string;
const supergraphSdl = readFileSync(new URL("./supergraph.graphql", import.meta.url), "utf8").replaceAll("http://0.0.0.0:4200", subgraphsUrl);
// One subject drives the whole load: its rate limit is set out of reach, so the limiter still runs on every request but never refuses.
const bare = await startBareGateway(supergraphSdl, { RATE_LIMIT_PER_SECOND: "1000000", RATE_LIMIT_BURST: "1000000" });
const token = await bare.token("CUSTOMS", { sub: "bench-analyst" });
process.stdout.write(`${JSON.stringify({ ready: bare.gateway.url, headers: { authorization: `Bearer ${token}`, "x-purpose": "investigation" } })}\n`);

const stop = () => void bare.close().finally(() => process.exit(0));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
