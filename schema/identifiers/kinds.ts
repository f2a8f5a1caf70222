/** The identifier types Liaison can match across agencies. */
export type IdentifierKind =
  | "PHONE"
  | "EMAIL"
  | "IBAN"
  | "TRAVEL_DOCUMENT"
  | "VEHICLE"
  | "COMPANY"
  | "POSTAL_ITEM"
  | "CONTAINER";

// Frozen so no caller can add a kind at runtime that the type does not know.
export const IDENTIFIER_KINDS: readonly IdentifierKind[] = Object.freeze([
  "PHONE",
  "EMAIL",
  "IBAN",
  "TRAVEL_DOCUMENT",
  "VEHICLE",
  "COMPANY",
  "POSTAL_ITEM",
  "CONTAINER",
] as const);
