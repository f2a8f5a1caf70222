import { makeContainerNumber, makeS10, normaliseIban, normalisePhone } from "../schema/identifiers/index.js";
import { composeIBAN } from "ibantools";
import type { Random } from "./random.js";

/*
 * Valid background identifiers. Phones and IBANs are re-checked with the hub's own normalisers
 * and regenerated when they fail, so no demo record is refused. The Ofcom drama range
 * +447700900xxx is never generated here: it is reserved for the planted networks.
 */

const MOBILE: Readonly<Record<string, (rng: Random) => string>> = {
  GB: (rng) => `+44 7${rng.int(4, 9)}${rng.digits(2)} ${rng.digits(6)}`,
  IE: (rng) => `+353 8${rng.int(3, 9)} ${rng.digits(3)} ${rng.digits(4)}`,
  NL: (rng) => `+31 6 ${rng.int(1, 5)}${rng.digits(7)}`,
  BE: (rng) => `+32 4${rng.int(6, 9)}${rng.digits(1)} ${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)}`,
  DE: (rng) => `+49 ${rng.pick(["151", "152", "157", "160", "170", "171", "172", "175", "176", "177", "178", "179"])} ${rng.digits(rng.chance(0.5) ? 7 : 8)}`,
  FR: (rng) => `+33 ${rng.int(6, 7)} ${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)}`,
  ES: (rng) => `+34 6${rng.digits(2)} ${rng.digits(3)} ${rng.digits(3)}`,
  PT: (rng) => `+351 9${rng.pick(["1", "2", "3", "6"])} ${rng.digits(3)} ${rng.digits(4)}`,
  IT: (rng) => `+39 3${rng.int(2, 9)}${rng.digits(1)} ${rng.digits(3)} ${rng.digits(4)}`,
  PL: (rng) => `+48 ${rng.pick(["50", "51", "53", "60", "66", "69", "72", "78", "79", "88"])}${rng.digits(1)} ${rng.digits(3)} ${rng.digits(3)}`,
  BG: (rng) => `+359 8${rng.int(7, 9)}${rng.digits(1)} ${rng.digits(3)} ${rng.digits(3)}`,
  RO: (rng) => `+40 7${rng.int(2, 8)}${rng.digits(1)} ${rng.digits(3)} ${rng.digits(3)}`,
  AL: (rng) => `+355 6${rng.int(7, 9)} ${rng.digits(3)} ${rng.digits(4)}`,
  LT: (rng) => `+370 6${rng.digits(2)} ${rng.digits(5)}`,
  CN: (rng) => `+86 1${rng.int(3, 9)}${rng.digits(1)} ${rng.digits(4)} ${rng.digits(4)}`,
  HK: (rng) => `+852 ${rng.pick(["5", "6", "9"])}${rng.digits(3)} ${rng.digits(4)}`,
  IN: (rng) => `+91 ${rng.int(7, 9)}${rng.digits(4)} ${rng.digits(5)}`,
  TR: (rng) => `+90 5${rng.int(0, 5)}${rng.digits(1)} ${rng.digits(3)} ${rng.digits(4)}`,
  CO: (rng) => `+57 3${rng.int(0, 2)}${rng.digits(1)} ${rng.digits(3)} ${rng.digits(4)}`,
  EC: (rng) => `+593 9${rng.int(6, 9)} ${rng.digits(3)} ${rng.digits(4)}`,
  BR: (rng) => `+55 11 9${rng.int(6, 9)}${rng.digits(3)} ${rng.digits(4)}`,
  NG: (rng) => `+234 80${rng.int(3, 9)} ${rng.digits(3)} ${rng.digits(4)}`,
  AE: (rng) => `+971 5${rng.pick(["0", "2", "5", "6", "8"])} ${rng.digits(3)} ${rng.digits(4)}`,
  KZ: (rng) => `+7 70${rng.int(1, 8)} ${rng.digits(3)} ${rng.digits(4)}`,
  TH: (rng) => `+66 8${rng.int(1, 9)} ${rng.digits(3)} ${rng.digits(4)}`,
  US: (rng) => `+1 ${rng.pick(["212", "305", "415", "646", "786"])} ${rng.int(2, 9)}${rng.digits(2)} ${rng.digits(4)}`,
};

const RESERVED_FOR_NETWORKS = /^\+447700900\d{3}$/;

/** A valid mobile number of the country in E.164 (a Dutch one where the catalogue has none). */
export function mobilePhone(rng: Random, country: string): string {
  const make = MOBILE[country] ?? (MOBILE.NL as (rng: Random) => string);
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      const e164 = normalisePhone(make(rng));
      if (!RESERVED_FOR_NETWORKS.test(e164)) return e164;
    } catch {
      // Not a valid number for its country: draw again.
    }
  }
  throw new Error(`demo: could not generate a valid ${country} phone number`);
}

/** Basic bank account number shapes (BBAN) per country; national check digits are left to the retry. */
const BBAN: Readonly<Record<string, (rng: Random) => string>> = {
  GB: (rng) => `${rng.pick(["NWBK", "BARC", "LOYD", "HBUK", "MIDL", "WEST"])}${rng.digits(14)}`,
  IE: (rng) => `${rng.pick(["AIBK", "BOFI"])}${rng.digits(14)}`,
  NL: (rng) => `${rng.pick(["ABNA", "INGB", "RABO", "SNSB", "TRIO"])}${rng.digits(10)}`,
  DE: (rng) => `${rng.pick(["10010010", "20050550", "37040044", "50010517", "70020270"])}${rng.digits(10)}`,
  BE: (rng) => rng.digits(12),
  FR: (rng) => `${rng.digits(10)}${rng.digits(11)}${rng.digits(2)}`,
  ES: (rng) => rng.digits(20),
  PT: (rng) => rng.digits(21),
  IT: (rng) => `${rng.chars(1)}${rng.digits(10)}${rng.digits(12)}`,
  PL: (rng) => rng.digits(24),
  LT: (rng) => `${rng.pick(["70440", "73000", "40100"])}${rng.digits(11)}`,
  LU: (rng) => `${rng.digits(3)}${rng.digits(13)}`,
  CY: (rng) => `${rng.digits(8)}${rng.digits(16)}`,
  AE: (rng) => `${rng.pick(["033", "026", "035"])}${rng.digits(16)}`,
  TR: (rng) => `${rng.digits(5)}0${rng.digits(16)}`,
};

export const IBAN_COUNTRIES: readonly string[] = Object.keys(BBAN);

/** A valid IBAN (mod-97 check digits, and national check digits where the country has them). */
export function iban(rng: Random, country: string): string {
  const bban = BBAN[country] ?? (BBAN.GB as (rng: Random) => string);
  const countryCode = BBAN[country] ? country : "GB";
  for (let attempt = 0; attempt < 2000; attempt += 1) {
    const composed = composeIBAN({ countryCode, bban: bban(rng) });
    if (composed === null) continue;
    try {
      return normaliseIban(composed);
    } catch {
      // A national checksum failed: draw again (1 in ~100 succeeds for BE, ES, FR, PL, PT).
    }
  }
  throw new Error(`demo: could not generate a valid ${country} IBAN`);
}

/** A passport number in the issuing country's usual shape. */
export function passportNumber(rng: Random, country: string): string {
  switch (country) {
    case "GB":
    case "US":
    case "IE":
      return rng.digits(9);
    case "DE":
      return `C${rng.chars(8, "0123456789CFGHJKLMNPRTVWXYZ")}`;
    case "NL":
      return `${rng.chars(2, "ABCDEFGHJKLNPRSTUVWXYZ")}${rng.chars(6, "ABCDEFGHJKLNPRSTUVWXYZ0123456789")}${rng.digits(1)}`;
    case "FR":
    case "IT":
    case "ES":
      return `${rng.digits(2)}${rng.chars(2)}${rng.digits(5)}`;
    default:
      return `${rng.chars(2)}${rng.digits(7)}`;
  }
}

/** A registration plate in the country's usual shape (trucks and cars). */
export function plate(rng: Random, country: string): string {
  const L = (n: number) => rng.chars(n, "BCDFGHJKLMNPRSTVWXZ");
  switch (country) {
    case "NL":
      return `${rng.digits(2)}-${L(3)}-${rng.digits(1)}`;
    case "DE":
      return `${rng.pick(["HH", "B", "K", "L", "F", "DU"])}-${L(2)} ${rng.int(100, 9999)}`;
    case "PL":
      return `${rng.pick(["WX", "KR", "GD", "PO", "LU"])} ${rng.digits(5)}`;
    case "LT":
      return `${L(3)} ${rng.digits(3)}`;
    case "BG":
      return `${rng.pick(["CA", "CB", "PB", "B"])} ${rng.digits(4)} ${L(2)}`;
    case "TR":
      return `${rng.pick(["34", "06", "35", "16"])} ${L(3)} ${rng.digits(3)}`;
    case "ES":
      return `${rng.digits(4)} ${L(3)}`;
    case "BE":
      return `1-${L(3)}-${rng.digits(3)}`;
    case "FR":
      return `${L(2)}-${rng.digits(3)}-${L(2)}`;
    case "RO":
      return `${rng.pick(["B", "CJ", "TM", "IS"])} ${rng.digits(2)} ${L(3)}`;
    default:
      return `${L(2)}${rng.digits(2)} ${L(3)}`;
  }
}

/** An e-mail address on a reserved example domain (RFC 2606), never a real mailbox. */
export function email(rng: Random, name: string): string {
  const local = name
    .normalize("NFD")
    .replace(/[^A-Za-z ]/g, "")
    .trim()
    .toLowerCase()
    .replace(/\s+/g, rng.pick([".", "_", ""]));
  const domain = rng.pick(["mailbox.example", "post.example", "inbox.example", "webmail.example"]);
  return `${local || "user"}${rng.chance(0.6) ? rng.int(1, 99) : ""}@${domain}`;
}

/** UPU service indicators: R* registered letters, L* tracked letters, C* parcels, E* EMS. */
export const S10_SERVICES: readonly string[] = ["RR", "RB", "LX", "LP", "CP", "CY", "EE", "EA", "UA", "LZ"];

/**
 * Background S10 serials: a bijection of the item index onto [0, 99 000 000), so no two items
 * share one; serials from 99 000 000 up are left to the planted networks.
 */
export function backgroundS10(rng: Random, index: number, offset: number, originCountry: string): string {
  const serial = (48_271 * index + offset) % 99_000_000;
  return makeS10(rng.pick(S10_SERVICES), serial, originCountry);
}

/** Real-looking container owner codes (category U: freight containers). */
export const CONTAINER_OWNERS: readonly string[] = ["MSC", "MSK", "CMA", "HLX", "ONE", "EGH", "TGH", "CAI", "TCL", "SEG"];

/** Background container numbers: like S10 serials, a bijection of the index, below 990 000. */
export function backgroundContainer(rng: Random, index: number, offset: number): string {
  return makeContainerNumber(rng.pick(CONTAINER_OWNERS), "U", (7_919 * index + offset) % 990_000);
}
