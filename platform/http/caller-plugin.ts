import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { GraphQLError } from "graphql";
import { ErrorCode } from "../../schema/errors.js";
import type { Caller } from "./caller.js";
import { operationFields } from "./operation-fields.js";

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } });

/** Caller text echoed in a message: bounded, and JSON-quoted so no control character survives. */
const quoted = (text: string, max: number) => JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);

/**
 * Why a declared purpose is refused (null when it is one of `purposes`): BAD_USER_INPUT naming the
 * header (`field: "x-purpose"`) and the values allowed. Every place that checks a purpose uses it.
 */
export function purposeRefusal(purpose: string | null | undefined, purposes: readonly string[]): GraphQLError | null {
  if (purpose && purposes.includes(purpose)) return null;
  const message = purpose ? `X-Purpose ${quoted(purpose, 40)} is not one of: ${purposes.join(", ")}` : `X-Purpose header is required; one of: ${purposes.join(", ")}`;
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, field: "x-purpose", allowed: [...purposes], http: { status: 400 } } });
}

/**
 * Deny by default at the edge: any operation that reaches data needs a verified subject and a
 * declared purpose from the configured list. Runs after parsing, so schema metadata stays open.
 */
export function callerPlugin<TContext extends BaseContext & { caller: Caller }>(purposes: readonly string[]): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document, request }) {
          // graphql-js picks no operation when the document holds several and none is named.
          if (!operation) {
            throw badInput(
              request.operationName
                ? `Unknown operation named ${quoted(request.operationName, 100)}.`
                : "Must provide operation name if query contains multiple operations.",
            );
          }
          if (!operationFields(document, request.operationName).touchesData) return;
          const { caller } = contextValue;
          if (!caller.subject) {
            throw new GraphQLError(`Unauthenticated: ${caller.authError ?? "missing bearer token"}`, {
              extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
            });
          }
          const refused = purposeRefusal(caller.purpose, purposes);
          if (refused) throw refused;
        },
        async willSendResponse({ response, errors }) {
          // Apollo answers a refused persisted query with 200; it is a bad request like any other.
          if (errors?.some((e) => e.extensions.code === "PERSISTED_QUERY_NOT_SUPPORTED")) response.http.status = 400;
        },
      };
    },
  };
}
