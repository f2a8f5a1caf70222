import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import type { SubgraphContext } from "../../../platform/subgraph/index.js";
import { badInput } from "../../../schema/errors.js";
import { expandGraph } from "./expand.js";
import { hopsFor } from "./gateway-hops.js";
import { IdentifierInput, LinkGraph, LinkPathResult, NODE_KINDS } from "./link-graph.type.js";
import { findPaths } from "./path.js";
import { identNodeId, normaliseSeed, type Ident } from "./seeds.js";

export const MAX_DEPTH = 4;
export const MAX_NODES = 500;
export const MAX_SEEDS = 20;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function date(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined) return null;
  const parsed = new Date(`${value}T00:00:00Z`);
  if (!DATE.test(value) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    throw badInput(`${field} must be a date YYYY-MM-DD`, { field });
  }
  return value;
}

function bounded(value: number, field: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min) throw badInput(`${field} must be at least ${min}`, { field });
  if (value > max) throw badInput(`${field} must be at most ${max}`, { field });
  return value;
}

/*
 * Link analysis (contract): the network of records and identifiers around identifiers, and the
 * shortest chains between two, each hop one federated query through the gateway as the caller
 * (gateway-hops.ts). This service holds no data: every node and edge is something the caller was
 * served, under the caller's policies, in that hop.
 */
@Resolver()
export class LinkGraphResolver {
  // Nullable like every field a policy may deny: a denial nulls the field with FORBIDDEN, not the whole answer.
  @Query(() => LinkGraph, { nullable: true, description: `Breadth-first from the seeds: depth (hops) 1-${MAX_DEPTH}, at most ${MAX_NODES} nodes; from/to (YYYY-MM-DD) keep records dated in that range; kinds keeps those node kinds` })
  async linkGraph(
    @Ctx() ctx: SubgraphContext,
    @Arg("seeds", () => [IdentifierInput]) seeds: IdentifierInput[],
    @Arg("depth", () => Int, { nullable: true, defaultValue: 2 }) depthArg: number | null,
    @Arg("maxNodes", () => Int, { nullable: true, defaultValue: 200 }) maxNodesArg: number | null,
    @Arg("from", () => String, { nullable: true }) from?: string | null,
    @Arg("to", () => String, { nullable: true }) to?: string | null,
    @Arg("kinds", () => [String], { nullable: true }) kinds?: string[] | null,
  ): Promise<LinkGraph> {
    if (seeds.length === 0) throw badInput("seeds: give at least one identifier", { field: "seeds" });
    if (seeds.length > MAX_SEEDS) throw badInput(`seeds: at most ${MAX_SEEDS}`, { field: "seeds" });
    const depth = bounded(depthArg ?? 2, "depth", 1, MAX_DEPTH);
    const maxNodes = bounded(maxNodesArg ?? 200, "maxNodes", 1, MAX_NODES);
    const range = { from: date(from, "from"), to: date(to, "to") };
    if (range.from && range.to && range.from > range.to) throw badInput("from must not be after to", { field: "from" });
    for (const kind of kinds ?? []) {
      if (!NODE_KINDS.includes(kind)) throw badInput(`kinds: ${JSON.stringify(kind.slice(0, 40))} is not one of ${NODE_KINDS.join(", ")}`, { field: "kinds" });
    }
    const idents = seeds.map((seed, i) => normaliseSeed(seed, `seeds[${i}]`, ctx.config.defaultPhoneRegion));
    const unique = [...new Map(idents.map((ident) => [identNodeId(ident), ident])).values()];
    if (unique.length > maxNodes) throw badInput("maxNodes must be at least the number of seeds", { field: "maxNodes" });
    return expandGraph(unique, { depth, maxNodes, ...range, kinds: kinds ? new Set(kinds) : null }, hopsFor(ctx));
  }

  @Query(() => LinkPathResult, { nullable: true, description: `The shortest chains of records and identifiers joining two identifiers, within maxDepth hops (1-${MAX_DEPTH}); at most 20` })
  async linkPath(
    @Ctx() ctx: SubgraphContext,
    @Arg("from", () => IdentifierInput) fromInput: IdentifierInput,
    @Arg("to", () => IdentifierInput) toInput: IdentifierInput,
    @Arg("maxDepth", () => Int, { nullable: true, defaultValue: 4 }) maxDepthArg: number | null,
  ): Promise<LinkPathResult> {
    const maxDepth = bounded(maxDepthArg ?? 4, "maxDepth", 1, MAX_DEPTH);
    const region = ctx.config.defaultPhoneRegion;
    const from: Ident = normaliseSeed(fromInput, "from", region);
    const to: Ident = normaliseSeed(toInput, "to", region);
    return findPaths(from, to, maxDepth, hopsFor(ctx));
  }
}
