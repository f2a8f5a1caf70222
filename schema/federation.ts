import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper/index.js";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import type { GraphQLSchema } from "graphql";
import { gql } from "graphql-tag";
import { checkEntityKey, IDENTIFIER_TYPE_NAMES } from "./entities/index.js";
import { buildSchema, createResolversMap, type BuildSchemaOptions } from "type-graphql";

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires"])';

/** Entity reference resolvers keyed by type name, merged into the type-graphql resolver map. */
export type ReferenceResolvers = Record<string, { __resolveReference: (ref: never, ctx: never, info: never) => unknown }>;

/**
 * Builds a federation 2 subgraph schema from type-graphql resolvers: type-graphql prints the
 * SDL with its directives, @apollo/subgraph adds `_entities` / `_service` on top. Every identifier
 * entity type gets a `__resolveReference` that validates the key first (see {@link checkEntityKey}),
 * then runs the subgraph's own, if any.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, "skipCheck">,
  referenceResolvers: ReferenceResolvers = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({ ...options, skipCheck: true, validate: false });
  const typeDefs = gql(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  const references: ReferenceResolvers = { ...referenceResolvers };
  for (const typeName of Object.values(IDENTIFIER_TYPE_NAMES)) {
    if (schema.getType(typeName)) references[typeName] = checkedReference(typeName, referenceResolvers[typeName]?.__resolveReference);
  }
  for (const [typeName, reference] of Object.entries(references)) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...reference } as GraphQLResolverMap<unknown>[string];
  }
  return buildSubgraphSchema({ typeDefs, resolvers });
}

type ResolveReference = (ref: Record<string, unknown>, ctx: unknown, info: unknown) => unknown;

/**
 * A reference resolver that refuses a bad identifier key before anything else runs. A refusal is a
 * rejected promise, not a throw: @apollo/subgraph maps representations synchronously, and a throw
 * would fail every other entity of the same `_entities` call; a valid key stays synchronous.
 */
function checkedReference(typeName: string, own: ReferenceResolvers[string]["__resolveReference"] | undefined): ReferenceResolvers[string] {
  const next = own as unknown as ResolveReference | undefined;
  const resolve: ResolveReference = (ref, ctx, info) => {
    try {
      checkEntityKey(typeName, ref);
    } catch (error) {
      return Promise.reject(error);
    }
    return next ? next(ref, ctx, info) : ref;
  };
  return { __resolveReference: resolve as ReferenceResolvers[string]["__resolveReference"] };
}

/** The SDL a subgraph contributes to composition (what `_service { sdl }` returns). */
export async function subgraphSdl(options: Omit<BuildSchemaOptions, "skipCheck">): Promise<string> {
  const schema = await buildSchema({ ...options, skipCheck: true, validate: false });
  return `${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`;
}
