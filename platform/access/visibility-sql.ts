import type { RecordCondition, Visibility } from "../../policies/index.js";
import type { Subject } from "../auth/index.js";

/**
 * The visibility predicate as SQL over a record table's envelope columns, so lists and counts
 * only ever see records the caller may know exist. Values are bound parameters.
 */
export function visibilitySql(alias: string, visibility: Visibility, subject: Subject, tag = "id"): { sql: string; params: Record<string, unknown> } {
  // Parameter names are unique per predicate (`tag`), so several can be ANDed into one query.
  const p = `v_${tag.replace(/[^A-Za-z0-9]/g, "")}_`;
  const params: Record<string, unknown> = { [`${p}agency`]: subject.agency, [`${p}ops`]: [...subject.operations] };
  let n = 0;
  /** Binds a value and returns its parameter name. */
  const bind = (value: unknown): string => {
    n += 1;
    params[`${p}${n}`] = value;
    return `${p}${n}`;
  };
  const condition = (c: RecordCondition): string => {
    const parts: string[] = [];
    if (c.ownAgency !== undefined) parts.push(`${alias}.origin_agency ${c.ownAgency ? "=" : "<>"} :${p}agency`);
    if (c.originAgency) parts.push(`${alias}.origin_agency IN (:...${bind(c.originAgency)})`);
    if (c.handling) parts.push(`${alias}.handling IN (:...${bind(c.handling)})`);
    if (c.inSubjectOperation !== undefined) {
      const inOp = `(${alias}.operation_id IS NOT NULL AND ${alias}.operation_id = ANY(:${p}ops))`;
      parts.push(c.inSubjectOperation ? inOp : `NOT ${inOp}`);
    }
    if (c.sourceGrade) parts.push(`${alias}.source_grade IN (:...${bind(c.sourceGrade)})`);
    if (c.maxInfoGrade !== undefined) parts.push(`${alias}.info_grade <= :${bind(c.maxInfoGrade)}`);
    return parts.length === 0 ? "TRUE" : `(${parts.join(" AND ")})`;
  };
  const allow = visibility.allow.length === 0 ? "FALSE" : `(${visibility.allow.map(condition).join(" OR ")})`;
  const deny = visibility.deny.length === 0 ? "" : ` AND NOT (${visibility.deny.map(condition).join(" OR ")})`;
  return { sql: `${allow}${deny}`, params };
}
