import { createHash } from "node:crypto";

/**
 * JSON with object keys sorted at every level and dates as ISO strings: the same value gives the
 * same text whatever order its keys were written in. The one helper for hashing structured values.
 */
export function canonicalJson(value: unknown): string {
  const canonical = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canonical);
    if (v instanceof Date) return v.toISOString();
    if (v && typeof v === "object") {
      return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
    }
    return v;
  };
  return JSON.stringify(canonical(value) ?? null);
}

/** SHA-256 (hex) of the canonical JSON of a value. */
export const canonicalHash = (value: unknown): string => createHash("sha256").update(canonicalJson(value)).digest("hex");
