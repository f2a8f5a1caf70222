import { badInput } from "../errors.js";
import { IdentifierError, normaliseIdentifierPart, type IdentifierKind } from "../identifiers/index.js";
import { IDENTIFIER_TYPE_NAMES } from "./names.js";

/** Key fields of each identifier entity, in the order of the stored value's parts (contract: the `@key`s). */
export const IDENTIFIER_KEY_FIELDS = {
  PHONE: ["e164"],
  EMAIL: ["address"],
  IBAN: ["iban"],
  TRAVEL_DOCUMENT: ["country", "number"],
  VEHICLE: ["country", "plate"],
  COMPANY: ["country", "registrationNumber"],
  POSTAL_ITEM: ["itemId"],
  CONTAINER: ["number"],
} as const satisfies Record<IdentifierKind, readonly string[]>;

const KIND_OF_TYPE = new Map<string, IdentifierKind>(
  Object.entries(IDENTIFIER_TYPE_NAMES).map(([kind, typeName]) => [typeName, kind as IdentifierKind]),
);

/** The identifier kind of an entity type name, or undefined for any other type. */
export const identifierKindOfType = (typename: string): IdentifierKind | undefined => KIND_OF_TYPE.get(typename);

/**
 * Validates an identifier entity's key as a caller sent it (an `_entities` representation): each
 * key field must be a string already in normalised form, so over-long text, control characters,
 * lone surrogates and second spellings of one identifier are refused with BAD_USER_INPUT naming
 * the field, before any resolver, SQL or audit sees them. Returns the representation unchanged.
 */
export function checkEntityKey<T extends Record<string, unknown>>(typename: string, representation: T): T {
  const kind = identifierKindOfType(typename);
  if (!kind) throw new Error(`checkEntityKey: ${typename} is not an identifier entity`);
  IDENTIFIER_KEY_FIELDS[kind].forEach((field: string, index: number) => {
    const name = `${typename}.${field}`;
    const value = representation[field];
    if (typeof value !== "string") throw badInput(`${name} must be a string`, { field: name, identifierKind: kind });
    let normalised: string;
    try {
      normalised = normaliseIdentifierPart(kind, index, value);
    } catch (error) {
      if (error instanceof IdentifierError) throw badInput(`${name}: ${error.reason}`, { field: name, identifierKind: kind });
      throw error;
    }
    // A second spelling would be a second key for one identifier: callers get keys from the look-ups.
    if (normalised !== value) throw badInput(`${name} is not in normalised form`, { field: name, identifierKind: kind });
  });
  return representation;
}
