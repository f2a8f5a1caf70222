import { compactAlphanumeric } from "./compact.js";
import { countryFor } from "./country.js";

/** Registry numbers are only unique per country ("HRB 12345" -> "HRB12345"). */
export function normaliseCompany(
  country: string,
  registrationNumber: string,
): { country: string; registrationNumber: string } {
  return {
    country: countryFor("COMPANY", country),
    registrationNumber: compactAlphanumeric("COMPANY", "registration number", registrationNumber),
  };
}
