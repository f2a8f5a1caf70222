import type { AuditRow } from "./chain.js";

/*
 * What is hashed must be exactly what is stored. PostgreSQL refuses a NUL in text (the insert
 * fails) and the UTF-8 encoder stores a lone UTF-16 surrogate as U+FFFD, so a row hashed as sent
 * would either fail or verify as broken forever. The writer therefore makes every text value
 * storable first, and hashes and stores that.
 */

// A high surrogate not followed by a low one, or a low one not preceded by a high one (code units, no `u` flag).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// C0 controls and DEL: NUL cannot be stored, the others would let caller text forge lines in CLI output.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/g;

/** Lone surrogates become U+FFFD (as the encoder would store them); control characters the text `\u0000`. */
export function storableText(text: string): string {
  return text
    .replace(LONE_SURROGATE, "\uFFFD")
    .replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** The row with every text value (and every element of a text array) made storable. */
export function storableRow(row: AuditRow): AuditRow {
  const out: AuditRow = {};
  for (const [column, value] of Object.entries(row)) {
    out[column] = typeof value === "string" ? storableText(value) : Array.isArray(value) ? value.map(storableText) : value;
  }
  return out;
}
