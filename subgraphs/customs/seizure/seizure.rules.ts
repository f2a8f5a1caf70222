import type { LiaisonConfig } from "../../../platform/config.js";
import {
  check,
  countryCode,
  optionalCountryCode,
  normaliseContainerRef,
  normaliseIdentifiers,
  normalisePostalItemRef,
  uniqueRefs,
  validateEnvelope,
  type IdentifierRef,
  type PreparedRecord,
} from "../../../platform/records/index.js";
import type { SeizureEntity } from "./seizure.entity.js";
import type { SeizureDetails } from "./seizure.details.js";
import type { RecordSeizureInput } from "./seizure.input.js";

const HS_CODE = /^\d{6,10}$/;
const UNIT = /^[A-Z]{1,10}$/;

/** Customs' rules for a seizure: validates and normalises the input into the row to store. */
export function prepareSeizure(input: RecordSeizureInput, config: LiaisonConfig): PreparedRecord<SeizureEntity> {
  const envelope = validateEnvelope(input);
  const date = check.isoDate(input.date, "input.date");
  const commodities = check.listSize(input.commodities, "input.commodities", 50, 1).map((line, i) => {
    const field = `input.commodities[${i}]`;
    return {
      area: line.area,
      code: check.code(line.code, `${field}.code`, config.codes.commodity),
      hsCode: line.hsCode ? check.pattern(line.hsCode, `${field}.hsCode`, HS_CODE, "6 to 10 digits") : null,
      description: check.text(line.description, `${field}.description`, 500),
      quantity: check.numberRange(line.quantity, `${field}.quantity`, 0, 1e12),
      unit: check.pattern(line.unit.toUpperCase(), `${field}.unit`, UNIT, "a unit such as KG, G, L, PIECES"),
    };
  });
  const parties = check.listSize(input.parties, "input.parties", 100).map((party, i) => {
    const field = `input.parties[${i}]`;
    return {
      role: party.role,
      name: check.text(party.name, `${field}.name`, 200),
      birthDate: check.optionalIsoDate(party.birthDate, `${field}.birthDate`),
      nationality: optionalCountryCode(party.nationality, `${field}.nationality`),
      identifiers: normaliseIdentifiers(party.identifiers, `${field}.identifiers`, config.defaultPhoneRegion),
    };
  });
  const containers = check.listSize(input.containers, "input.containers", 100).map((c, i) => normaliseContainerRef(c, `input.containers[${i}]`));
  const postalItems = check.listSize(input.postalItems, "input.postalItems", 500).map((s, i) => normalisePostalItemRef(s, `input.postalItems[${i}]`));
  const transportDocuments = check.listSize(input.transportDocuments, "input.transportDocuments", 50).map((doc, i) => ({
    kind: doc.kind,
    number: check.text(doc.number, `input.transportDocuments[${i}].number`, 64),
    carrier: check.optionalText(doc.carrier, `input.transportDocuments[${i}].carrier`, 200),
  }));
  const route = {
    origin: optionalCountryCode(input.route?.origin, "input.route.origin"),
    transit: check.listSize(input.route?.transit, "input.route.transit", 20).map((c, i) => countryCode(c, `input.route.transit[${i}]`)),
    destination: optionalCountryCode(input.route?.destination, "input.route.destination"),
  };
  const geo = input.geo
    ? { lat: check.numberRange(input.geo.lat, "input.geo.lat", -90, 90), lon: check.numberRange(input.geo.lon, "input.geo.lon", -180, 180) }
    : null;
  const details: SeizureDetails = { commodities, route, parties, transportDocuments };
  const identifiers: IdentifierRef[] = uniqueRefs([...parties.flatMap((p) => p.identifiers), ...containers, ...postalItems]);
  const fields = {
    country: countryCode(input.country, "input.country"),
    place: check.text(input.place, "input.place", 200),
    placeType: input.placeType,
    transportMode: input.transportMode,
    detectionMethod: input.detectionMethod,
    concealmentMethod: check.optionalText(input.concealmentMethod, "input.concealmentMethod", 500),
    geoLat: geo?.lat ?? null,
    geoLon: geo?.lon ?? null,
    areas: [...new Set(commodities.map((c) => c.area))],
    commodityCodes: [...new Set(commodities.map((c) => c.code))],
    officerNotes: check.optionalText(input.officerNotes, "input.officerNotes", 5000),
    details,
  };
  return { ...envelope, ...fields, occurredAt: new Date(`${date}T00:00:00Z`), identifiers };
}
