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

export interface RecordRequest {
  readonly query: string;
  readonly variables: Record<string, string>;
  /** The root fields (aliases) that may hold the record; the one whose id matches is it. */
  readonly roots: readonly string[];
}

/**
 * The query that reads one record by its id. A postal item is found only by its item number
 * (postalItem(itemId:)), so its candidates are the item numbers its node is linked to, each under
 * an alias; the answer whose id matches the node's is the record.
 */
export function recordQuery(recordType: string, recordId: string, itemIds: readonly string[] = []): RecordRequest | null {
  const fields = RECORD_FIELDS[recordType];
  if (!fields) return null;
  switch (recordType) {
    case "Seizure":
      return { roots: ["seizure"], query: `query Record($id: ID!) { seizure(id: $id) { ${fields} } }`, variables: { id: recordId } };
    case "Case":
      return { roots: ["case"], query: `query Record($id: ID!) { case(id: $id) { ${fields} } }`, variables: { id: recordId } };
    case "FiuReport":
      return { roots: ["fiuReport"], query: `query Record($id: ID!) { fiuReport(id: $id) { ${fields} } }`, variables: { id: recordId } };
    case "PostalItem": {
      const candidates = [...new Set(itemIds)].slice(0, 8);
      if (candidates.length === 0) return null;
      const roots = candidates.map((_, n) => `p${n}`);
      const args = roots.map((root) => `$${root}: String!`).join(", ");
      const selections = roots.map((root) => `${root}: postalItem(itemId: $${root}) { ${fields} }`).join(" ");
      return { roots, query: `query Record(${args}) { ${selections} }`, variables: Object.fromEntries(roots.map((root, n) => [root, candidates[n] as string])) };
    }
    default:
      return null;
  }
}

/** Which root of an answer holds the record: the one whose id is the node's, else the only one answered. */
export function recordRoot(data: Readonly<Record<string, unknown>> | null, roots: readonly string[], recordId: string): string | null {
  const answered = roots.filter((root) => data?.[root]);
  return answered.find((root) => (data?.[root] as { id?: unknown }).id === recordId) ?? (answered.length === 1 ? (answered[0] as string) : roots.length === 1 ? (roots[0] as string) : null);
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
