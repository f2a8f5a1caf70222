import type { LinkGraph } from "./graph.js";

/** The shortest chains between two nodes of a graph already drawn (breadth-first, every shortest one, at most `limit`). */
export function shortestPaths(graph: LinkGraph, from: string, to: string, limit = 10): string[][] {
  const neighbours = new Map<string, string[]>();
  for (const edge of graph.edges) {
    neighbours.set(edge.source, [...(neighbours.get(edge.source) ?? []), edge.target]);
    neighbours.set(edge.target, [...(neighbours.get(edge.target) ?? []), edge.source]);
  }
  const parents = new Map<string, string[]>([[from, []]]);
  let frontier = [from];
  while (frontier.length > 0 && !parents.has(to)) {
    const next = new Map<string, string[]>();
    for (const node of frontier) {
      for (const neighbour of neighbours.get(node) ?? []) {
        if (parents.has(neighbour)) continue;
        next.set(neighbour, [...(next.get(neighbour) ?? []), node]);
      }
    }
    for (const [node, via] of next) parents.set(node, via);
    frontier = [...next.keys()];
  }
  if (!parents.has(to)) return [];
  const paths: string[][] = [];
  const walk = (node: string, suffix: string[]): void => {
    if (paths.length >= limit) return;
    if (node === from) {
      paths.push([from, ...suffix]);
      return;
    }
    for (const parent of parents.get(node) ?? []) walk(parent, [node, ...suffix]);
  };
  walk(to, []);
  return paths;
}
