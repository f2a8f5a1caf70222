/*
 * Minimal valid record inputs per agency, for tests. Each mentions the given phone (and IBAN
 * where the agency records accounts), so cross-agency queries have something to join on.
 */

export interface FixtureOptions {
  reference: string;
  phone: string;
  iban?: string;
  handling?: string;
  operationId?: string | null;
  /** Any notation; lets tests check normalisation and bad input. */
  date?: string;
}

const envelope = (o: FixtureOptions) => ({
  reference: o.reference,
  handling: o.handling ?? "AMBER",
  operationId: o.operationId ?? null,
  sourceGrade: "B",
  infoGrade: 2,
});

export function seizureInput(o: FixtureOptions) {
  return {
    ...envelope(o),
    date: o.date ?? "2025-03-01",
    country: "GB",
    place: "Coventry mail centre",
    placeType: "MAIL_CENTRE",
    transportMode: "POSTAL",
    detectionMethod: "X_RAY",
    concealmentMethod: "inside greeting cards",
    commodities: [{ area: "DRUGS", code: "NPS", hsCode: "293999", description: "synthetic cannabinoid powder", quantity: 0.25, unit: "kg" }],
    route: { origin: "CN", transit: ["NL"], destination: "GB" },
    parties: [{ role: "CONSIGNEE", name: "Sam Carter", birthDate: "1990-05-17", nationality: "GBR", identifiers: { phones: [o.phone], ibans: o.iban ? [o.iban] : [] } }],
    postalItems: ["RR123456785NL"],
    officerNotes: "Tip-off from express operator",
  };
}

export function caseInput(o: FixtureOptions) {
  return {
    ...envelope(o),
    offences: ["DRUG_IMPORTATION"],
    openedAt: o.date ?? "2025-03-05",
    title: "Mail-order NPS supply",
    summary: "Suspect orders NPS by post and resells locally.",
    parties: [
      { role: "SUSPECT", name: "Sam Carter", birthDate: "1990-05-17", identifiers: { phones: [o.phone], ibans: o.iban ? [o.iban] : [] } },
      { role: "INFORMANT", name: "Source 17", identifiers: { phones: ["+447700900999"] } },
    ],
    events: [{ type: "ARREST", at: "2025-03-06T09:30:00Z", place: "Coventry", country: "GB" }],
    vehicles: [{ country: "GB", plate: "AB12 CDE", make: "Ford", model: "Transit" }],
  };
}

export function fiuReportInput(o: FixtureOptions) {
  return {
    ...envelope(o),
    reportCode: "STR",
    submittedAt: `${o.date ?? "2025-03-10"}T12:00:00Z`,
    reportingEntity: { name: "Westminster Bank", institutionCode: "WESTGB2L", country: "GB" },
    reason: "Many small incoming transfers followed by cash withdrawals",
    indicators: ["STRUCTURING"],
    narrative: "Account receives 40 transfers under GBP 100 per week from unrelated senders.",
    parties: [{ kind: "PERSON", name: "Sam Carter", significance: 8, identifiers: { phones: [o.phone] } }],
    accounts: [{ iban: o.iban ?? "GB82WEST12345698765432", holderName: "Sam Carter", currency: "GBP" }],
    transactions: [{ date: "2025-03-01", amount: 95, currency: "GBP", toAccount: o.iban ?? "GB82WEST12345698765432", country: "GB" }],
  };
}

export function postalItemInput(o: FixtureOptions & { itemId: string }) {
  return {
    ...envelope(o),
    itemId: o.itemId,
    category: "GIFT",
    sender: { name: "Li Wei", address: "88 Harbour Road", city: "Shenzhen", country: "CN" },
    addressee: { name: "Sam Carter", address: "1 High Street", postcode: "CV1 1AA", city: "Coventry", country: "GB", phone: o.phone },
    contents: [{ description: "herbal incense", quantity: 2, netWeightKg: 0.25, value: 20, currency: "USD", hsCode: "330749", originCountry: "CN" }],
    grossWeightKg: 0.4,
    totalValue: 20,
    currency: "USD",
    postedAt: `${o.date ?? "2025-02-20"}T08:00:00Z`,
    officeOfOrigin: "Shenzhen IMPC",
    originCountry: "CN",
    destinationCountry: "GB",
  };
}

/**
 * The same input as a service function receives it: GraphQL turns DateTimeISO values into Date
 * objects before a resolver sees them, so tests calling services directly do the same.
 */
export function asServiceInput<T>(input: Record<string, unknown>): T {
  const convert = (value: unknown): unknown => {
    if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return new Date(value);
    if (Array.isArray(value)) return value.map(convert);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v)]));
    return value;
  };
  return convert(input) as T;
}
