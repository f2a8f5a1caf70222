/*
 * What counts as a usable secret in production: long enough, and not one of the values that
 * sample files, tutorials and first attempts leave behind.
 */

/** Fragments that mark a value someone meant to replace. */
const PLACEHOLDER_FRAGMENTS = [
  "change-me", "changeme", "change_me", "replace", "placeholder", "example", "sample", "secret", "password",
  "passwd", "default", "dummy", "test", "demo", "liaison", "postgres", "admin", "letmein", "12345", "qwerty",
];

/** Null when the value may serve as a secret of at least `minLength` characters; else why not (never the value). */
export function secretProblem(value: string, minLength: number): string | null {
  if (value.length < minLength) return `is shorter than ${minLength} characters`;
  const lower = value.toLowerCase();
  const fragment = PLACEHOLDER_FRAGMENTS.find((f) => lower.includes(f));
  if (fragment) return `looks like a placeholder (contains "${fragment}")`;
  if (new Set(value).size < 8) return "repeats too few distinct characters";
  return null;
}
