import { normaliseCompany } from "./company.js";
import { normaliseContainer } from "./container.js";
import { normaliseTravelDocument } from "./document.js";
import { normaliseEmail } from "./email.js";
import { IdentifierError } from "./errors.js";
import { normaliseIban } from "./iban.js";
import type { IdentifierKind } from "./kinds.js";
import { normalisePhone } from "./phone.js";
import { normaliseS10 } from "./s10.js";
import { normaliseVehicle } from "./vehicle.js";

// Re-normalises the parts so each identifier has exactly one key: a non-normalised part would
// silently create a second key for the same real-world identifier and break cross-agency matching.
function canonicalParts(kind: IdentifierKind, parts: readonly string[]): readonly string[] {
  const [first = "", second = ""] = parts;
  switch (kind) {
    case "PHONE":
      return [normalisePhone(first)];
    case "EMAIL":
      return [normaliseEmail(first)];
    case "IBAN":
      return [normaliseIban(first)];
    case "POSTAL_ITEM":
      return [normaliseS10(first)];
    case "CONTAINER":
      return [normaliseContainer(first)];
    case "TRAVEL_DOCUMENT": {
      const doc = normaliseTravelDocument(first, second);
      return [doc.country, doc.number];
    }
    case "VEHICLE": {
      const vehicle = normaliseVehicle(first, second);
      return [vehicle.country, vehicle.plate];
    }
    case "COMPANY": {
      const company = normaliseCompany(first, second);
      return [company.country, company.registrationNumber];
    }
  }
}

const PART_COUNT: Readonly<Record<IdentifierKind, number>> = {
  PHONE: 1,
  EMAIL: 1,
  IBAN: 1,
  POSTAL_ITEM: 1,
  CONTAINER: 1,
  TRAVEL_DOCUMENT: 2,
  VEHICLE: 2,
  COMPANY: 2,
};

/**
 * One string key for storing an identifier mention in a database: e.g. PHONE "+447700900123",
 * TRAVEL_DOCUMENT "GB:123456789", VEHICLE "NL:AB123C", COMPANY "DE:HRB12345".
 * Inputs must already be normalised; anything else throws rather than minting a second key.
 */
export function identifierValue(kind: IdentifierKind, parts: readonly string[]): string {
  const input = parts.join(":");
  const expected = PART_COUNT[kind];
  if (parts.length !== expected) {
    throw new IdentifierError(kind, input, `${kind} needs ${expected} part(s), got ${parts.length}`);
  }
  const canonical = canonicalParts(kind, parts);
  if (canonical.some((part, i) => part !== parts[i])) {
    throw new IdentifierError(kind, input, `${kind} parts are not normalised; normalise them first`);
  }
  return canonical.join(":");
}

/**
 * One part of a key (e.g. a `TravelDocument` key's `number`) in its normalised form; throws an
 * IdentifierError naming that part's problem. Composite keys normalise their parts independently,
 * so a known-valid partner isolates the part in question.
 */
export function normaliseIdentifierPart(kind: IdentifierKind, index: number, part: string): string {
  const count = PART_COUNT[kind];
  if (!Number.isInteger(index) || index < 0 || index >= count) throw new IdentifierError(kind, part, `${kind} has no part ${index + 1}`);
  const parts = count === 1 ? [part] : index === 0 ? [part, "X"] : ["GB", part];
  return canonicalParts(kind, parts)[index] as string;
}
