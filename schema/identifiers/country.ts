import { getCountries } from "libphonenumber-js/max";
import { IdentifierError } from "./errors.js";
import type { IdentifierKind } from "./kinds.js";
import { checkIdentifierText } from "./text.js";

// libphonenumber-js already ships the alpha-2 list; reusing it avoids a second copy to maintain.
// It also contains AC, TA and XK (used by telecoms/ICAO) and lacks uninhabited codes such as AQ.
const ALPHA2 = new Set<string>(getCountries());

// Alpha-3 codes as found in ICAO 9303 MRZs and agency exports; a curated subset, not all of ISO 3166-1.
const ALPHA3: Readonly<Record<string, string>> = {
  // EU27
  AUT: "AT", BEL: "BE", BGR: "BG", HRV: "HR", CYP: "CY", CZE: "CZ", DNK: "DK", EST: "EE", FIN: "FI",
  FRA: "FR", DEU: "DE", GRC: "GR", HUN: "HU", IRL: "IE", ITA: "IT", LVA: "LV", LTU: "LT", LUX: "LU",
  MLT: "MT", NLD: "NL", POL: "PL", PRT: "PT", ROU: "RO", SVK: "SK", SVN: "SI", ESP: "ES", SWE: "SE",
  // Rest of Europe
  GBR: "GB", CHE: "CH", NOR: "NO", ISL: "IS", LIE: "LI", UKR: "UA", RUS: "RU", BLR: "BY", MDA: "MD",
  ALB: "AL", SRB: "RS", MNE: "ME", MKD: "MK", BIH: "BA", GEO: "GE", ARM: "AM", AZE: "AZ", TUR: "TR",
  // Americas
  USA: "US", CAN: "CA", MEX: "MX", BRA: "BR", COL: "CO", ARG: "AR", CHL: "CL", PER: "PE", VEN: "VE",
  ECU: "EC",
  // Asia, Middle East, Oceania
  CHN: "CN", HKG: "HK", MAC: "MO", TWN: "TW", JPN: "JP", KOR: "KR", IND: "IN", PAK: "PK", AFG: "AF",
  IRN: "IR", IRQ: "IQ", SYR: "SY", ISR: "IL", SAU: "SA", ARE: "AE", QAT: "QA", THA: "TH", VNM: "VN",
  MYS: "MY", IDN: "ID", PHL: "PH", SGP: "SG", KAZ: "KZ", AUS: "AU", NZL: "NZ",
  // Africa
  NGA: "NG", ZAF: "ZA", MAR: "MA", DZA: "DZ", TUN: "TN", LBY: "LY", EGY: "EG", GHA: "GH", KEN: "KE",
  // ICAO-only spellings: Germany's MRZ code is "D", Kosovo's is "RKS".
  D: "DE", RKS: "XK",
};

/** True for an upper-case ISO 3166-1 alpha-2 code known to libphonenumber-js. */
export function isKnownAlpha2(code: string): boolean {
  return ALPHA2.has(code);
}

/** Shared by the composite normalisers so the error carries the caller's identifier kind. */
export function countryFor(kind: IdentifierKind, input: string): string {
  checkIdentifierText(kind, "country code", input);
  const code = input.trim().toUpperCase();
  if (ALPHA2.has(code)) return code;
  const mapped = ALPHA3[code];
  if (mapped !== undefined) return mapped;
  throw new IdentifierError(kind, input, "country code is not a known ISO 3166-1 alpha-2 or supported alpha-3 code");
}

/**
 * ISO 3166-1 alpha-2, upper-case. Country is not an identifier kind on its own; errors are
 * reported as TRAVEL_DOCUMENT because alpha-3 input comes from ICAO 9303 travel documents.
 */
export function normaliseCountry(input: string): string {
  return countryFor("TRAVEL_DOCUMENT", input);
}
