import type { DataSource } from "typeorm";
import { seedDemo, seedDemoOperations } from "../../demo/index.js";
import { startTestHub, type TestHub } from "../helpers/hub.js";

/** A test hub holding the demo data at a scale (the planted networks are the fixtures). */
export async function startDemoHub(scale = 1): Promise<TestHub> {
  const th = await startTestHub();
  try {
    const db = (name: string) => th.hub.subgraphs[name]?.dataSource as DataSource;
    await seedDemo({ customs: db("customs"), police: db("police"), fiu: db("fiu"), postal: db("postal") }, th.config, { scale });
    await seedDemoOperations(th.hub);
  } catch (error) {
    await th.close();
    throw error;
  }
  return th;
}

export const GRAPH = `query($seeds: [IdentifierInput!]!, $depth: Int, $maxNodes: Int, $from: String, $to: String, $kinds: [String!]) {
  linkGraph(seeds: $seeds, depth: $depth, maxNodes: $maxNodes, from: $from, to: $to, kinds: $kinds) {
    truncated depth
    nodes { id kind label agency restricted handling recordType recordId identifier { kind value } date depth }
    edges { id source target kind agency date handling }
  } }`;

export const PATH = `query($from: IdentifierInput!, $to: IdentifierInput!, $maxDepth: Int) {
  linkPath(from: $from, to: $to, maxDepth: $maxDepth) {
    paths truncated
    nodes { id kind label agency restricted handling recordType recordId identifier { kind value } date depth }
    edges { id source target kind agency date handling }
  } }`;

export interface Node { id: string; kind: string; label: string; agency: string | null; restricted: boolean; handling: string | null; recordType: string | null; recordId: string | null; identifier: { kind: string; value: string } | null; date: string | null; depth: number }
export interface Edge { id: string; source: string; target: string; kind: string; agency: string | null; date: string | null; handling: string | null }
export interface Graph { truncated: boolean; depth: number; nodes: Node[]; edges: Edge[] }
