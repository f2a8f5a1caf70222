import { IdentifierError } from "./errors.js";
import type { IdentifierKind } from "./kinds.js";

/** Longest identifier text accepted at the edge, before any normalisation. */
export const MAX_IDENTIFIER_TEXT = 256;

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;
// A high surrogate not followed by a low one, or a low one not preceded by a high one (code units, no `u` flag).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Refuses text that no normalisation should see: over-long values, control characters (a NUL
 * cannot even be stored) and lone UTF-16 surrogates (stored as U+FFFD, so a second key for the
 * same text). Every normaliser calls it first, so the edge refuses these before any lookup.
 */
export function checkIdentifierText(kind: IdentifierKind, label: string, input: string): void {
  if (input.length > MAX_IDENTIFIER_TEXT) throw new IdentifierError(kind, input, `${label} is longer than ${MAX_IDENTIFIER_TEXT} characters`);
  if (CONTROL.test(input)) throw new IdentifierError(kind, input, `${label} contains a control character`);
  if (LONE_SURROGATE.test(input)) throw new IdentifierError(kind, input, `${label} contains a lone UTF-16 surrogate`);
}
