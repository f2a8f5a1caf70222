import type { RecordSet } from "./records.js";

const LISTS = new Set(["phones", "emails", "ibans", "containers", "postalItems"]);
const KEYED = new Set(["companies", "vehicles", "travelDocuments"]);
const compact = (value: string): string => value.replace(/[^A-Za-z0-9@.+]/g, "").toUpperCase();

/** Every identifier a record's input names, roughly normalised (case and separators dropped). */
function identifiersIn(value: unknown, found: Set<string>, key = ""): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      if (typeof item === "string" && LISTS.has(key)) found.add(compact(item));
      else if (item && typeof item === "object" && KEYED.has(key)) {
        const { country, number, plate, registrationNumber } = item as Record<string, unknown>;
        found.add(compact(`${String(country)}:${String(number ?? plate ?? registrationNumber)}`));
      } else identifiersIn(item, found);
    }
    return;
  }
  if (value === null || typeof value !== "object" || value instanceof Date) return;
  for (const [k, v] of Object.entries(value)) {
    if ((k === "phone" || k === "email" || k === "itemId") && typeof v === "string") found.add(compact(v));
    else identifiersIn(v, found, k);
  }
}

const allIdentifiers = (set: RecordSet): Set<string> => {
  const found = new Set<string>();
  identifiersIn([set.seizures, set.cases, set.fiuReports, set.postalItems], found);
  return found;
};

/** Identifiers the planted networks and the background share (must be none: networks stay identifiable). */
export function sharedIdentifiers(planted: RecordSet, background: RecordSet): string[] {
  const mine = allIdentifiers(planted);
  return [...allIdentifiers(background)].filter((id) => mine.has(id));
}
