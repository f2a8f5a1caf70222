import { badInput } from "../../../schema/errors.js";
import { IdentifierError, identifierValue, normaliseVehicle } from "../../../schema/identifiers/index.js";
import type { LiaisonConfig } from "../../../platform/config.js";
import {
  check,
  normaliseIdentifiers,
  optionalCountryCode,
  uniqueRefs,
  validateEnvelope,
  type IdentifierRef,
  type PreparedRecord,
} from "../../../platform/records/index.js";
import type { CaseDetails, CasePartyDetails, CaseVehicleDetails } from "./case.details.js";
import type { CaseEntity } from "./case.entity.js";
import { CasePartyRole, CaseStatus, defaultSubjectCategory } from "./case.enums.js";
import type { CaseEventInput, CasePartyInput, CaseVehicleInput, OpenCaseInput } from "./case.input.js";

const MAX_PARTIES = 100;
const MAX_EVENTS = 200;
const MAX_VEHICLES = 50;
const MAX_OFFENCES = 20;
/** ISO 3779: no I, O or Q; pre-1981 vehicles carry shorter numbers. */
const VIN = /^[A-HJ-NPR-Z0-9]{11,17}$/;

function validateParty(party: CasePartyInput, field: string, config: LiaisonConfig): CasePartyDetails {
  return {
    role: party.role,
    dataSubjectCategory: party.dataSubjectCategory ?? defaultSubjectCategory(party.role),
    name: check.text(party.name, `${field}.name`, 200),
    birthDate: check.optionalIsoDate(party.birthDate, `${field}.birthDate`),
    nationality: optionalCountryCode(party.nationality, `${field}.nationality`),
    identifiers: normaliseIdentifiers(party.identifiers, `${field}.identifiers`, config.defaultPhoneRegion),
  };
}

/**
 * What makes two parties "the same" for idempotent writes: role, name (case and spacing aside),
 * birth date and the set of identifiers. Category and nationality do not count.
 */
function partyKey(party: CasePartyDetails): string {
  const ids = party.identifiers.map((ref) => `${ref.kind}|${ref.value}`).sort();
  return JSON.stringify([party.role, party.name.replace(/\s+/g, " ").toLowerCase(), party.birthDate, ids]);
}

/** Drops parties identical to an earlier one (in `known` or earlier in the list). */
function newParties(parties: readonly CasePartyDetails[], known: readonly CasePartyDetails[] = []): CasePartyDetails[] {
  const seen = new Set(known.map(partyKey));
  return parties.filter((party) => {
    const key = partyKey(party);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function validateEvent(event: CaseEventInput, field: string) {
  return {
    type: event.type,
    at: check.pastDateTime(event.at, `${field}.at`).toISOString(),
    place: check.text(event.place, `${field}.place`, 200),
    country: optionalCountryCode(event.country, `${field}.country`),
  };
}

function validateVehicle(vehicle: CaseVehicleInput, field: string): CaseVehicleDetails {
  let key: { country: string; plate: string };
  try {
    key = normaliseVehicle(vehicle.country, vehicle.plate);
  } catch (error) {
    // Same message shape as the platform's normaliseIdentifiers.
    if (error instanceof IdentifierError) throw badInput(`${field}: ${error.reason}`, { field, identifierKind: "VEHICLE" });
    throw error;
  }
  const vin = check.optionalText(vehicle.vin?.replace(/[\s-]/g, "").toUpperCase(), `${field}.vin`, 17);
  return {
    ...key,
    make: check.optionalText(vehicle.make, `${field}.make`, 64),
    model: check.optionalText(vehicle.model, `${field}.model`, 64),
    colour: check.optionalText(vehicle.colour, `${field}.colour`, 32),
    vin: vin === null ? null : check.pattern(vin, `${field}.vin`, VIN, "a VIN of 11 to 17 letters and digits without I, O or Q"),
  };
}

/**
 * The record's identifier list: every party's identifiers plus the case's vehicles, except
 * informants'. Source protection: an informant's identifiers stay inside `Case.informants` and
 * are never indexed for cross-agency matching, so no look-up can lead to the case through them.
 */
function caseIdentifiers(details: CaseDetails): IdentifierRef[] {
  const vehicles = details.vehicles.map((v): IdentifierRef => ({ kind: "VEHICLE", value: identifierValue("VEHICLE", [v.country, v.plate]) }));
  const parties = details.parties.filter((party) => party.role !== "INFORMANT");
  return uniqueRefs([...parties.flatMap((party) => party.identifiers), ...vehicles]);
}

/**
 * The roles a filter may read. Informants are not among them: whether a case has one is its own
 * column, which reveals `Case.informants` (source protection), never `Case.parties`.
 */
const partyRolesOf = (details: CaseDetails): string[] => [...new Set(details.parties.filter((p) => p.role !== CasePartyRole.INFORMANT).map((p) => p.role))];
const hasInformants = (details: CaseDetails): boolean => details.parties.some((p) => p.role === CasePartyRole.INFORMANT);

/** The columns that follow from a case's parties (kept in step on every change). */
export const partyColumns = (details: CaseDetails) => ({
  details,
  partyRoles: partyRolesOf(details),
  hasInformants: hasInformants(details),
  identifiers: caseIdentifiers(details),
});

/** Police rules for a new case: validates and normalises the input into the row to store. */
export function prepareCase(input: OpenCaseInput, config: LiaisonConfig): PreparedRecord<CaseEntity> {
  const envelope = validateEnvelope(input);
  const openedAt = check.isoDate(input.openedAt, "input.openedAt");
  const closedAt = check.optionalIsoDate(input.closedAt, "input.closedAt");
  if (closedAt !== null && closedAt < openedAt) throw badInput("input.closedAt must not be before input.openedAt", { field: "input.closedAt" });
  const offences = check.listSize(input.offences, "input.offences", MAX_OFFENCES, 1).map((code, i) => check.code(code, `input.offences[${i}]`, config.codes.offence));
  const parties = check.listSize(input.parties, "input.parties", MAX_PARTIES).map((party, i) => validateParty(party, `input.parties[${i}]`, config));
  const events = check.listSize(input.events, "input.events", MAX_EVENTS).map((event, i) => validateEvent(event, `input.events[${i}]`));
  const vehicles = check.listSize(input.vehicles, "input.vehicles", MAX_VEHICLES).map((vehicle, i) => validateVehicle(vehicle, `input.vehicles[${i}]`));
  vehicles.forEach((vehicle, i) => {
    const first = vehicles.findIndex((v) => v.country === vehicle.country && v.plate === vehicle.plate);
    if (first !== i) throw badInput(`input.vehicles[${i}] repeats input.vehicles[${first}]`, { field: `input.vehicles[${i}]` });
  });
  return {
    ...envelope,
    occurredAt: new Date(`${openedAt}T00:00:00Z`),
    status: input.status ?? CaseStatus.OPEN,
    offences: [...new Set(offences)],
    closedAt,
    title: check.text(input.title, "input.title", 200),
    summary: check.optionalText(input.summary, "input.summary", 10_000),
    ...partyColumns({ parties: newParties(parties), events, vehicles }),
  };
}

/** Validates parties to add to a case (BAD_USER_INPUT naming the field). */
export function validateParties(parties: readonly CasePartyInput[], config: LiaisonConfig): CasePartyDetails[] {
  return check.listSize(parties, "parties", MAX_PARTIES, 1).map((party, i) => validateParty(party, `parties[${i}]`, config));
}

/**
 * The columns after adding parties to a stored case, or null when every party is already on it
 * (an idempotent repeat leaves the record as it was).
 */
export function withParties(current: CaseEntity, incoming: readonly CasePartyDetails[]): Partial<CaseEntity> | null {
  const fresh = newParties(incoming, current.details.parties);
  if (fresh.length === 0) return null;
  if (current.details.parties.length + fresh.length > MAX_PARTIES) {
    throw badInput(`parties: a case may hold at most ${MAX_PARTIES} parties`, { field: "parties" });
  }
  return partyColumns({ ...current.details, parties: [...current.details.parties, ...fresh] });
}
