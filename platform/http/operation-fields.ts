import { getOperationAST, Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from "graphql";

/** Root fields that carry no agency data: schema metadata for composition and tooling. */
export const METADATA_FIELDS: ReadonlySet<string> = new Set(["_service", "__typename", "__schema", "__type"]);

export interface OperationFields {
  /** Every root field the operation reaches, through inline and named fragments, once each, in document order. */
  readonly rootFields: readonly string[];
  /** True when any root field is not metadata, or a spread names a fragment the document lacks. */
  readonly touchesData: boolean;
  /** The operation that runs, as graphql-js picks it; null when the document names none unambiguously. */
  readonly operation: OperationDefinitionNode | null;
}

/**
 * The one walk that both the caller check and the request audit use, so that what is refused
 * and what is recorded can never disagree: it follows inline fragments and fragment spreads
 * (each named fragment once, so a cycle ends), and collects the root field names.
 * Without a resolvable operation (several operations and no name, or an unknown name) it walks
 * every operation in the document, so nothing the request could reach goes unrecorded.
 */
export function operationFields(document: DocumentNode, operationName?: string | null): OperationFields {
  const operation = getOperationAST(document, operationName) ?? null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    else if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
  }
  const names = new Set<string>();
  let unknownFragment = false;
  const visited = new Set<string>();
  const walk = (selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet);
        else unknownFragment = true;
      }
    }
  };
  for (const op of operation ? [operation] : operations) walk(op.selectionSet);
  const rootFields = [...names];
  return { rootFields, touchesData: unknownFragment || rootFields.some((name) => !METADATA_FIELDS.has(name)), operation };
}
