/** A sender or addressee as stored: values already trimmed and normalised. */
export interface PostalPartyDetails {
  name: string;
  business: string | null;
  address: string;
  postcode: string | null;
  city: string;
  country: string;
  /** E.164. */
  phone: string | null;
  /** Trimmed, lower-cased. */
  email: string | null;
  /** Sender only: the sender's customs reference. */
  customsReference: string | null;
  /** Addressee only: CN23 "importer reference" (tax code, VAT number, importer code). */
  importerReference: string | null;
}

/** The nested parts of a postal item (CN23 declaration and tracking), stored as one JSON document on the row. */
export interface PostalItemDetails {
  categoryExplanation: string | null;
  sender: PostalPartyDetails;
  addressee: PostalPartyDetails;
  contents: Array<{
    description: string;
    quantity: number;
    netWeightKg: number;
    value: number;
    currency: string;
    hsCode: string | null;
    originCountry: string | null;
  }>;
  /** Oldest first; `at` as an ISO 8601 string. */
  trackingEvents: Array<{ code: string; at: string; office: string }>;
}
