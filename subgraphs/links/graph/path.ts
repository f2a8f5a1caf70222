import type { LinkEdge, LinkNode, LinkPathResult } from "./link-graph.type.js";
import { GraphBuilder } from "./graph-builder.js";
import { recordNodeId } from "./hop.js";
import type { RunHop } from "./gateway-hops.js";
import { identNodeId, type Ident } from "./seeds.js";

/** Shortest paths returned at most. */
export const MAX_PATHS = 20;
/** Nodes one search may discover before it stops (bounded work whatever the data). */
export const MAX_DISCOVERED = 5000;

/** One side of the bidirectional search: distances in half-steps (identifier 0, record 1, identifier 2, …) and every shortest parent. */
class Side {
  readonly dist = new Map<string, number>();
  readonly parents = new Map<string, Set<string>>();
  frontier: Ident[];
  hops = 0;

  constructor(start: Ident) {
    this.dist.set(identNodeId(start), 0);
    this.frontier = [start];
  }

  reach(id: string, distance: number, parent: string): boolean {
    const known = this.dist.get(id);
    if (known === undefined) {
      this.dist.set(id, distance);
      this.parents.set(id, new Set([parent]));
      return true;
    }
    if (known === distance) this.parents.get(id)?.add(parent);
    return false;
  }

  /** Every shortest chain from this side's start to `id`, start first; at most `limit`. */
  chains(id: string, limit: number): string[][] {
    const parents = this.parents.get(id);
    if (!parents || parents.size === 0) return [[id]];
    const out: string[][] = [];
    for (const parent of [...parents].sort()) {
      for (const chain of this.chains(parent, limit - out.length)) {
        out.push([...chain, id]);
        if (out.length >= limit) return out;
      }
    }
    return out;
  }
}

/**
 * The shortest chains of records and identifiers joining two identifiers: a breadth-first search
 * from both ends, each step one hop (one federated query as the caller) on the side whose frontier
 * is smaller, until the two meet or `maxDepth` hops have run.
 */
export async function findPaths(from: Ident, to: Ident, maxDepth: number, runHop: RunHop): Promise<LinkPathResult> {
  const graph = new GraphBuilder();
  graph.addIdentifier(from, 0);
  graph.addIdentifier(to, 0);
  const fromId = identNodeId(from);
  const toId = identNodeId(to);
  if (fromId === toId) return { paths: [[fromId]], nodes: [graph.nodes.get(fromId) as LinkNode], edges: [], truncated: false };
  const a = new Side(from);
  const b = new Side(to);
  let hops = 0;
  let truncated = false;
  let best = Infinity;
  let meeting: string[] = [];
  while (hops < maxDepth && a.frontier.length > 0 && b.frontier.length > 0) {
    const side = a.frontier.length <= b.frontier.length ? a : b;
    hops += 1;
    const results = await runHop(side.frontier);
    const next: Ident[] = [];
    const base = side.hops * 2;
    for (const result of results) {
      const at = identNodeId(result.ident);
      if (result.capped) truncated = true;
      for (const record of result.records) {
        const rid = recordNodeId(record);
        graph.addRecord(record, 0);
        graph.addMention(record, result.ident);
        side.reach(rid, base + 1, at);
        for (const mentioned of record.mentions) {
          const mid = graph.addIdentifier(mentioned, 0);
          graph.addMention(record, mentioned);
          if (side.reach(mid, base + 2, rid)) next.push(mentioned);
        }
      }
    }
    side.hops += 1;
    side.frontier = next;
    for (const [id, da] of a.dist) {
      const db = b.dist.get(id);
      if (db === undefined) continue;
      if (da + db < best) {
        best = da + db;
        meeting = [id];
      } else if (da + db === best) meeting.push(id);
    }
    if (meeting.length > 0) break;
    if (graph.nodes.size > MAX_DISCOVERED) {
      truncated = true;
      break;
    }
  }
  if (meeting.length === 0) {
    // Stopped at maxDepth (or the bound) with something left to search: a longer chain may exist.
    if (a.frontier.length > 0 && b.frontier.length > 0) truncated = true;
    return { paths: [], nodes: [], edges: [], truncated };
  }
  const seen = new Set<string>();
  const paths: string[][] = [];
  for (const id of meeting.sort()) {
    for (const head of a.chains(id, MAX_PATHS + 1)) {
      for (const tail of b.chains(id, MAX_PATHS + 1)) {
        const path = [...head, ...tail.reverse().slice(1)];
        const key = path.join("\n");
        if (seen.has(key)) continue;
        seen.add(key);
        paths.push(path);
      }
    }
  }
  paths.sort((x, y) => x.join("\n").localeCompare(y.join("\n")));
  if (paths.length > MAX_PATHS) truncated = true;
  const kept = paths.slice(0, MAX_PATHS);
  const nodes = new Map<string, LinkNode>();
  const edges = new Map<string, LinkEdge>();
  for (const path of kept) {
    path.forEach((id, index) => {
      const node = graph.nodes.get(id);
      // Depth along the chain, in hops from `from`: identifiers at even positions, records between them.
      if (node && !nodes.has(id)) nodes.set(id, { ...node, depth: Math.ceil(index / 2) });
      const previous = path[index - 1];
      if (previous === undefined) return;
      const edge = graph.edges.get(`${previous}>${id}`) ?? graph.edges.get(`${id}>${previous}`);
      if (edge) edges.set(edge.id, edge);
    });
  }
  return { paths: kept, nodes: [...nodes.values()], edges: [...edges.values()], truncated };
}
