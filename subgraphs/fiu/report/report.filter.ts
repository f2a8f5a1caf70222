import { Field, Float, InputType } from "type-graphql";
import type { SelectQueryBuilder } from "typeorm";
import { applyRecordFilter, check, RecordFilter } from "../../../platform/records/index.js";
import type { FiuReportEntity } from "./report.entity.js";
import { INDICATOR } from "./report.service.js";

@InputType("FiuReportFilter")
export class FiuReportFilter extends RecordFilter {
  @Field(() => String, { nullable: true, description: "A code from the configured report code list" }) reportCode?: string | null;
  @Field(() => String, { nullable: true, description: "Reports carrying this indicator code" }) indicator?: string | null;
  @Field(() => Float, { nullable: true, description: "Reports with at least one transaction of at least this amount (in its own currency)" })
  minAmount?: number | null;
}

export function applyFiuReportFilter(
  query: SelectQueryBuilder<FiuReportEntity>,
  filter: FiuReportFilter | null | undefined,
  reportCodes: readonly string[],
) {
  applyRecordFilter(query, filter);
  if (!filter) return query;
  if (filter.reportCode) query.andWhere("r.report_code = :reportCode", { reportCode: check.code(filter.reportCode, "filter.reportCode", reportCodes) });
  if (filter.indicator) {
    const indicator = check.pattern(filter.indicator.toUpperCase(), "filter.indicator", INDICATOR, "an indicator code (2-40 of A-Z, 0-9, _)");
    // Containment (not ANY) so the GIN index on indicators serves it.
    query.andWhere("r.indicators @> ARRAY[:indicator]::text[]", { indicator });
  }
  if (filter.minAmount !== null && filter.minAmount !== undefined) {
    query.andWhere("r.max_amount >= :minAmount", { minAmount: check.numberRange(filter.minAmount, "filter.minAmount", 0, 1e15) });
  }
  return query;
}
