import { compactAlphanumeric } from "./compact.js";
import { countryFor } from "./country.js";

/** Travel/ID document number: upper-case, no spaces, hyphens, dots or slashes, 1-20 of [A-Z0-9]. */
export function normaliseDocumentNumber(input: string): string {
  return compactAlphanumeric("TRAVEL_DOCUMENT", "document number", input);
}

/** A document number only identifies a document together with its issuing country. */
export function normaliseTravelDocument(country: string, number: string): { country: string; number: string } {
  return { country: countryFor("TRAVEL_DOCUMENT", country), number: normaliseDocumentNumber(number) };
}
