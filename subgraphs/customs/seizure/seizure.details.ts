import type { IdentifierRef } from "../../../platform/records/index.js";

/** The nested parts of a seizure, stored as one JSON document on the row. */
export interface SeizureDetails {
  commodities: Array<{ area: string; code: string; hsCode: string | null; description: string; quantity: number; unit: string }>;
  route: { origin: string | null; transit: string[]; destination: string | null };
  parties: Array<{ role: string; name: string; birthDate: string | null; nationality: string | null; identifiers: IdentifierRef[] }>;
  transportDocuments: Array<{ kind: string; number: string; carrier: string | null }>;
}
