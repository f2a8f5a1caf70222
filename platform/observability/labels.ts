/*
 * Label values are the one place caller text could reach /metrics. Each label admits only values
 * of a fixed shape (no quotes, backslashes or newlines, so nothing can be injected into the text
 * format) and at most `max` distinct ones per process (an unbounded label is a memory leak and
 * a way to flood the scrape); everything else is counted under "other".
 */

export const OTHER = "other";

export class BoundedLabel {
  private readonly seen = new Set<string>();

  constructor(
    private readonly shape: RegExp,
    private readonly max: number,
  ) {}

  /** The label value for `value`: itself when well-formed and within the budget, else "other". */
  of(value: string): string {
    if (this.seen.has(value)) return value;
    if (!this.shape.test(value) || this.seen.size >= this.max) return OTHER;
    this.seen.add(value);
    return value;
  }
}

/** GraphQL operation names as the spec spells them, at most 64 characters. */
export const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** Policy rule ids (`two-person-rule`, `entry.link-analysis`). */
export const RULE_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
/** GraphQL error codes (`RATE_LIMITED`, `BAD_USER_INPUT`). */
export const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,47}$/;
