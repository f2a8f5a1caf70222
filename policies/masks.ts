import type { MaskStrategy } from "./model.js";

/*
 * Masking strategies. Each keeps the value's type (a masked string is still a string) so the
 * schema holds, and never lets the hidden part be recovered.
 */

function maskString(value: string, strategy: MaskStrategy): string {
  switch (strategy) {
    case "last4": {
      const compact = value.replace(/\s+/g, "");
      return compact.length <= 4 ? "*".repeat(compact.length) : `${"*".repeat(compact.length - 4)}${compact.slice(-4)}`;
    }
    case "initials":
      return value
        .split(/[\s-]+/)
        .filter(Boolean)
        .map((part) => `${part[0]?.toUpperCase() ?? ""}.`)
        .join(" ");
    case "year-only": {
      const year = /^(\d{4})/.exec(value.trim());
      return year ? (year[1] as string) : "[redacted]";
    }
    case "redact":
      return "[redacted]";
  }
}

/** Masks a field value (a string, a list of strings, or a Date for year-only). Other values become null. */
export function applyMask(value: unknown, strategy: MaskStrategy): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === "string") return maskString(value, strategy);
  if (value instanceof Date) return strategy === "year-only" ? String(value.getUTCFullYear()) : null;
  if (Array.isArray(value)) return value.map((item) => applyMask(item, strategy));
  // Numbers, booleans and objects have no masked form that keeps their meaning: withheld.
  return null;
}
