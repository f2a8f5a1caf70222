/** Demo records are dated inside this window, so their content never depends on today's date. */
export const DEMO_FROM = "2024-01-01";
export const DEMO_TO = "2025-12-31";

/** YYYY-MM-DD plus `days` (negative goes back). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from one YYYY-MM-DD date to another. */
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** A date-time `hours` after another (tracking events, case events). */
export const addHours = (at: Date, hours: number): Date => new Date(at.getTime() + hours * 3_600_000);
