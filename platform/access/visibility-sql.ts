import { DEFAULT_DENY, type RecordCondition, type Visibility } from "../../policies/index.js";
import type { Subject } from "../auth/index.js";

/** A visibility predicate as SQL; `never` names the rule when no record can pass it. */
export interface VisibilityPredicate {
  readonly sql: string;
  readonly params: Record<string, unknown>;
  /** The deciding rule when the predicate is false for every record of the table, else null. */
  readonly never: string | null;
  /** True when every record passes (the predicate is `TRUE`). */
  readonly always: boolean;
}

/**
 * The visibility predicate as SQL over a record table's envelope columns, so lists, counts and
 * sort keys only ever use records (or fields) the caller may see. Values are bound parameters.
 * `origin` is the agency whose records the table holds: conditions on the origin are then
 * decided here, once, instead of per row (and a predicate that no row can pass is reported).
 */
export function visibilitySql(alias: string, visibility: Visibility, subject: Subject, tag = "id", origin?: string): VisibilityPredicate {
  // Parameter names are unique per predicate (`tag`), so several can be ANDed into one query.
  const p = `v_${tag.replace(/[^A-Za-z0-9]/g, "")}_`;
  const params: Record<string, unknown> = {};
  let n = 0;
  /** Binds a value and returns its parameter name. */
  const bind = (value: unknown): string => {
    n += 1;
    params[`${p}${n}`] = value;
    return `${p}${n}`;
  };
  /** The condition as SQL parts; null when it can never hold for this table. */
  const condition = (c: RecordCondition): string[] | null => {
    const parts: string[] = [];
    if (c.ownAgency !== undefined) {
      if (origin !== undefined) {
        if ((origin === subject.agency) !== c.ownAgency) return null;
      } else parts.push(`${alias}.origin_agency ${c.ownAgency ? "=" : "<>"} :${bind(subject.agency)}`);
    }
    if (c.originAgency) {
      if (origin !== undefined) {
        if (!c.originAgency.includes(origin)) return null;
      } else parts.push(`${alias}.origin_agency IN (:...${bind(c.originAgency)})`);
    }
    if (c.handling) parts.push(`${alias}.handling IN (:...${bind(c.handling)})`);
    if (c.inSubjectOperation !== undefined) {
      if (subject.operations.length === 0) {
        if (c.inSubjectOperation) return null;
      } else {
        const inOp = `(${alias}.operation_id IS NOT NULL AND ${alias}.operation_id = ANY(:${bind([...subject.operations])}))`;
        parts.push(c.inSubjectOperation ? inOp : `NOT ${inOp}`);
      }
    }
    if (c.sourceGrade) parts.push(`${alias}.source_grade IN (:...${bind(c.sourceGrade)})`);
    if (c.maxInfoGrade !== undefined) parts.push(`${alias}.info_grade <= :${bind(c.maxInfoGrade)}`);
    // Grants name records by id; compared as text so an id of another shape simply matches nothing.
    if (c.ids) parts.push(`${alias}.id::text IN (:...${bind(c.ids)})`);
    return parts;
  };
  const sqlOf = (parts: string[]) => (parts.length === 0 ? "TRUE" : `(${parts.join(" AND ")})`);

  const denies = visibility.deny.map(condition);
  const certainDeny = denies.findIndex((parts) => parts !== null && parts.length === 0);
  if (certainDeny >= 0) return { sql: "FALSE", params, never: visibility.denyRules[certainDeny] ?? DEFAULT_DENY, always: false };
  const allows = visibility.allow.map(condition).filter((parts): parts is string[] => parts !== null);
  if (allows.length === 0) return { sql: "FALSE", params, never: DEFAULT_DENY, always: false };
  const residualDenies = denies.filter((parts): parts is string[] => parts !== null);
  const allowSql = allows.some((parts) => parts.length === 0) ? "TRUE" : `(${allows.map(sqlOf).join(" OR ")})`;
  if (residualDenies.length === 0) return { sql: allowSql, params, never: null, always: allowSql === "TRUE" };
  return { sql: `${allowSql} AND NOT (${residualDenies.map(sqlOf).join(" OR ")})`, params, never: null, always: false };
}
