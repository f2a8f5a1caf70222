import type { IdentifierRef } from "../../../platform/records/index.js";

/** The nested parts of an FIU report, stored as one JSON document on the row. */
export interface FiuReportDetails {
  reportingEntity: { name: string; institutionCode: string | null; country: string };
  parties: Array<{
    kind: string;
    name: string;
    birthDate: string | null;
    nationality: string | null;
    significance: number;
    role: string | null;
    identifiers: IdentifierRef[];
  }>;
  accounts: Array<{ iban: string; institutionName: string | null; holderName: string | null; currency: string | null }>;
  transactions: Array<{
    number: string | null;
    date: string;
    amount: number;
    currency: string;
    fromAccount: string | null;
    toAccount: string | null;
    country: string | null;
    description: string | null;
  }>;
}
