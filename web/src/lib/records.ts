/** The record types a link-graph node may point at, with the query that reads one as the caller may see it. */
const IDENTIFIERS = "phones { e164 } emails { address } bankAccounts { iban } travelDocuments { country number } vehicles { country plate } companies { country registrationNumber } containers { number } postalItems { itemId }";
const ENVELOPE = "id originAgency handling reference operationId sourceGrade infoGrade createdAt";
const PARTY_IDS = "identifiers { kind value }";

export const RECORD_FIELDS: Readonly<Record<string, string>> = {
  Seizure: `${ENVELOPE} date country place placeType geo { lat lon } transportMode detectionMethod concealmentMethod commodities { area code hsCode description quantity unit } route { origin transit destination } parties { role name birthDate nationality ${PARTY_IDS} } transportDocuments { kind number carrier } officerNotes ${IDENTIFIERS}`,
  Case: `${ENVELOPE} offences status openedAt closedAt title summary parties { role dataSubjectCategory name birthDate nationality ${PARTY_IDS} } informants { role name } events { type at place country } vehicleDetails { country plate make model colour vin } ${IDENTIFIERS}`,
  FiuReport: `${ENVELOPE} reportCode entityReference submittedAt reportingEntity { name institutionCode country } reason action indicators narrative parties { kind name birthDate nationality significance role ${PARTY_IDS} } accounts { iban institutionName holderName currency } transactions { number date amount currency fromAccount toAccount country description } ${IDENTIFIERS}`,
  PostalItem: `itemId ${ENVELOPE} category categoryExplanation sender { name business address postcode city country phone email } addressee { name business address postcode city country phone email } contents { description quantity netWeightKg value currency hsCode originCountry } grossWeightKg totalValue currency postedAt officeOfOrigin originCountry destinationCountry trackingEvents { code at office } customsHit { hit } ${IDENTIFIERS}`,
};

/** The root field and argument that read one record by its id. */
export function recordQuery(recordType: string, recordId: string): { query: string; variables: Record<string, string>; root: string } | null {
  const fields = RECORD_FIELDS[recordType];
  if (!fields) return null;
  switch (recordType) {
    case "Seizure":
      return { root: "seizure", query: `query Record($id: ID!) { seizure(id: $id) { ${fields} } }`, variables: { id: recordId } };
    case "Case":
      return { root: "case", query: `query Record($id: ID!) { case(id: $id) { ${fields} } }`, variables: { id: recordId } };
    case "FiuReport":
      return { root: "fiuReport", query: `query Record($id: ID!) { fiuReport(id: $id) { ${fields} } }`, variables: { id: recordId } };
    case "PostalItem":
      return { root: "postalItem", query: `query Record($id: String!) { postalItem(itemId: $id) { ${fields} } }`, variables: { id: recordId } };
    default:
      return null;
  }
}

export interface FieldView {
  readonly name: string;
  readonly state: "shown" | "withheld" | "masked" | "empty";
  readonly value: unknown;
  /** The deciding rule of a withheld field (the FORBIDDEN error's extensions.rule). */
  readonly rule: string | null;
  /** Withheld parts below this field ("parties.0.name"), with their rules. */
  readonly nested: ReadonlyArray<{ path: string; rule: string | null }>;
}

export interface GraphQLErrorLike {
  readonly message: string;
  readonly path?: ReadonlyArray<string | number>;
  readonly extensions?: Readonly<Record<string, unknown>>;
}

/** A value the hub's mask strategies produce (last4, initials, year-only leave no other trace). */
export function looksMasked(value: unknown): boolean {
  if (typeof value === "string") return value === "[redacted]" || /^\*{2,}/.test(value);
  if (Array.isArray(value)) return value.length > 0 && value.every(looksMasked);
  return false;
}

/** The record's fields in order, each shown, withheld (with the rule), masked or empty. */
export function fieldViews(record: Readonly<Record<string, unknown>> | null, errors: readonly GraphQLErrorLike[], root: string): FieldView[] {
  const forbidden = errors.filter((error) => error.extensions?.code === "FORBIDDEN" && error.path?.[0] === root);
  const names = new Set<string>(record ? Object.keys(record) : []);
  for (const error of forbidden) if (typeof error.path?.[1] === "string") names.add(error.path[1]);
  return [...names].map((name) => {
    const value = record?.[name] ?? null;
    const own = forbidden.find((error) => error.path?.length === 2 && error.path[1] === name);
    const nested = forbidden
      .filter((error) => error.path && error.path.length > 2 && error.path[1] === name)
      .map((error) => ({ path: (error.path ?? []).slice(1).join("."), rule: typeof error.extensions?.rule === "string" ? error.extensions.rule : null }));
    const rule = own && typeof own.extensions?.rule === "string" ? own.extensions.rule : null;
    const state = own ? "withheld" : looksMasked(value) ? "masked" : value === null || (Array.isArray(value) && value.length === 0) ? "empty" : "shown";
    return { name, state, value, rule, nested };
  });
}
