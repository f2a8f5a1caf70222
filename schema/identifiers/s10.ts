import { isKnownAlpha2 } from "./country.js";
import { IdentifierError } from "./errors.js";
import { checkIdentifierText } from "./text.js";

// UPU S10: service indicator (2 letters), serial (8 digits), check digit, ISO alpha-2 country.
const S10 = /^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$/;
const WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;

function fail(input: string, reason: string): never {
  throw new IdentifierError("POSTAL_ITEM", input, reason);
}

/** Mod-11 check digit over the 8-digit serial; remainders giving 10 and 11 map to 0 and 5. */
export function s10CheckDigit(serial: string): number {
  if (!/^\d{8}$/.test(serial)) fail(serial, "S10 serial must be exactly 8 digits");
  let sum = 0;
  WEIGHTS.forEach((weight, i) => {
    sum += weight * Number(serial[i]);
  });
  const check = 11 - (sum % 11);
  if (check === 10) return 0;
  if (check === 11) return 5;
  return check;
}

/** Upper-case, spaces removed, e.g. "rr 123 456 785 nl" -> "RR123456785NL". */
export function normaliseS10(itemId: string): string {
  checkIdentifierText("POSTAL_ITEM", "S10 item id", itemId);
  const id = itemId.replace(/\s+/g, "").toUpperCase();
  const match = S10.exec(id);
  if (match === null) {
    fail(itemId, "S10 item id must be 2 letters, 9 digits and a 2-letter country code");
  }
  const [, , serial = "", given = "", country = ""] = match;
  // The country part must be a real ISO alpha-2 code, not just any two letters.
  if (!isKnownAlpha2(country)) {
    fail(itemId, "S10 country code is not a known ISO 3166-1 alpha-2 code");
  }
  const expected = s10CheckDigit(serial);
  if (expected !== Number(given)) {
    fail(itemId, `S10 check digit should be ${expected}, got ${given}`);
  }
  return id;
}

/** Builds a valid S10 id; the result is re-validated so a bad service or country cannot slip out. */
export function makeS10(service: string, serial: number, country: string): string {
  if (!Number.isInteger(serial) || serial < 0 || serial > 99_999_999) {
    fail(String(serial), "S10 serial must be an integer from 0 to 99999999");
  }
  const digits = String(serial).padStart(8, "0");
  return normaliseS10(`${service}${digits}${s10CheckDigit(digits)}${country}`);
}
