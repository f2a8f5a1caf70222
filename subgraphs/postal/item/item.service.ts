import { EntityNotFoundError, type DataSource } from "typeorm";
import { Agency } from "../../../schema/enums.js";
import { badInput, conflict } from "../../../schema/errors.js";
import type { LiaisonConfig } from "../../../platform/config.js";
import {
  check,
  contentHash,
  countryCode,
  normaliseEmailRef,
  normalisePhoneRef,
  normalisePostalItemRef,
  optionalCountryCode,
  saveRecordOnce,
  uniqueRefs,
  validateEnvelope,
  type IdentifierRef,
} from "../../../platform/records/index.js";
import type { PostalItemDetails, PostalPartyDetails } from "./item.details.js";
import { PostalItemEntity } from "./item.entity.js";
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

/** One row per S10 item: the same item under another reference is a CONFLICT, never a second record. */
async function refuseOtherReference(dataSource: DataSource, itemId: string, reference: string): Promise<void> {
  const existing = await dataSource.getRepository(PostalItemEntity).findOne({ where: { itemId }, select: { id: true, reference: true } });
  if (existing && existing.reference !== reference) {
    throw conflict(`postal item ${itemId} is already registered under another reference`);
  }
}

/** Validates and normalises a postal item (CN23), then stores it once (idempotent on its reference). */
export async function registerPostalItem(dataSource: DataSource, input: RegisterPostalItemInput, config: LiaisonConfig) {
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
  const hash = contentHash({ envelope, postedAt, fields, identifiers });
  const record = { ...envelope, ...fields, originAgency: Agency.POSTAL, occurredAt: postedAt, contentHash: hash, identifiers };

  await refuseOtherReference(dataSource, fields.itemId, envelope.reference);
  try {
    return await saveRecordOnce(dataSource, PostalItemEntity, record);
  } catch (error) {
    // A concurrent registration of the same item under another reference won the unique index:
    // the insert was skipped and no row carries our reference. Report it as the conflict it is.
    if (error instanceof EntityNotFoundError) await refuseOtherReference(dataSource, fields.itemId, envelope.reference);
    throw error;
  }
}
