import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import {
  getNamedType,
  GraphQLError,
  Kind,
  Lexer,
  Source,
  TokenKind,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from "graphql";
import type { OperationLimits } from "../../platform/config.js";
import { LimitRefusal } from "../../platform/http/index.js";
import { ErrorCode } from "../../schema/errors.js";
import type { GatewayContext } from "../context.js";

/*
 * What one request may ask, checked after parsing and before any subgraph is called (Apollo's
 * didResolveOperation). Depth, aliases, cost and directives are graphql-armor's rules; page sizes
 * and the token count are ours (armor has no knob for a `first:` in a variable, and counts tokens
 * only inside Apollo's parser, for every caller alike).
 *
 * A hop of a link expansion (an on-behalf-of request the gateway itself minted a token for) asks
 * one aliased look-up per frontier identifier: the links service bounds it (at most 500 nodes,
 * 16 hops per request), so only depth, directives and page sizes apply to it.
 */

/** Names of the limits in refusals: the environment variable that sets each. */
type LimitName = "MAX_QUERY_DEPTH" | "MAX_ALIASES" | "MAX_QUERY_COST" | "MAX_DIRECTIVES" | "MAX_QUERY_TOKENS" | "PAGE_SIZE_MAX";

const WHAT: Record<LimitName, string> = {
  MAX_QUERY_DEPTH: "Query depth",
  MAX_ALIASES: "Aliases",
  MAX_QUERY_COST: "Query cost",
  MAX_DIRECTIVES: "Directives",
  MAX_QUERY_TOKENS: "Query tokens",
  PAGE_SIZE_MAX: "Page size",
};

/** The refusal's message and extensions: which limit, its value, what was found. */
function overLimit(limit: LimitName, max: number, found: number | null): { message: string; extensions: Record<string, unknown> } {
  const message = found === null ? `${WHAT[limit]} over the limit of ${max} (${limit})` : `${WHAT[limit]} ${found} exceeds the limit of ${max} (${limit})`;
  return { message, extensions: { code: ErrorCode.BAD_USER_INPUT, limit, max, ...(found === null ? {} : { found }) } };
}

/** Armor reports "… limit of N exceeded, found M."; we say it our way, without armor's "Syntax Error:" prefix. */
function reporter(limit: LimitName, max: number) {
  return [
    (ctx: ValidationContext | null, error: GraphQLError) => {
      const found = /found (\d+(?:\.\d+)?)/.exec(error.message);
      const { message, extensions } = overLimit(limit, max, found ? Math.ceil(Number(found[1])) : null);
      ctx?.reportError(new GraphQLError(message, { extensions }));
    },
  ];
}

function armorRules(limits: OperationLimits, hop: boolean): readonly ValidationRule[] {
  const off = { enabled: false };
  const { validationRules } = new ApolloArmor({
    blockFieldSuggestion: off, // formatError strips every suggestion already
    maxTokens: off, // counted before parsing (tokenRefusal)
    maxDepth: { n: limits.maxQueryDepth, flattenFragments: true, propagateOnRejection: false, onReject: reporter("MAX_QUERY_DEPTH", limits.maxQueryDepth) },
    maxDirectives: { n: limits.maxDirectives, propagateOnRejection: false, onReject: reporter("MAX_DIRECTIVES", limits.maxDirectives) },
    maxAliases: hop ? off : { n: limits.maxAliases, propagateOnRejection: false, onReject: reporter("MAX_ALIASES", limits.maxAliases) },
    // Every field counts 1 (an object 2), whatever its depth; a `first:` multiplies its subtree.
    costLimit: hop
      ? off
      : { maxCost: limits.maxQueryCost, objectCost: 2, scalarCost: 1, depthCostFactor: 1, flattenFragments: true, propagateOnRejection: false, onReject: reporter("MAX_QUERY_COST", limits.maxQueryCost) },
  }).protect();
  return validationRules as ValidationRule[];
}

const PAGE_ARGUMENTS = new Set(["first", "last"]);

/**
 * The document with every `first:`/`last:` variable replaced by its value (armor's cost rule reads
 * literals only), and the largest page asked of a connection (`…Connection` lists: PAGE_SIZE_MAX;
 * other lists such as accessLog bound their own `first`). A variable's default counts when it is not sent.
 */
function withPageSizes(schema: GraphQLSchema, document: DocumentNode, variables: Readonly<Record<string, unknown>>): { document: DocumentNode; largest: number } {
  const defaults = new Map<string, unknown>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      if (variable.defaultValue?.kind === Kind.INT) defaults.set(variable.variable.name.value, Number(variable.defaultValue.value));
    }
  }
  let largest = 0;
  const typeInfo = new TypeInfo(schema);
  const rewritten = visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        if (!PAGE_ARGUMENTS.has(node.name.value)) return undefined;
        const field = typeInfo.getFieldDef();
        const connection = field ? getNamedType(field.type).name.endsWith("Connection") : false;
        const name = node.value.kind === Kind.VARIABLE ? node.value.name.value : null;
        const value = node.value.kind === Kind.INT ? Number(node.value.value) : name === null ? undefined : name in variables ? variables[name] : defaults.get(name);
        if (typeof value !== "number" || !Number.isInteger(value)) return undefined;
        if (connection) largest = Math.max(largest, value);
        return node.value.kind === Kind.VARIABLE ? { ...node, value: { kind: Kind.INT, value: String(value) } } : undefined;
      },
    }),
  );
  return { document: rewritten, largest };
}

const refusal = (limit: LimitName, max: number, found: number | null) => {
  const { message, extensions } = overLimit(limit, max, found);
  return new GraphQLError(message, { extensions: { ...extensions, http: { status: 400 } } });
};

/** Refuses an operation over any limit, with the limit's name, value and what was found. */
export function operationLimitsPlugin(limits: OperationLimits, pageSizeMax: number): ApolloServerPlugin<GatewayContext> {
  const callerRules = armorRules(limits, false);
  const hopRules = armorRules(limits, true);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, request, schema }) {
          const { document: sized, largest } = withPageSizes(schema, document, request.variables ?? {});
          if (largest > pageSizeMax) throw refusal("PAGE_SIZE_MAX", pageSizeMax, largest);
          const errors = validate(schema, sized, contextValue.caller.actor ? hopRules : callerRules);
          const first = errors[0];
          if (first) throw new GraphQLError(first.message, { extensions: { ...first.extensions, http: { status: 400 } } });
        },
      };
    },
  };
}

/** The queries of a request body (one, or each of a batch) and of a GET's query string. */
function queriesOf(body: unknown, search: URLSearchParams): string[] {
  const items = Array.isArray(body) ? body : [body];
  const queries = items.map((item) => (item && typeof item === "object" ? (item as { query?: unknown }).query : undefined)).filter((q): q is string => typeof q === "string");
  const inSearch = search.get("query");
  return inSearch ? [...queries, inSearch] : queries;
}

/** Tokens in a query, counted up to `max + 1` (a syntax error stops the count: the parser then reports it). */
function countTokens(query: string, max: number): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (count <= max && lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    return count;
  }
  return count;
}

/**
 * Before parsing: a caller's query over MAX_QUERY_TOKENS is refused without building its tree
 * (a link expansion's hop is bounded by the links service; see above).
 */
export function refuseTokens(limits: OperationLimits, body: unknown, search: URLSearchParams, hop: boolean): void {
  if (hop) return;
  for (const query of queriesOf(body, search)) {
    if (countTokens(query, limits.maxQueryTokens) > limits.maxQueryTokens) {
      const { message, extensions } = overLimit("MAX_QUERY_TOKENS", limits.maxQueryTokens, null);
      const { code, ...rest } = extensions;
      throw new LimitRefusal(400, message, String(code), rest);
    }
  }
}
