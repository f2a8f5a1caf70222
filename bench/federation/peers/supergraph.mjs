import { readFileSync } from "node:fs";

/** The benchmark's supergraph (copied verbatim from graphql-gateways-benchmark) pointed at the running subgraphs. */
export function benchSupergraph(subgraphsUrl) {
  const sdl = readFileSync(new URL("../supergraph.graphql", import.meta.url), "utf8");
  return sdl.replaceAll("http://0.0.0.0:4200", subgraphsUrl);
}

/** Prints the listening URL as the runner expects it. */
export const ready = (url) => process.stdout.write(`${JSON.stringify({ ready: url })}\n`);
