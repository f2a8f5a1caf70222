import { Field, InputType } from "type-graphql";
import { badInput } from "../../schema/errors.js";
import {
  IdentifierError,
  identifierValue,
  normaliseCompany,
  normaliseContainer,
  normaliseCountry,
  normaliseEmail,
  normaliseIban,
  normalisePhone,
  normaliseS10,
  normaliseTravelDocument,
  normaliseVehicle,
  type IdentifierKind,
} from "../../schema/identifiers/index.js";
import type { IdentifierRef } from "./identifier-ref.js";
import { listSize } from "./validate.js";

@InputType("TravelDocumentInput")
export class TravelDocumentInput {
  @Field(() => String, { description: "Issuing country, ISO 3166-1 alpha-2 or alpha-3" }) country!: string;
  @Field(() => String) number!: string;
}

@InputType("VehicleInput")
export class VehicleInput {
  @Field(() => String) country!: string;
  @Field(() => String) plate!: string;
}

@InputType("CompanyInput")
export class CompanyInput {
  @Field(() => String) country!: string;
  @Field(() => String) registrationNumber!: string;
}

/** Identifiers a party uses, in any common notation; normalised on write. */
@InputType("IdentifiersInput")
export class IdentifiersInput {
  @Field(() => [String], { nullable: true, description: "Phone numbers; national format uses the configured default region" })
  phones?: string[] | null;
  @Field(() => [String], { nullable: true }) emails?: string[] | null;
  @Field(() => [String], { nullable: true }) ibans?: string[] | null;
  @Field(() => [TravelDocumentInput], { nullable: true }) travelDocuments?: TravelDocumentInput[] | null;
  @Field(() => [VehicleInput], { nullable: true }) vehicles?: VehicleInput[] | null;
  @Field(() => [CompanyInput], { nullable: true }) companies?: CompanyInput[] | null;
}

const MAX_PER_KIND = 50;

/** Runs a normaliser and turns its IdentifierError into BAD_USER_INPUT naming the field. */
export function normaliseOne(kind: IdentifierKind, field: string, normalise: () => readonly string[]): IdentifierRef {
  try {
    return { kind, value: identifierValue(kind, normalise()) };
  } catch (error) {
    if (error instanceof IdentifierError) throw badInput(`${field}: ${error.reason}`, { field, identifierKind: kind });
    throw error;
  }
}

export const normalisePostalItemRef = (itemId: string, field: string): IdentifierRef =>
  normaliseOne("POSTAL_ITEM", field, () => [normaliseS10(itemId)]);

export const normaliseContainerRef = (number: string, field: string): IdentifierRef =>
  normaliseOne("CONTAINER", field, () => [normaliseContainer(number)]);

export const normalisePhoneRef = (phone: string, field: string, defaultRegion: string): IdentifierRef =>
  normaliseOne("PHONE", field, () => [normalisePhone(phone, defaultRegion)]);

export const normaliseEmailRef = (email: string, field: string): IdentifierRef =>
  normaliseOne("EMAIL", field, () => [normaliseEmail(email)]);

export const normaliseIbanRef = (iban: string, field: string): IdentifierRef =>
  normaliseOne("IBAN", field, () => [normaliseIban(iban)]);

export const normaliseCompanyRef = (company: CompanyInput, field: string): IdentifierRef =>
  normaliseOne("COMPANY", field, () => {
    const c = normaliseCompany(company.country, company.registrationNumber);
    return [c.country, c.registrationNumber];
  });

/** Normalises every identifier of one party; `field` is the input path used in error messages. */
export function normaliseIdentifiers(input: IdentifiersInput | null | undefined, field: string, defaultRegion: string): IdentifierRef[] {
  if (!input) return [];
  const refs: IdentifierRef[] = [];
  listSize(input.phones, `${field}.phones`, MAX_PER_KIND).forEach((p, i) => refs.push(normalisePhoneRef(p, `${field}.phones[${i}]`, defaultRegion)));
  listSize(input.emails, `${field}.emails`, MAX_PER_KIND).forEach((e, i) => refs.push(normaliseEmailRef(e, `${field}.emails[${i}]`)));
  listSize(input.ibans, `${field}.ibans`, MAX_PER_KIND).forEach((b, i) => refs.push(normaliseIbanRef(b, `${field}.ibans[${i}]`)));
  listSize(input.travelDocuments, `${field}.travelDocuments`, MAX_PER_KIND).forEach((d, i) =>
    refs.push(
      normaliseOne("TRAVEL_DOCUMENT", `${field}.travelDocuments[${i}]`, () => {
        const doc = normaliseTravelDocument(d.country, d.number);
        return [doc.country, doc.number];
      }),
    ),
  );
  listSize(input.vehicles, `${field}.vehicles`, MAX_PER_KIND).forEach((v, i) =>
    refs.push(
      normaliseOne("VEHICLE", `${field}.vehicles[${i}]`, () => {
        const vehicle = normaliseVehicle(v.country, v.plate);
        return [vehicle.country, vehicle.plate];
      }),
    ),
  );
  listSize(input.companies, `${field}.companies`, MAX_PER_KIND).forEach((c, i) => refs.push(normaliseCompanyRef(c, `${field}.companies[${i}]`)));
  return uniqueRefs(refs);
}

/** Drops repeats (the same identifier written twice in different notations). */
export function uniqueRefs(refs: readonly IdentifierRef[]): IdentifierRef[] {
  const seen = new Set<string>();
  return refs.filter((ref) => {
    const key = `${ref.kind}|${ref.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** ISO 3166-1 alpha-2 from any accepted notation; BAD_USER_INPUT naming the field otherwise. */
export function countryCode(value: string, field: string): string {
  try {
    return normaliseCountry(value);
  } catch (error) {
    if (error instanceof IdentifierError) throw badInput(`${field}: ${error.reason}`, { field });
    throw error;
  }
}

export const optionalCountryCode = (value: string | null | undefined, field: string): string | null =>
  value ? countryCode(value, field) : null;
