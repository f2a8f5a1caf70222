/** linkGraph's result types, as the links subgraph's SDL declares them. */
export type Agency = "CUSTOMS" | "POLICE" | "FIU" | "POSTAL" | "HUB";
export type Handling = "CLEAR" | "GREEN" | "AMBER" | "AMBER_STRICT" | "RED";
export const AGENCY_LIST: readonly Agency[] = ["CUSTOMS", "POLICE", "FIU", "POSTAL", "HUB"];
/** Least to most restrictive (TLP 2.0). */
export const HANDLING_ORDER: readonly Handling[] = ["CLEAR", "GREEN", "AMBER", "AMBER_STRICT", "RED"];

export interface LinkNode {
  readonly id: string;
  readonly kind: string;
  readonly label: string;
  readonly agency: Agency | null;
  readonly restricted: boolean;
  readonly handling: Handling | null;
  readonly recordType: string | null;
  readonly recordId: string | null;
  /** The normalised identifier an identifier node stands for (composite keys "COUNTRY:NUMBER"). */
  readonly identifier?: { readonly kind: string; readonly value: string } | null;
  readonly date: string | null;
  readonly depth: number;
}

export interface LinkEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly kind: string;
  readonly agency: Agency | null;
  readonly date: string | null;
  readonly handling: Handling | null;
}

export interface LinkGraph {
  readonly nodes: readonly LinkNode[];
  readonly edges: readonly LinkEdge[];
  readonly truncated: boolean;
}

export const EMPTY_GRAPH: LinkGraph = { nodes: [], edges: [], truncated: false };

/** The more restrictive of two handling codes (null counts as none). */
export function stricter(a: Handling | null, b: Handling | null): Handling | null {
  if (a === null) return b;
  if (b === null) return a;
  return HANDLING_ORDER.indexOf(a) >= HANDLING_ORDER.indexOf(b) ? a : b;
}

/**
 * Merges an expansion into the graph shown: nodes and edges by id, the newer answer's fields
 * winning (it was decided under the current policy), the smaller depth kept (distance from the
 * first seeds), truncation kept once seen.
 */
export function mergeGraphs(base: LinkGraph, added: LinkGraph): LinkGraph {
  const nodes = new Map<string, LinkNode>(base.nodes.map((node) => [node.id, node]));
  for (const node of added.nodes) {
    const known = nodes.get(node.id);
    nodes.set(node.id, known ? { ...node, depth: Math.min(known.depth, node.depth) } : node);
  }
  const edges = new Map<string, LinkEdge>(base.edges.map((edge) => [edge.id, edge]));
  for (const edge of added.edges) edges.set(edge.id, edge);
  return { nodes: [...nodes.values()], edges: [...edges.values()], truncated: base.truncated || added.truncated };
}

export interface GraphFilter {
  /** YYYY-MM-DD, inclusive; empty: open. */
  readonly from: string;
  readonly to: string;
  /** Agencies hidden (records and edges of them). */
  readonly hiddenAgencies: ReadonlySet<string>;
  /** Node kinds hidden. */
  readonly hiddenKinds: ReadonlySet<string>;
}

export const NO_FILTER: GraphFilter = { from: "", to: "", hiddenAgencies: new Set(), hiddenKinds: new Set() };

function inRange(date: string | null, from: string, to: string): boolean {
  if (!date) return true;
  const day = date.slice(0, 10);
  return (!from || day >= from) && (!to || day <= to);
}

/** What the filters leave: undated items stay; an edge stays only with both its ends. */
export function filterGraph(graph: LinkGraph, filter: GraphFilter): LinkGraph {
  const nodes = graph.nodes.filter(
    (node) =>
      inRange(node.date, filter.from, filter.to) &&
      !filter.hiddenKinds.has(node.kind) &&
      !(node.agency && filter.hiddenAgencies.has(node.agency)),
  );
  const kept = new Set(nodes.map((node) => node.id));
  const edges = graph.edges.filter(
    (edge) =>
      kept.has(edge.source) &&
      kept.has(edge.target) &&
      inRange(edge.date, filter.from, filter.to) &&
      !(edge.agency && filter.hiddenAgencies.has(edge.agency)),
  );
  return { nodes, edges, truncated: graph.truncated };
}

/**
 * The handling code an export carries for a node: a record's own; an identifier takes the most
 * restrictive code of the edges that reveal it (it is known only through those records); one
 * with no edge (a seed the analyst typed) is CLEAR.
 */
export function effectiveHandling(node: LinkNode, edges: readonly LinkEdge[]): Handling {
  if (node.handling) return node.handling;
  let handling: Handling | null = null;
  for (const edge of edges) if (edge.source === node.id || edge.target === node.id) handling = stricter(handling, edge.handling);
  return handling ?? "CLEAR";
}
