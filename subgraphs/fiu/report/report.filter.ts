import { Field, Float, InputType } from "type-graphql";
import type { LiaisonConfig } from "../../../platform/config.js";
import { check, RecordFilter, type FilterCondition } from "../../../platform/records/index.js";
import { INDICATOR } from "./report.rules.js";

@InputType("FiuReportFilter")
export class FiuReportFilter extends RecordFilter {
  @Field(() => String, { nullable: true, description: "A code from the configured report code list" }) reportCode?: string | null;
  @Field(() => String, { nullable: true, description: "Reports carrying this indicator code" }) indicator?: string | null;
  @Field(() => Float, { nullable: true, description: "Reports with at least one transaction of at least this amount (in its own currency)" })
  minAmount?: number | null;
}

/** The columns FIU filters read, and the report fields each reveals. */
export const FIU_REPORT_FILTER_COLUMNS = {
  report_code: ["reportCode"],
  indicators: ["indicators"],
  max_amount: ["transactions"],
} as const;

export function fiuReportConditions(filter: FiuReportFilter, config: LiaisonConfig): FilterCondition[] {
  const conditions: FilterCondition[] = [];
  if (filter.reportCode) conditions.push({ column: "report_code", op: "eq", value: check.code(filter.reportCode, "filter.reportCode", config.codes.fiuReport) });
  if (filter.indicator) {
    const indicator = check.pattern(filter.indicator.toUpperCase(), "filter.indicator", INDICATOR, "an indicator code (2-40 of A-Z, 0-9, _)");
    conditions.push({ column: "indicators", op: "has", value: indicator });
  }
  if (filter.minAmount !== null && filter.minAmount !== undefined) {
    conditions.push({ column: "max_amount", op: "gte", value: check.numberRange(filter.minAmount, "filter.minAmount", 0, 1e15) });
  }
  return conditions;
}
