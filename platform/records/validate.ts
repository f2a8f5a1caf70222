import { badInput } from "../../schema/errors.js";

/*
 * Small input checks that name the offending field. GraphQL already enforces types and enums;
 * these add the limits the schema cannot express. Each throws BAD_USER_INPUT.
 */

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A lone UTF-16 surrogate: PostgreSQL would store U+FFFD instead, so the stored text would differ. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function text(value: string, field: string, max = 200, min = 1): string {
  const trimmed = value.trim();
  if (LONE_SURROGATE.test(trimmed)) throw badInput(`${field} contains an invalid character (lone surrogate)`, { field });
  if (trimmed.length < min) throw badInput(`${field} must not be empty`, { field });
  if (trimmed.length > max) throw badInput(`${field} must be at most ${max} characters`, { field });
  if (CONTROL.test(trimmed)) throw badInput(`${field} contains control characters`, { field });
  return trimmed;
}

export function optionalText(value: string | null | undefined, field: string, max = 200): string | null {
  if (value === null || value === undefined || value.trim() === "") return null;
  return text(value, field, max);
}

export function pattern(value: string, field: string, re: RegExp, expected: string): string {
  const trimmed = value.trim();
  if (!re.test(trimmed)) throw badInput(`${field} must be ${expected}`, { field });
  return trimmed;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date "YYYY-MM-DD" that exists (no 2025-02-30), from the year 1000 (PostgreSQL has no year 0). */
export function isoDate(value: string, field: string): string {
  const trimmed = value.trim();
  const parsed = new Date(`${trimmed}T00:00:00Z`);
  if (!ISO_DATE.test(trimmed) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== trimmed || trimmed < "1000") {
    throw badInput(`${field} must be a date as YYYY-MM-DD`, { field });
  }
  return trimmed;
}

export function optionalIsoDate(value: string | null | undefined, field: string): string | null {
  return value === null || value === undefined || value === "" ? null : isoDate(value, field);
}

export function intRange(value: number, field: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(`${field} must be an integer from ${min} to ${max}`, { field });
  }
  return value;
}

export function numberRange(value: number, field: string, min: number, max: number): number {
  if (!Number.isFinite(value) || value < min || value > max) throw badInput(`${field} must be from ${min} to ${max}`, { field });
  return value;
}

export function listSize<T>(values: readonly T[] | null | undefined, field: string, max: number, min = 0): readonly T[] {
  const list = values ?? [];
  if (list.length < min) throw badInput(`${field} needs at least ${min} item(s)`, { field });
  if (list.length > max) throw badInput(`${field} may hold at most ${max} items`, { field });
  return list;
}

/** A value from a configurable code list (report codes, commodity codes, offence codes). */
export function code(value: string, field: string, allowed: readonly string[]): string {
  const upper = value.trim().toUpperCase();
  if (!allowed.includes(upper)) throw badInput(`${field} must be one of: ${allowed.join(", ")}`, { field });
  return upper;
}

export function validDate(value: Date, field: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw badInput(`${field} must be a date-time`, { field });
  return value;
}

const CURRENCY = /^[A-Z]{3}$/;

/** An ISO 4217 currency code, upper-cased. */
export function currencyCode(value: string, field: string): string {
  return pattern(value.toUpperCase(), field, CURRENCY, "a 3-letter ISO 4217 currency code such as EUR");
}

const EARLIEST = Date.UTC(1990, 0, 1);
/** Clocks of reporting systems drift; a day of slack keeps honest records in. */
const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

/** A real date-time of something that happened: not before 1990, not in the future. */
export function pastDateTime(value: Date, field: string): Date {
  const time = validDate(value, field).getTime();
  if (time < EARLIEST || time > Date.now() + CLOCK_SKEW_MS) throw badInput(`${field} must be between 1990-01-01 and now`, { field });
  return new Date(time);
}
