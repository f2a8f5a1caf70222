import { graphql, describeErrors } from "./api.js";
import type { Session } from "./session.js";
import type { IdentifierInput } from "./identifiers.js";
import type { LinkGraph } from "./graph.js";

const NODE = "id kind label agency restricted handling recordType recordId identifier { kind value } date depth";
const EDGE = "id source target kind agency date handling";

const LINK_GRAPH = `query LinkGraph($seeds: [IdentifierInput!]!, $depth: Int, $maxNodes: Int, $from: String, $to: String, $kinds: [String!]) {
  linkGraph(seeds: $seeds, depth: $depth, maxNodes: $maxNodes, from: $from, to: $to, kinds: $kinds) { truncated depth nodes { ${NODE} } edges { ${EDGE} } }
}`;

const LINK_PATH = `query LinkPath($from: IdentifierInput!, $to: IdentifierInput!, $maxDepth: Int) {
  linkPath(from: $from, to: $to, maxDepth: $maxDepth) { paths truncated nodes { ${NODE} } edges { ${EDGE} } }
}`;

export interface LinkAnswer {
  readonly graph: LinkGraph;
  /** Partial answers: an agency down, a field withheld. */
  readonly warnings: readonly string[];
}

export interface LinkGraphArgs {
  readonly seeds: readonly IdentifierInput[];
  readonly depth: number;
  readonly maxNodes: number;
  readonly from?: string;
  readonly to?: string;
}

export async function fetchLinkGraph(session: Session, args: LinkGraphArgs): Promise<LinkAnswer> {
  const variables = { seeds: args.seeds, depth: args.depth, maxNodes: args.maxNodes, from: args.from || null, to: args.to || null };
  const answer = await graphql<{ linkGraph: LinkGraph | null }>(session, LINK_GRAPH, variables);
  if (!answer.data?.linkGraph) throw new Error(describeErrors(answer.errors) || `the gateway answered ${answer.status}`);
  return { graph: answer.data.linkGraph, warnings: answer.errors.map((error) => error.message) };
}

export interface PathAnswer extends LinkAnswer {
  readonly paths: readonly (readonly string[])[];
}

export async function fetchLinkPath(session: Session, from: IdentifierInput, to: IdentifierInput, maxDepth: number): Promise<PathAnswer> {
  const answer = await graphql<{ linkPath: (LinkGraph & { paths: string[][] }) | null }>(session, LINK_PATH, { from, to, maxDepth });
  if (!answer.data?.linkPath) throw new Error(describeErrors(answer.errors) || `the gateway answered ${answer.status}`);
  const { paths, ...graph } = answer.data.linkPath;
  return { graph, paths, warnings: answer.errors.map((error) => error.message) };
}
