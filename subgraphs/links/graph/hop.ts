import { entityKeyOf } from "../../../schema/entities/index.js";
import type { IdentifierKind } from "../../../schema/identifiers/index.js";
import { identNodeId, type Ident } from "./seeds.js";
import type { RecordType } from "./link-graph.type.js";

/*
 * One hop of an expansion as one GraphQL operation through the gateway: every frontier identifier
 * is an aliased root look-up (`i0: phone(e164: $a0) { … }`), asking each agency's records that
 * mention it and the identifiers those records mention, plus the hit/no-hit answers. The gateway
 * runs it as the caller, so every field obeys the caller's policies: a withheld field is simply
 * null (its FORBIDDEN error is expected), and records the caller may not know exist never arrive.
 */

/** A record as the caller was served it in one hop. */
export interface HopRecord {
  readonly type: RecordType;
  readonly id: string;
  readonly agency: string | null;
  readonly handling: string | null;
  readonly reference: string | null;
  /** Case title, FIU report code: a second part of the label, where served. */
  readonly detail: string | null;
  readonly date: string | null;
  /** The identifiers it mentions, as far as the caller may see them. */
  readonly mentions: readonly Ident[];
}

/** What a hop found on one frontier identifier. */
export interface HopResult {
  readonly ident: Ident;
  readonly records: readonly HopRecord[];
  /** Agencies that answer "we hold something" where the caller sees none of their records (FIU, customs). */
  readonly hits: ReadonlyArray<{ readonly agency: "FIU" | "CUSTOMS"; readonly contactPoint: string | null }>;
  /** A list came back at its cap (100), or an agency did not answer: there may be more. */
  readonly capped: boolean;
}

/** The lists under an identifier hold at most this many records (platform/records). */
export const LIST_CAP = 100;

const IDS =
  "phones { e164 } emails { address } bankAccounts { iban } travelDocuments { country number } vehicles { country plate } companies { country registrationNumber } containers { number } postalItems { itemId }";
const SELECTIONS: Record<RecordType, string> = {
  Seizure: `id originAgency handling reference date ${IDS}`,
  Case: `id originAgency handling reference title openedAt ${IDS}`,
  FiuReport: `id originAgency handling reference reportCode submittedAt ${IDS}`,
  PostalItem: `id itemId originAgency handling reference postedAt ${IDS}`,
};
const LISTS = `seizures { ${SELECTIONS.Seizure} } cases { ${SELECTIONS.Case} } fiuReports { ${SELECTIONS.FiuReport} }`;
const WITH_FIU_HIT: ReadonlySet<IdentifierKind> = new Set(["PHONE", "IBAN", "TRAVEL_DOCUMENT", "COMPANY"]);
const ROOT_FIELDS: Record<IdentifierKind, string> = {
  PHONE: "phone",
  EMAIL: "email",
  IBAN: "bankAccount",
  TRAVEL_DOCUMENT: "travelDocument",
  VEHICLE: "vehicle",
  COMPANY: "company",
  POSTAL_ITEM: "postalItem",
  CONTAINER: "container",
};

/** The hop's operation and variables for a frontier. */
export function hopOperation(frontier: readonly Ident[]): { query: string; variables: Record<string, string> } {
  const variables: Record<string, string> = {};
  const declarations: string[] = [];
  const fields: string[] = [];
  frontier.forEach((ident, n) => {
    const key = entityKeyOf(ident.kind, ident.value);
    const args = Object.entries(key).map(([name, value], i) => {
      const variable = `v${n}_${i}`;
      variables[variable] = value;
      declarations.push(`$${variable}: String!`);
      return `${name}: $${variable}`;
    });
    const call = `${ROOT_FIELDS[ident.kind]}(${args.join(", ")})`;
    if (ident.kind === "POSTAL_ITEM") {
      // The postal record apart from the lists: an item the caller may not see is null without taking the lists with it.
      fields.push(`i${n}: ${call} { ${LISTS} }`, `r${n}: ${call} { ${SELECTIONS.PostalItem} customsHit { hit } }`);
    } else {
      fields.push(`i${n}: ${call} { ${LISTS} postalItems { ${SELECTIONS.PostalItem} }${WITH_FIU_HIT.has(ident.kind) ? " fiuHit { hit contactPoint }" : ""} }`);
    }
  });
  return { query: `query LinkHop(${declarations.join(", ")}) { ${fields.join(" ")} }`, variables };
}

type Json = Record<string, unknown>;
const str = (value: unknown): string | null => (typeof value === "string" ? value : null);
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter((v): v is Json => !!v && typeof v === "object") : []);

function mentionsOf(record: Json): Ident[] {
  const out: Ident[] = [];
  const add = (kind: IdentifierKind, field: string, parts: string[]) => {
    for (const item of list(record[field])) {
      const values = parts.map((part) => str(item[part]));
      if (values.every((v): v is string => v !== null && v !== "")) out.push({ kind, value: values.join(":") });
    }
  };
  add("PHONE", "phones", ["e164"]);
  add("EMAIL", "emails", ["address"]);
  add("IBAN", "bankAccounts", ["iban"]);
  add("TRAVEL_DOCUMENT", "travelDocuments", ["country", "number"]);
  add("VEHICLE", "vehicles", ["country", "plate"]);
  add("COMPANY", "companies", ["country", "registrationNumber"]);
  add("CONTAINER", "containers", ["number"]);
  add("POSTAL_ITEM", "postalItems", ["itemId"]);
  return out;
}

function recordOf(type: RecordType, raw: Json): HopRecord | null {
  const id = str(raw.id);
  if (!id) return null;
  const date = type === "Seizure" ? str(raw.date) : type === "Case" ? str(raw.openedAt) : type === "FiuReport" ? str(raw.submittedAt) : str(raw.postedAt);
  return {
    type,
    id,
    agency: str(raw.originAgency),
    handling: str(raw.handling),
    reference: str(raw.reference),
    detail: type === "Case" ? str(raw.title) : type === "FiuReport" ? str(raw.reportCode) : null,
    date: date ? date.slice(0, 10) : null,
    mentions: mentionsOf(raw),
  };
}

/** Reads a hop's answer back into what it found per frontier identifier (nulls and absent fields are withheld, nothing more). */
export function readHop(frontier: readonly Ident[], data: Json | null | undefined): HopResult[] {
  return frontier.map((ident, n) => {
    const found = (data?.[`i${n}`] ?? null) as Json | null;
    const records: HopRecord[] = [];
    let capped = false;
    const take = (type: RecordType, raw: unknown) => {
      const items = list(raw);
      if (items.length >= LIST_CAP) capped = true;
      for (const item of items) {
        const record = recordOf(type, item);
        if (record) records.push(record);
      }
    };
    const hits: Array<{ agency: "FIU" | "CUSTOMS"; contactPoint: string | null }> = [];
    if (ident.kind === "POSTAL_ITEM") {
      const own = (data?.[`r${n}`] ?? null) as Json | null;
      const record = own ? recordOf("PostalItem", own) : null;
      if (record) records.push(record);
      if ((own?.customsHit as Json | null | undefined)?.hit === true) hits.push({ agency: "CUSTOMS", contactPoint: null });
    }
    if (found) {
      take("Seizure", found.seizures);
      take("Case", found.cases);
      take("FiuReport", found.fiuReports);
      if (ident.kind !== "POSTAL_ITEM") take("PostalItem", found.postalItems);
      const fiuHit = found.fiuHit as Json | null | undefined;
      if (fiuHit?.hit === true) hits.push({ agency: "FIU", contactPoint: str(fiuHit.contactPoint) });
    }
    // A hit says only what the caller could not read: an agency whose records it sees needs no hit node.
    const shown = hits.filter((hit) => !records.some((record) => record.agency === hit.agency));
    return { ident, records, hits: shown, capped };
  });
}

/** The node id of a record. */
export const recordNodeId = (record: Pick<HopRecord, "type" | "id">): string => `${record.type}:${record.id}`;
/** The stable id of "this agency holds something on this identifier". */
export const hitNodeId = (agency: string, ident: Ident): string => `hit:${agency.toLowerCase()}:${identNodeId(ident)}`;
