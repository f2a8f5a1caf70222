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

// Any surrogate or control character: only then is there anything to replace (most text has neither).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const SUSPECT = /[\u0000-\u001f\u007f\uD800-\uDFFF]/;

/** Lone surrogates become U+FFFD (as the encoder would store them); control characters the text `\u0000`. */
export function storableText(text: string): string {
  if (!SUSPECT.test(text)) return text;
  return text
    .replace(LONE_SURROGATE, "\uFFFD")
    .replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

const storableValue = (value: AuditRow[string]): AuditRow[string] =>
  typeof value === "string" ? storableText(value) : Array.isArray(value) ? value.map(storableText) : value;

/** The row with every text value (and every element of a text array) made storable; the row itself when it already is. */
export function storableRow(row: AuditRow): AuditRow {
  for (const column in row) {
    const value = row[column] as AuditRow[string];
    const clean = typeof value === "string" ? !SUSPECT.test(value) : Array.isArray(value) ? value.every((item) => !SUSPECT.test(item)) : true;
    if (clean) continue;
    // Something to replace: a copy, so the caller's row is left as it was.
    const out: AuditRow = {};
    for (const name in row) out[name] = storableValue(row[name] as AuditRow[string]);
    return out;
  }
  return row;
}
