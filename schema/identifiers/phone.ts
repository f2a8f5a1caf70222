// "max" metadata: libphonenumber-js's default ("min") metadata only checks number lengths, "max"
// checks the real numbering ranges. Neither accepts the Ofcom drama range 07700 900xxx (it is
// excluded from valid UK mobile ranges upstream), so that range is allowed explicitly below.
import { isSupportedCountry, ParseError, parsePhoneNumberWithError } from "libphonenumber-js/max";
import type { CountryCode } from "libphonenumber-js/max";
import { IdentifierError } from "./errors.js";
import { checkIdentifierText } from "./text.js";

// Reject prose, letters and extensions: libphonenumber would otherwise pull a number out of free text.
const PHONE_CHARS = /^\+?[\d\s().\-/]+$/;
// Ofcom-reserved fictional mobile numbers (07700 900000-900999), used in demo and test data.
const OFCOM_DRAMA_MOBILE = /^\+447700900\d{3}$/;

const PARSE_REASONS: Readonly<Record<string, string>> = {
  NOT_A_NUMBER: "phone number is not a number",
  INVALID_COUNTRY: "phone number country code is not recognised",
  TOO_SHORT: "phone number is too short",
  TOO_LONG: "phone number is too long",
  INVALID_LENGTH: "phone number has an invalid length",
};

function fail(input: string, reason: string): never {
  throw new IdentifierError("PHONE", input, reason);
}

/** E.164, e.g. "+447700900123". `defaultRegion` (ISO alpha-2) is used only for national-format input. */
export function normalisePhone(input: string, defaultRegion?: string): string {
  checkIdentifierText("PHONE", "phone number", input);
  let text = input.trim();
  if (!PHONE_CHARS.test(text)) {
    fail(input, "phone number may only contain digits, spaces, a leading +, brackets, hyphens, dots and slashes");
  }
  // "00" is the international prefix almost everywhere; treating it as "+" makes it region-independent.
  if (text.startsWith("00")) text = `+${text.slice(2)}`;

  let region: CountryCode | undefined;
  if (defaultRegion !== undefined) {
    const upper = defaultRegion.trim().toUpperCase();
    if (!isSupportedCountry(upper)) fail(input, "default region is not a known country code");
    region = upper;
  }
  if (!text.startsWith("+") && region === undefined) {
    fail(input, "phone number has no country code and no default region");
  }

  let e164: string;
  let possible: boolean;
  let valid: boolean;
  try {
    const parsed = parsePhoneNumberWithError(text, region === undefined ? {} : { defaultCountry: region });
    e164 = parsed.number;
    possible = parsed.isPossible();
    valid = parsed.isValid();
  } catch (error) {
    if (error instanceof ParseError) fail(input, PARSE_REASONS[error.message] ?? "phone number could not be parsed");
    throw error;
  }
  if (OFCOM_DRAMA_MOBILE.test(e164)) return e164;
  if (!possible) fail(input, "phone number has the wrong number of digits for its country");
  if (!valid) {
    fail(input, "phone number is not a valid number for its country");
  }
  return e164;
}
