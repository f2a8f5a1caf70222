import { RECORD_NODE_KINDS, RESTRICTED_KIND, type LinkGraph } from "./link-graph.type.js";
import { GraphBuilder } from "./graph-builder.js";
import { hitNodeId, recordNodeId, type HopRecord } from "./hop.js";
import type { RunHop } from "./gateway-hops.js";
import { identNodeId, type Ident } from "./seeds.js";

export interface GraphLimits {
  /** Hops: each one query from the frontier identifiers to the records that mention them and the identifiers those mention. */
  readonly depth: number;
  readonly maxNodes: number;
  /** Records dated (as the caller sees the date) within [from, to]; a record whose date is withheld is left out when either is set. */
  readonly from: string | null;
  readonly to: string | null;
  /** Node kinds to keep (seeds always stay); others are left out and not expanded through. */
  readonly kinds: ReadonlySet<string> | null;
}

const inRange = (record: HopRecord, limits: GraphLimits): boolean => {
  if (!limits.from && !limits.to) return true;
  if (!record.date) return false;
  return (!limits.from || record.date >= limits.from) && (!limits.to || record.date <= limits.to);
};

/** Breadth-first expansion from the seeds, one hop (one federated query) per depth level. */
export async function expandGraph(seeds: readonly Ident[], limits: GraphLimits, runHop: RunHop): Promise<LinkGraph> {
  const graph = new GraphBuilder();
  const keeps = (kind: string) => !limits.kinds || limits.kinds.has(kind);
  let truncated = false;
  const room = (id: string): boolean => {
    if (graph.has(id)) return true;
    if (graph.nodes.size < limits.maxNodes) return true;
    truncated = true;
    return false;
  };
  const expanded = new Set<string>();
  let frontier: Ident[] = [];
  for (const seed of seeds) {
    const id = graph.addIdentifier(seed, 0);
    if (!expanded.has(id)) {
      expanded.add(id);
      frontier.push(seed);
    }
  }
  let hops = 0;
  while (frontier.length > 0 && hops < limits.depth) {
    hops += 1;
    const results = await runHop(frontier);
    const next: Ident[] = [];
    for (const result of results) {
      if (result.capped) truncated = true;
      for (const record of result.records) {
        if (!inRange(record, limits) || !keeps(RECORD_NODE_KINDS[record.type])) continue;
        if (!room(recordNodeId(record))) continue;
        graph.addRecord(record, hops);
        graph.addMention(record, result.ident);
        for (const mentioned of record.mentions) {
          const id = identNodeId(mentioned);
          if (!keeps(mentioned.kind) || !room(id)) continue;
          graph.addIdentifier(mentioned, hops);
          graph.addMention(record, mentioned);
          if (!expanded.has(id)) {
            expanded.add(id);
            next.push(mentioned);
          }
        }
      }
      if (!keeps(RESTRICTED_KIND)) continue;
      for (const hit of result.hits) {
        if (!room(hitNodeId(hit.agency, result.ident))) continue;
        graph.addHit(hit.agency, hit.contactPoint, result.ident, hops);
        graph.addHitEdge(hit.agency, result.ident);
      }
    }
    frontier = next;
  }
  // The depth limit left identifiers nobody asked about yet: there may be more.
  if (frontier.length > 0) truncated = true;
  return { nodes: [...graph.nodes.values()], edges: graph.edgeList(), truncated, depth: hops };
}
