import type { IdentifierRef } from "../../../platform/records/index.js";

export interface CasePartyDetails {
  role: string;
  dataSubjectCategory: string;
  name: string;
  birthDate: string | null;
  nationality: string | null;
  identifiers: IdentifierRef[];
}

export interface CaseEventDetails {
  type: string;
  /** ISO 8601 date-time (JSON has no date type). */
  at: string;
  place: string;
  country: string | null;
}

export interface CaseVehicleDetails {
  /** Normalised like the shared Vehicle key (ISO 3166-1 alpha-2, plate without separators). */
  country: string;
  plate: string;
  make: string | null;
  model: string | null;
  colour: string | null;
  vin: string | null;
}

/** The nested parts of a case, stored as one JSON document on the row. */
export interface CaseDetails {
  parties: CasePartyDetails[];
  events: CaseEventDetails[];
  vehicles: CaseVehicleDetails[];
}
