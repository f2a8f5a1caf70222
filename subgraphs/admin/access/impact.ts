import { AGENCIES } from "../../../schema/enums.js";
import type { Subject } from "../../../schema/subject.js";
import type { EvaluatedSet, Outcome } from "./evaluate.js";
import type { SupergraphKinds } from "./supergraph-kinds.js";

/*
 * Who gains or loses what with a change: every governed coordinate of a record, entity or root
 * type (and each record type's id, which decides whether its records are seen at all), for every
 * profile of a bounded grid, decided without a record under both sets.
 */

export const IMPACT_ROLES = ["officer", "analyst", "admin", "auditor"] as const;
export const IMPACT_CLEARANCES = [1, 2, 3] as const;
const MAX_ENTRIES = 2000;

export interface ImpactEntry {
  readonly agency: string;
  readonly role: string;
  readonly clearance: number;
  readonly purpose: string;
  readonly coordinate: string;
  readonly before: Outcome;
  readonly after: Outcome;
}

export interface Impact {
  readonly profiles: number;
  readonly total: number;
  readonly gained: number;
  readonly lost: number;
  readonly truncated: boolean;
  readonly entries: readonly ImpactEntry[];
}

/** The coordinates the grid covers, with how enforcement governs them. */
function coordinates(kinds: SupergraphKinds): Array<{ type: string; field: string }> {
  const roots = new Set([kinds.schema.getQueryType()?.name, kinds.schema.getMutationType()?.name]);
  const out: Array<{ type: string; field: string }> = [];
  for (const type of kinds.objectTypes()) {
    if (!roots.has(type.name) && !kinds.isRecord(type.name) && !kinds.isEntity(type.name)) continue;
    for (const field of Object.keys(type.getFields()).sort()) {
      const role = kinds.roleOf(type, field);
      if (role === "governed" || (role === "open" && field === "id" && kinds.isRecord(type.name))) out.push({ type: type.name, field });
    }
  }
  return out;
}

export function policyImpact(before: EvaluatedSet, after: EvaluatedSet, kinds: SupergraphKinds, purposes: readonly string[]): Impact {
  const targets = coordinates(kinds);
  const entries: ImpactEntry[] = [];
  let profiles = 0;
  let gained = 0;
  let lost = 0;
  for (const agency of [...AGENCIES].sort()) {
    for (const role of [...IMPACT_ROLES].sort()) {
      for (const clearance of IMPACT_CLEARANCES) {
        for (const purpose of [...purposes].sort()) {
          profiles += 1;
          const subject: Subject = { sub: "(impact)", issuer: "(impact)", agency, roles: [role], clearance, operations: [] };
          const was = before.forCaller(subject, purpose);
          const is = after.forCaller(subject, purpose);
          for (const { type, field } of targets) {
            const b = before.withoutRecord(was, type, field, "governed").outcome;
            const a = after.withoutRecord(is, type, field, "governed").outcome;
            if (a === b) continue;
            if (b === "DENIED") gained += 1;
            if (a === "DENIED") lost += 1;
            entries.push({ agency, role, clearance, purpose, coordinate: `${type}.${field}`, before: b, after: a });
          }
        }
      }
    }
  }
  // Built in sorted order already (agency, role, clearance, purpose); coordinates within a profile sort here.
  const key = (e: ImpactEntry) => [e.agency, e.role, String(e.clearance), e.purpose, e.coordinate];
  entries.sort((x, y) => {
    const [kx, ky] = [key(x), key(y)];
    for (let i = 0; i < kx.length; i++) if (kx[i] !== ky[i]) return (kx[i] as string) < (ky[i] as string) ? -1 : 1;
    return 0;
  });
  return { profiles, total: entries.length, gained, lost, truncated: entries.length > MAX_ENTRIES, entries: entries.slice(0, MAX_ENTRIES) };
}
