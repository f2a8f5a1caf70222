import { badInput } from "../../../schema/errors.js";
import type { LiaisonConfig } from "../../../platform/config.js";
import {
  check,
  countryCode,
  normaliseEmailRef,
  normalisePhoneRef,
  normalisePostalItemRef,
  optionalCountryCode,
  uniqueRefs,
  validateEnvelope,
  type IdentifierRef,
  type PreparedRecord,
} from "../../../platform/records/index.js";
import type { PostalItemDetails, PostalPartyDetails } from "./item.details.js";
import type { PostalItemEntity } from "./item.entity.js";
import type { PostalAddresseeInput, PostalPartyInput, PostalSenderInput, RegisterPostalItemInput } from "./item.input.js";

const HS_CODE = /^\d{6,10}$/;
/** Generous bounds: UPU items weigh at most tens of kilograms; they only catch unit mistakes. */
const MAX_WEIGHT_KG = 1000;
const MAX_VALUE = 1e10;

function positive(value: number, field: string, max: number): number {
  check.numberRange(value, field, 0, max);
  if (value <= 0) throw badInput(`${field} must be greater than 0`, { field });
  return value;
}

const currency = check.currencyCode;
/** A posting or tracking time. */
const eventTime = check.pastDateTime;

interface PartyResult {
  party: PostalPartyDetails;
  identifiers: IdentifierRef[];
}

function party(input: PostalPartyInput, field: string, defaultRegion: string, references: Pick<PostalPartyDetails, "customsReference" | "importerReference">): PartyResult {
  const phone = input.phone?.trim() ? normalisePhoneRef(input.phone, `${field}.phone`, defaultRegion) : null;
  const email = input.email?.trim() ? normaliseEmailRef(input.email, `${field}.email`) : null;
  return {
    party: {
      name: check.text(input.name, `${field}.name`, 200),
      business: check.optionalText(input.business, `${field}.business`, 200),
      address: check.text(input.address, `${field}.address`, 500),
      postcode: check.optionalText(input.postcode, `${field}.postcode`, 20),
      city: check.text(input.city, `${field}.city`, 100),
      country: countryCode(input.country, `${field}.country`),
      phone: phone?.value ?? null,
      email: email?.value ?? null,
      ...references,
    },
    identifiers: [phone, email].filter((ref): ref is IdentifierRef => ref !== null),
  };
}

const sender = (input: PostalSenderInput, defaultRegion: string) =>
  party(input, "input.sender", defaultRegion, {
    customsReference: check.optionalText(input.customsReference, "input.sender.customsReference", 64),
    importerReference: null,
  });

const addressee = (input: PostalAddresseeInput, defaultRegion: string) =>
  party(input, "input.addressee", defaultRegion, {
    customsReference: null,
    importerReference: check.optionalText(input.importerReference, "input.addressee.importerReference", 64),
  });

/** Postal rules for an item (CN23): validates and normalises the input into the row to store. */
export function preparePostalItem(input: RegisterPostalItemInput, config: LiaisonConfig): PreparedRecord<PostalItemEntity> {
  const envelope = validateEnvelope(input);
  const itemRef = normalisePostalItemRef(input.itemId, "input.itemId");
  const from = sender(input.sender, config.defaultPhoneRegion);
  const to = addressee(input.addressee, config.defaultPhoneRegion);
  const contents = check.listSize(input.contents, "input.contents", 100, 1).map((line, i) => {
    const field = `input.contents[${i}]`;
    return {
      description: check.text(line.description, `${field}.description`, 500),
      quantity: check.intRange(line.quantity, `${field}.quantity`, 1, 1_000_000),
      netWeightKg: positive(line.netWeightKg, `${field}.netWeightKg`, MAX_WEIGHT_KG),
      value: check.numberRange(line.value, `${field}.value`, 0, MAX_VALUE),
      currency: currency(line.currency, `${field}.currency`),
      hsCode: line.hsCode?.trim() ? check.pattern(line.hsCode, `${field}.hsCode`, HS_CODE, "6 to 10 digits") : null,
      originCountry: optionalCountryCode(line.originCountry, `${field}.originCountry`),
    };
  });
  const grossWeightKg = positive(input.grossWeightKg, "input.grossWeightKg", MAX_WEIGHT_KG);
  const netWeightKg = contents.reduce((sum, line) => sum + line.netWeightKg, 0);
  // Gross weight includes the packaging, so it cannot be below the contents' net weight.
  if (netWeightKg > grossWeightKg + 1e-6) {
    throw badInput(`input.grossWeightKg must be at least the contents' net weight (${netWeightKg} kg)`, { field: "input.grossWeightKg" });
  }
  const postedAt = eventTime(input.postedAt, "input.postedAt");
  const trackingEvents = check
    .listSize(input.trackingEvents, "input.trackingEvents", 200)
    .map((event, i) => ({
      code: event.code,
      at: eventTime(event.at, `input.trackingEvents[${i}].at`).toISOString(),
      office: check.text(event.office, `input.trackingEvents[${i}].office`, 200),
    }))
    .sort((a, b) => a.at.localeCompare(b.at)); // ISO strings in UTC sort as times; the sort is stable
  const details: PostalItemDetails = {
    categoryExplanation: check.optionalText(input.categoryExplanation, "input.categoryExplanation", 500),
    sender: from.party,
    addressee: to.party,
    contents,
    trackingEvents,
  };
  const fields = {
    itemId: itemRef.value,
    category: input.category,
    grossWeightKg,
    totalValue: check.numberRange(input.totalValue, "input.totalValue", 0, MAX_VALUE),
    currency: currency(input.currency, "input.currency"),
    officeOfOrigin: check.text(input.officeOfOrigin, "input.officeOfOrigin", 200),
    originCountry: countryCode(input.originCountry, "input.originCountry"),
    destinationCountry: countryCode(input.destinationCountry, "input.destinationCountry"),
    senderCountry: from.party.country,
    details,
  };
  // A postal item mentions its parties' phones and e-mails, and itself.
  const identifiers = uniqueRefs([...from.identifiers, ...to.identifiers, itemRef]);
  return { ...envelope, ...fields, occurredAt: postedAt, identifiers };
}
