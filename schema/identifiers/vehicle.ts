import { compactAlphanumeric } from "./compact.js";
import { countryFor } from "./country.js";

/**
 * Plates are compared without separators ("AB-123-C" and "AB 123 C" are the same plate).
 * Only Latin letters are accepted; Cyrillic/Arabic plates must be transliterated upstream.
 */
export function normaliseVehicle(country: string, plate: string): { country: string; plate: string } {
  return { country: countryFor("VEHICLE", country), plate: compactAlphanumeric("VEHICLE", "plate", plate) };
}
