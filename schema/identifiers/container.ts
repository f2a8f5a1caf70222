import { IdentifierError } from "./errors.js";
import { checkIdentifierText } from "./text.js";

// ISO 6346: owner code (3 letters), category (U freight, J detachable equipment, Z trailer/chassis),
// 6-digit serial, check digit.
const CONTAINER = /^[A-Z]{3}[UJZ]\d{6}\d$/;
const FIRST10 = /^[A-Z]{4}\d{6}$/;

function fail(input: string, reason: string): never {
  throw new IdentifierError("CONTAINER", input, reason);
}

// Letters count from A=10 upwards, skipping multiples of 11 (11, 22, 33) so no letter aliases a check value.
const LETTER_VALUES: ReadonlyMap<string, number> = (() => {
  const values = new Map<string, number>();
  let value = 10;
  for (const letter of "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
    if (value % 11 === 0) value += 1;
    values.set(letter, value);
    value += 1;
  }
  return values;
})();

/** Check digit over owner code, category and serial: sum of value * 2^position, mod 11, mod 10. */
export function iso6346CheckDigit(first10: string): number {
  if (!FIRST10.test(first10)) fail(first10, "ISO 6346 check digit needs 4 letters followed by 6 digits");
  let sum = 0;
  for (let i = 0; i < 10; i += 1) {
    const char = first10.charAt(i);
    const value = i < 4 ? (LETTER_VALUES.get(char) ?? 0) : Number(char);
    sum += value * 2 ** i;
  }
  return (sum % 11) % 10;
}

/** Upper-case, spaces and hyphens removed, e.g. "csqu 305438-3" -> "CSQU3054383". */
export function normaliseContainer(number: string): string {
  checkIdentifierText("CONTAINER", "container number", number);
  const id = number.replace(/[\s-]+/g, "").toUpperCase();
  if (!CONTAINER.test(id)) {
    fail(number, "container number must be a 3-letter owner code, category U, J or Z, 6 digits and a check digit");
  }
  const expected = iso6346CheckDigit(id.slice(0, 10));
  const given = id.charAt(10);
  if (expected !== Number(given)) {
    fail(number, `ISO 6346 check digit should be ${expected}, got ${given}`);
  }
  return id;
}

/** Builds a valid container number (demo data); re-validated so a bad owner code cannot slip out. */
export function makeContainerNumber(owner: string, category: "U" | "J" | "Z", serial: number): string {
  if (!Number.isInteger(serial) || serial < 0 || serial > 999_999) {
    fail(String(serial), "container serial must be an integer from 0 to 999999");
  }
  const first10 = `${owner.toUpperCase()}${category}${String(serial).padStart(6, "0")}`;
  if (!/^[A-Z]{3}[UJZ]\d{6}$/.test(first10)) fail(owner, "container owner code must be 3 letters A-Z");
  return normaliseContainer(`${first10}${iso6346CheckDigit(first10)}`);
}
