/*
 * The request audit is append-only, so what one request may add to it is bounded: a caller
 * without a token must not be able to grow it by megabytes with a long operation name or a
 * document of thousands of root fields.
 */

export const OPERATION_NAME_MAX = 100;
export const ROOT_FIELDS_MAX = 50;
export const ROOT_FIELD_NAME_MAX = 64;
const PURPOSE_MAX = 40;

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** At most 100 characters; a longer name keeps its first 99 and an ellipsis. */
export function auditedOperationName(name: string | null): string | null {
  return name === null ? null : cut(name, OPERATION_NAME_MAX);
}

/** At most 50 distinct names of at most 64 characters; beyond that, one last entry counts the rest. */
export function auditedRootFields(names: readonly string[]): string[] {
  const distinct = [...new Set(names.map((name) => cut(name, ROOT_FIELD_NAME_MAX)))];
  if (distinct.length <= ROOT_FIELDS_MAX) return distinct;
  return [...distinct.slice(0, ROOT_FIELDS_MAX), `…(+${distinct.length - ROOT_FIELDS_MAX} more)`];
}

/** A configured purpose as is; anything else a caller sent, bounded (the row says it was not allowed by its outcome). */
export function auditedPurpose(purpose: string | null, purposes: readonly string[]): string {
  if (purpose === null) return "-";
  return purposes.includes(purpose) ? purpose : cut(purpose, PURPOSE_MAX);
}
