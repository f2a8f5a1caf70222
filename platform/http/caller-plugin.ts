import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { GraphQLError, Kind, type OperationDefinitionNode, type SelectionSetNode } from "graphql";
import { ErrorCode } from "../../schema/errors.js";
import type { Caller } from "./caller.js";

/** Root fields that carry no agency data: schema metadata for composition and tooling. */
const METADATA_FIELDS = new Set(["_service", "__typename", "__schema", "__type"]);

function touchesData(selectionSet: SelectionSetNode, fragments: Map<string, SelectionSetNode>): boolean {
  return selectionSet.selections.some((selection) => {
    if (selection.kind === Kind.FIELD) return !METADATA_FIELDS.has(selection.name.value);
    if (selection.kind === Kind.INLINE_FRAGMENT) return touchesData(selection.selectionSet, fragments);
    const fragment = fragments.get(selection.name.value);
    return fragment ? touchesData(fragment, fragments) : true;
  });
}

/**
 * Deny by default at the edge: any operation that reaches data needs a verified subject and a
 * declared purpose from the configured list. Runs after parsing, so schema metadata stays open.
 */
export function callerPlugin<TContext extends BaseContext & { caller: Caller }>(purposes: readonly string[]): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          const fragments = new Map<string, SelectionSetNode>();
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition.selectionSet);
          }
          if (!touchesData((operation as OperationDefinitionNode).selectionSet, fragments)) return;
          const { caller } = contextValue;
          if (!caller.subject) {
            throw new GraphQLError(`Unauthenticated: ${caller.authError ?? "missing bearer token"}`, {
              extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
            });
          }
          if (!caller.purpose) {
            throw new GraphQLError(`X-Purpose header is required; one of: ${purposes.join(", ")}`, {
              extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } },
            });
          }
          if (!purposes.includes(caller.purpose)) {
            throw new GraphQLError(`X-Purpose "${caller.purpose.slice(0, 40)}" is not one of: ${purposes.join(", ")}`, {
              extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
