import type { PolicySet } from "../model.js";
import type { PolicyCase } from "./cases.js";

export interface Coverage {
  /** Rules of the set that no case says it covers. */
  readonly uncovered: readonly string[];
  /** Rule ids named in `covers` that the set does not have. */
  readonly unknown: readonly string[];
}

/** Which rules the cases cover, and which covered ids the set lacks. */
export function coverageOf(set: PolicySet, cases: readonly PolicyCase[]): Coverage {
  const ids = new Set(set.rules.map((r) => r.id));
  const covered = new Set(cases.flatMap((c) => c.covers));
  return { uncovered: [...ids].filter((id) => !covered.has(id)), unknown: [...covered].filter((id) => !ids.has(id)) };
}
