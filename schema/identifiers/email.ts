import { IdentifierError } from "./errors.js";
import { checkIdentifierText } from "./text.js";

// Deliberately simpler than RFC 5322: dot-atom local part, LDH domain labels, alphabetic or
// punycode TLD. Quoted local parts and non-ASCII (un-punycoded) domains are rejected.
const LOCAL = "[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*";
const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
const TLD = "(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})";
const EMAIL = new RegExp(`^${LOCAL}@(?:${LABEL}\\.)+${TLD}$`);
const MAX_LENGTH = 254; // RFC 5321 path limit minus the angle brackets
const MAX_LOCAL_LENGTH = 64;

/** Trimmed and lower-cased; real mail systems treat the local part case-insensitively. */
export function normaliseEmail(input: string): string {
  checkIdentifierText("EMAIL", "email address", input);
  const email = input.trim().toLowerCase();
  if (email.length > MAX_LENGTH) {
    throw new IdentifierError("EMAIL", input, `email address is longer than ${MAX_LENGTH} characters`);
  }
  if (/\s/.test(email)) {
    throw new IdentifierError("EMAIL", input, "email address contains whitespace");
  }
  if (!EMAIL.test(email)) {
    throw new IdentifierError("EMAIL", input, "email address is not of the form local@domain.tld");
  }
  if (email.indexOf("@") > MAX_LOCAL_LENGTH) {
    throw new IdentifierError("EMAIL", input, `email local part is longer than ${MAX_LOCAL_LENGTH} characters`);
  }
  return email;
}
