import { IdentifierError } from "./errors.js";
import type { IdentifierKind } from "./kinds.js";
import { checkIdentifierText } from "./text.js";

// Separators people type inside document numbers, plates and registry numbers; they carry no meaning.
const SEPARATORS = /[\s\-./]+/g;
const COMPACT = /^[A-Z0-9]{1,20}$/;

/** Upper-cases, drops separators and requires 1-20 Latin letters/digits; `label` names the field in errors. */
export function compactAlphanumeric(kind: IdentifierKind, label: string, input: string): string {
  checkIdentifierText(kind, label, input);
  const compact = input.toUpperCase().replace(SEPARATORS, "");
  if (compact.length === 0) {
    throw new IdentifierError(kind, input, `${label} is empty`);
  }
  if (!COMPACT.test(compact)) {
    throw new IdentifierError(
      kind,
      input,
      `${label} must be 1 to 20 letters A-Z or digits after removing spaces, hyphens, dots and slashes`,
    );
  }
  return compact;
}
