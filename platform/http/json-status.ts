import type { ApolloServerPlugin, BaseContext } from "@apollo/server";

/** Errors of a well-formed request that GraphQL itself reports: parsing, validation, variable coercion, our operation checks. */
const GRAPHQL_ERRORS = new Set(["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT"]);

/** True when the client accepts `application/json` and not `application/graphql-response+json`. */
function acceptsLegacyJson(accept: string | undefined): boolean {
  if (!accept) return false;
  const types = accept.split(",").map((part) => part.split(";")[0]?.trim().toLowerCase());
  return types.includes("application/json") && !types.includes("application/graphql-response+json");
}

/**
 * GraphQL over HTTP: a client that asks only for `application/json` gets 200 for a GraphQL error
 * in a well-formed request (the errors are in the body); with `application/graphql-response+json`
 * (and `*` / no Accept, Apollo's default) it stays 400. Request errors (no query, bad JSON) stay 4xx.
 */
export function legacyJsonStatusPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ request }) {
      if (!acceptsLegacyJson(request.http?.headers.get("accept"))) return;
      return {
        async willSendResponse({ response, errors }) {
          if (response.http.status !== 400 || !errors?.length) return;
          if (errors.every((e) => GRAPHQL_ERRORS.has(String(e.extensions.code)))) response.http.status = 200;
        },
      };
    },
  };
}
