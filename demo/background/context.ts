import type { LiaisonConfig } from "../../platform/config.js";
import { Agency } from "../../schema/enums.js";
import { addressIn, type Address } from "../catalogue/addresses.js";
import { companyIn } from "../catalogue/organisations.js";
import { birthDate, personName } from "../catalogue/names.js";
import { addDays, DEMO_FROM } from "../calendar.js";
import { backgroundS10, email, iban, IBAN_COUNTRIES, mobilePhone, passportNumber } from "../identifiers.js";
import { Random } from "../random.js";

/** Background records per scale unit (the brief's volumes; `scale` multiplies them). */
export const PER_UNIT = { seizures: 150, cases: 50, fiuReports: 40, postalItems: 250 } as const;

export interface BackgroundSettings {
  readonly seed: number;
  readonly scale: number;
  readonly config: LiaisonConfig;
}

export const countOf = (settings: BackgroundSettings, kind: keyof typeof PER_UNIT): number => PER_UNIT[kind] * settings.scale;

/*
 * Records of different agencies share identifiers through "connectors": pure functions of
 * (seed, index), so each generator can compute the same contact or parcel on its own and a
 * record depends only on its index (a larger scale appends records and changes none).
 */

/** Slots: record index i of a kind holds connector j when i = stride * j + offset. */
export interface Slot {
  readonly stride: number;
  readonly offset: number;
}

export function slotIndex(slot: Slot, i: number): number | null {
  return i % slot.stride === slot.offset ? (i - slot.offset) / slot.stride : null;
}

/**
 * A person known to two or three agencies (a seizure's consignee who is also a suspect in a
 * case and the subject of an FIU report, ...). Contacts per unit: 20, one every few records.
 */
export const CONTACT_SLOTS: Readonly<Record<"seizures" | "cases" | "fiuReports" | "postalItems", Slot>> = {
  seizures: { stride: 7, offset: 3 },
  cases: { stride: 2, offset: 1 },
  fiuReports: { stride: 2, offset: 0 },
  postalItems: { stride: 10, offset: 5 },
};

/** Which agencies know contact j: the pattern repeats every four contacts. */
const CONTACT_AGENCIES: ReadonlyArray<readonly Agency[]> = [
  [Agency.CUSTOMS, Agency.POLICE],
  [Agency.POLICE, Agency.FIU],
  [Agency.CUSTOMS, Agency.FIU, Agency.POSTAL],
  [Agency.POSTAL, Agency.POLICE, Agency.CUSTOMS],
];

export interface Contact {
  readonly name: string;
  readonly birthDate: string;
  readonly nationality: string;
  readonly phone: string;
  readonly email: string;
  readonly iban: string;
  readonly passport: { country: string; number: string };
  readonly address: Address;
  readonly agencies: readonly Agency[];
}

const CONTACT_NATIONALITIES: ReadonlyArray<readonly [string, number]> = [
  ["GB", 30], ["NL", 10], ["IE", 5], ["ES", 6], ["PL", 8], ["LT", 6], ["NG", 6], ["CO", 5], ["TR", 8], ["DE", 6], ["FR", 5], ["IT", 5],
];
const RESIDENCES = new Set(["GB", "NL", "IE", "ES", "PL", "LT", "DE", "FR", "IT"]);

export function contact(settings: BackgroundSettings, j: number): Contact {
  const rng = Random.derive(settings.seed, "contact", j);
  const nationality = rng.weighted(CONTACT_NATIONALITIES);
  // Most live in GB or the EU whatever their nationality; their bank and phone follow.
  const residence = RESIDENCES.has(nationality) && rng.chance(0.7) ? nationality : rng.pick(["GB", "GB", "NL", "ES", "IE"]);
  const name = personName(rng, nationality);
  return {
    name,
    birthDate: birthDate(rng),
    nationality,
    phone: mobilePhone(rng, residence),
    email: email(rng, name),
    iban: iban(rng, residence),
    passport: { country: nationality, number: passportNumber(rng, nationality) },
    address: addressIn(rng, residence),
    agencies: CONTACT_AGENCIES[j % CONTACT_AGENCIES.length] as readonly Agency[],
  };
}

/** The contact a record of this kind carries, if its index is a contact slot for its agency. */
export function contactFor(settings: BackgroundSettings, kind: keyof typeof CONTACT_SLOTS, agency: Agency, i: number): Contact | null {
  const j = slotIndex(CONTACT_SLOTS[kind], i);
  if (j === null) return null;
  const found = contact(settings, j);
  return found.agencies.includes(agency) ? found : null;
}

/**
 * A parcel customs seized in the post: registered by the postal operator (postal item index
 * 10j + 2) and seized at the destination's mail centre (every other background postal seizure).
 */
export const PARCEL_SLOT: Slot = { stride: 10, offset: 2 };

export interface Parcel {
  readonly index: number;
  readonly itemId: string;
  readonly origin: string;
  readonly destination: string;
  readonly postedOn: string;
  /** When customs held it at the destination's mail centre. */
  readonly seizedOn: string;
  readonly sender: { name: string; business: string | null; address: Address; phone: string | null; email: string | null };
  readonly addressee: { name: string; address: Address; phone: string; email: string | null };
}

const PARCEL_ORIGINS: ReadonlyArray<readonly [string, number]> = [["CN", 40], ["IN", 15], ["HK", 10], ["NL", 10], ["US", 6], ["CO", 4], ["TR", 5], ["TH", 4], ["ES", 3], ["DE", 3]];
export const POSTAL_DESTINATIONS: ReadonlyArray<readonly [string, number]> = [["GB", 30], ["NL", 10], ["DE", 14], ["FR", 10], ["ES", 8], ["IT", 8], ["PL", 7], ["BE", 6], ["IE", 7]];

/** A stable offset per seed for the S10 bijection, so each seed gets its own item ids. */
export const s10Offset = (seed: number): number => Random.derive(seed, "s10-offset").int(0, 98_999_999);

export function parcel(settings: BackgroundSettings, j: number): Parcel {
  const rng = Random.derive(settings.seed, "parcel", j);
  const index = PARCEL_SLOT.stride * j + PARCEL_SLOT.offset;
  // Seizure follows posting by up to ten days; both stay inside the demo window.
  const postedOn = rng.date(DEMO_FROM, "2025-12-15");
  const origin = rng.weighted(PARCEL_ORIGINS);
  let destination = rng.weighted(POSTAL_DESTINATIONS);
  if (destination === origin) destination = "GB";
  const business = rng.chance(0.6) ? companyIn(rng, origin).name : null;
  const senderName = personName(rng, origin);
  const addresseeName = personName(rng, destination);
  return {
    index,
    itemId: backgroundS10(rng, index, s10Offset(settings.seed), origin),
    origin,
    destination,
    postedOn,
    seizedOn: addDays(postedOn, rng.int(3, 10)),
    sender: {
      name: senderName,
      business,
      address: addressIn(rng, origin),
      phone: rng.chance(0.7) ? mobilePhone(rng, origin) : null,
      email: rng.chance(0.5) ? email(rng, business ?? senderName) : null,
    },
    addressee: { name: addresseeName, address: addressIn(rng, destination), phone: mobilePhone(rng, destination), email: rng.chance(0.4) ? email(rng, addresseeName) : null },
  };
}

export interface Company {
  readonly name: string;
  readonly country: string;
  readonly registrationNumber: string;
  readonly iban: string | null;
  readonly phone: string;
}

const COMPANY_MIX: ReadonlyArray<readonly [string, number]> = [
  ["CN", 16], ["HK", 6], ["GB", 14], ["NL", 10], ["BE", 6], ["DE", 10], ["ES", 6], ["PL", 6], ["TR", 8], ["AE", 8], ["EC", 4], ["CO", 3], ["IN", 6],
];
const COMPANIES_PER_UNIT = 12;

/** Company c of the pool: traders that recur across seizures and FIU reports of one scale unit. */
export function company(settings: BackgroundSettings, c: number): Company {
  const rng = Random.derive(settings.seed, "company", c);
  const made = companyIn(rng, rng.weighted(COMPANY_MIX));
  // Countries without IBANs (CN, HK, IN, CO, EC): half bank offshore, the other half show no IBAN.
  const account = IBAN_COUNTRIES.includes(made.country) ? iban(rng, made.country) : rng.chance(0.5) ? iban(rng, rng.pick(["LT", "CY", "AE"])) : null;
  return { ...made, iban: account, phone: mobilePhone(rng, made.country) };
}

/** A company from the pool block of the record's scale unit (so records in one unit share traders). */
export function companyForRecord(settings: BackgroundSettings, rng: Random, kind: keyof typeof PER_UNIT, i: number): Company {
  const unit = Math.floor(i / PER_UNIT[kind]);
  return company(settings, unit * COMPANIES_PER_UNIT + rng.int(0, COMPANIES_PER_UNIT - 1));
}
