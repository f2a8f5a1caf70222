import type { IdentifierKind } from "../identifiers/index.js";

/** Record field that lists the identifiers of one kind (contract: `Seizure.phones`, ...). */
export const IDENTIFIER_LIST_FIELDS = {
  PHONE: "phones",
  EMAIL: "emails",
  IBAN: "bankAccounts",
  TRAVEL_DOCUMENT: "travelDocuments",
  VEHICLE: "vehicles",
  COMPANY: "companies",
  POSTAL_ITEM: "postalItems",
  CONTAINER: "containers",
} as const satisfies Record<IdentifierKind, string>;

/** GraphQL entity type for each identifier kind. */
export const IDENTIFIER_TYPE_NAMES = {
  PHONE: "Phone",
  EMAIL: "Email",
  IBAN: "BankAccount",
  TRAVEL_DOCUMENT: "TravelDocument",
  VEHICLE: "Vehicle",
  COMPANY: "Company",
  POSTAL_ITEM: "PostalItem",
  CONTAINER: "Container",
} as const satisfies Record<IdentifierKind, string>;
