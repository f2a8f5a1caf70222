import type { ApolloServerPlugin } from "@apollo/server";
import { Kind, type DocumentNode, type SelectionSetNode } from "graphql";
import { clientError, ErrorCode } from "../../schema/errors.js";
import type { GatewayContext } from "../context.js";

const INTROSPECTION = new Set(["__schema", "__type"]);

/** Whether the operation (through every fragment) asks `__schema` or `__type`; `__typename` is not introspection. */
function introspects(document: DocumentNode, selectionSet: SelectionSetNode, seen = new Set<string>()): boolean {
  return selectionSet.selections.some((selection) => {
    if (selection.kind === Kind.FIELD) return INTROSPECTION.has(selection.name.value) || (selection.selectionSet ? introspects(document, selection.selectionSet, seen) : false);
    if (selection.kind === Kind.INLINE_FRAGMENT) return introspects(document, selection.selectionSet, seen);
    if (seen.has(selection.name.value)) return false;
    seen.add(selection.name.value);
    const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value);
    return fragment?.kind === Kind.FRAGMENT_DEFINITION ? introspects(document, fragment.selectionSet, seen) : false;
  });
}

/**
 * In production the schema is described only to administrators (a `roles` claim with `admin`):
 * anyone else learns no type or field beyond what their own queries return.
 */
export function introspectionGuardPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation }) {
          if (!operation || !introspects(document, operation.selectionSet)) return;
          const { subject } = contextValue;
          if (!subject) {
            throw clientError(ErrorCode.UNAUTHENTICATED, "Introspection is for administrators only (NODE_ENV=production): send an administrator's bearer token", { http: { status: 401 } });
          }
          if (!subject.roles.includes("admin")) {
            throw clientError(ErrorCode.FORBIDDEN, "Introspection is for administrators only (NODE_ENV=production): the token's roles do not include admin", {
              rule: "introspection.admin-only",
              http: { status: 403 },
            });
          }
        },
      };
    },
  };
}
