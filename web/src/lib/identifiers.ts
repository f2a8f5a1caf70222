/** The identifier kinds of linkGraph's IdentifierInput (the hub's shared entities). */
export const IDENTIFIER_KINDS = ["PHONE", "EMAIL", "IBAN", "TRAVEL_DOCUMENT", "VEHICLE", "COMPANY", "POSTAL_ITEM", "CONTAINER"] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export interface IdentifierInput {
  readonly kind: IdentifierKind;
  /** Normalised as the hub keys it; composite keys as "COUNTRY:NUMBER". */
  readonly value: string;
}

export type ParsedIdentifier = IdentifierInput | { readonly problem: string };

export const KIND_LABELS: Readonly<Record<IdentifierKind, string>> = {
  PHONE: "Phone",
  EMAIL: "Email",
  IBAN: "IBAN",
  TRAVEL_DOCUMENT: "Passport / travel document",
  VEHICLE: "Vehicle plate",
  COMPANY: "Company registration",
  POSTAL_ITEM: "Postal item (UPU S10)",
  CONTAINER: "Container (ISO 6346)",
};

/** Prefixes an analyst may type before a value ("plate: GB AB12 CDE"). */
const PREFIXES: Readonly<Record<string, IdentifierKind>> = {
  phone: "PHONE", tel: "PHONE", email: "EMAIL", mail: "EMAIL", iban: "IBAN", account: "IBAN",
  passport: "TRAVEL_DOCUMENT", doc: "TRAVEL_DOCUMENT", document: "TRAVEL_DOCUMENT", travel: "TRAVEL_DOCUMENT",
  plate: "VEHICLE", vehicle: "VEHICLE", company: "COMPANY", reg: "COMPANY",
  postal: "POSTAL_ITEM", parcel: "POSTAL_ITEM", item: "POSTAL_ITEM", s10: "POSTAL_ITEM", container: "CONTAINER",
};

const COMPOSITE: ReadonlySet<IdentifierKind> = new Set(["TRAVEL_DOCUMENT", "VEHICLE", "COMPANY"]);

/** Upper case, no spaces, dots, dashes or slashes. */
function compact(value: string): string {
  return value.toUpperCase().replace(/[\s.\-/]+/g, "");
}

/** ISO 13616 mod-97 check of an IBAN already compacted. */
export function ibanValid(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const digits = /[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** UPU S10: two letters, eight digits, a check digit, two letters (ISO country). */
export function s10Valid(item: string): boolean {
  const match = /^[A-Z]{2}(\d{8})(\d)[A-Z]{2}$/.exec(item);
  if (!match) return false;
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  const sum = [...(match[1] as string)].reduce((total, digit, i) => total + Number(digit) * (weights[i] as number), 0);
  let check = 11 - (sum % 11);
  if (check === 10) check = 0;
  if (check === 11) check = 5;
  return check === Number(match[2]);
}

/** ISO 6346: owner code, category (U, J, Z), six digits, a check digit. */
export function containerValid(number: string): boolean {
  if (!/^[A-Z]{3}[UJZ]\d{7}$/.test(number)) return false;
  const value = (char: string): number => {
    if (/\d/.test(char)) return Number(char);
    // Letters count from 10, skipping multiples of 11.
    let n = 10;
    for (let c = 65; c < char.charCodeAt(0); c += 1) {
      n += 1;
      if (n % 11 === 0) n += 1;
    }
    return n;
  };
  const sum = [...number.slice(0, 10)].reduce((total, char, i) => total + value(char) * 2 ** i, 0);
  return (sum % 11) % 10 === Number(number[10]);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function parsePhone(raw: string): ParsedIdentifier {
  let value = raw.trim().replace(/[\s().\-/]+/g, "");
  if (value.startsWith("00")) value = `+${value.slice(2)}`;
  if (!/^\+?\d{6,15}$/.test(value)) return { problem: "a phone number has 6-15 digits, optionally after + or 00" };
  return { kind: "PHONE", value };
}

function parseComposite(kind: IdentifierKind, raw: string): ParsedIdentifier {
  const match = /^\s*([A-Za-z]{2})\s*[:\s/-]\s*(\S.*)$/.exec(raw);
  if (!match) return { problem: `write the country first, e.g. "GB ${kind === "VEHICLE" ? "AB12 CDE" : "123456789"}"` };
  const number = compact(match[2] as string);
  if (!/^[A-Z0-9]{1,40}$/.test(number)) return { problem: "letters and digits only after the country" };
  return { kind, value: `${(match[1] as string).toUpperCase()}:${number}` };
}

/** Parses a value of a known kind, in any common notation. */
export function parseAs(kind: IdentifierKind, raw: string): ParsedIdentifier {
  const text = raw.trim();
  if (text === "") return { problem: "type an identifier" };
  if (COMPOSITE.has(kind)) return parseComposite(kind, text);
  switch (kind) {
    case "PHONE":
      return parsePhone(text);
    case "EMAIL":
      return EMAIL.test(text) ? { kind, value: text.toLowerCase() } : { problem: "not an email address" };
    case "IBAN": {
      const iban = compact(text);
      return ibanValid(iban) ? { kind, value: iban } : { problem: "not a valid IBAN (checksum)" };
    }
    case "POSTAL_ITEM": {
      const item = compact(text);
      return s10Valid(item) ? { kind, value: item } : { problem: "not a valid UPU S10 item id (check digit)" };
    }
    case "CONTAINER": {
      const number = compact(text);
      return containerValid(number) ? { kind, value: number } : { problem: "not a valid ISO 6346 container number (check digit)" };
    }
    default:
      return { problem: "unknown kind" };
  }
}

/**
 * Detects the kind of an identifier from its notation: a "kind:" prefix wins; otherwise email,
 * postal item, container and IBAN are recognised by their check digits, then phone numbers.
 * Plates, passports and companies look alike: they need a prefix or the kind selector.
 */
export function detectIdentifier(raw: string): ParsedIdentifier {
  const text = raw.trim();
  if (text === "") return { problem: "type an identifier" };
  const prefixed = /^([a-z0-9]+)\s*:\s*(.+)$/i.exec(text);
  const prefixKind = prefixed ? PREFIXES[(prefixed[1] as string).toLowerCase()] : undefined;
  if (prefixKind) return parseAs(prefixKind, prefixed?.[2] as string);
  if (text.includes("@")) return parseAs("EMAIL", text);
  const letters = compact(text);
  if (s10Valid(letters)) return { kind: "POSTAL_ITEM", value: letters };
  if (containerValid(letters)) return { kind: "CONTAINER", value: letters };
  if (ibanValid(letters)) return { kind: "IBAN", value: letters };
  if (/^[+0(]/.test(text) && /^[+\d\s().\-/]+$/.test(text)) return parsePhone(text);
  if (/^[A-Z]{2}\d{9}[A-Z]{2}$/.test(letters)) return { problem: "looks like a UPU S10 item, but the check digit is wrong" };
  if (/^[A-Z]{4}\d{7}$/.test(letters)) return { problem: "looks like a container number, but the check digit is wrong" };
  if (/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(letters)) return { problem: "looks like an IBAN, but the checksum is wrong" };
  return { problem: 'kind not recognised: choose one, or prefix it ("plate: GB AB12 CDE", "passport: GB 123456789", "company: GB 01234567")' };
}

/** The same identifier in display form ("GB AB12CDE"). */
export function displayIdentifier(id: IdentifierInput): string {
  return COMPOSITE.has(id.kind) ? id.value.replace(":", " ") : id.value;
}

/** The identifier an identifier node stands for (its kind, then its label or id in any notation); null for records. */
export function nodeIdentifier(node: {
  readonly id: string;
  readonly kind: string;
  readonly label: string;
  readonly identifier?: { readonly kind: string; readonly value: string } | null;
}): IdentifierInput | null {
  const given = node.identifier;
  if (given && (IDENTIFIER_KINDS as readonly string[]).includes(given.kind)) return { kind: given.kind as IdentifierKind, value: given.value };
  const kind = node.kind.toUpperCase().replace(/[\s-]/g, "_") as IdentifierKind;
  if (!(IDENTIFIER_KINDS as readonly string[]).includes(kind)) return null;
  for (const candidate of [node.label, node.id.startsWith(`${kind}:`) ? node.id.slice(kind.length + 1) : node.id]) {
    const parsed = parseAs(kind, candidate);
    if ("kind" in parsed) return parsed;
  }
  return null;
}
