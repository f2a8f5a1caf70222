import { Field, InputType } from "type-graphql";
import type { LiaisonConfig } from "../../../platform/config.js";
import { check, RecordFilter, type FilterCondition } from "../../../platform/records/index.js";
import { CasePartyRole, CaseStatus } from "./case.enums.js";

@InputType("CaseFilter")
export class CaseFilter extends RecordFilter {
  @Field(() => CaseStatus, { nullable: true }) status?: CaseStatus | null;
  @Field(() => String, { nullable: true, description: "A code from the configured offence list" }) offence?: string | null;
  @Field(() => CasePartyRole, { nullable: true, description: "Cases with at least one party in this role (INFORMANT needs Case.informants)" }) partyRole?: CasePartyRole | null;
}

/** The columns police filters read, and the case fields each reveals. */
export const CASE_FILTER_COLUMNS = {
  status: ["status"],
  offences: ["offences"],
  party_roles: ["parties"],
  has_informants: ["informants"],
} as const;

export function caseConditions(filter: CaseFilter, config: LiaisonConfig): FilterCondition[] {
  const conditions: FilterCondition[] = [];
  if (filter.status) conditions.push({ column: "status", op: "eq", value: filter.status });
  if (filter.offence) conditions.push({ column: "offences", op: "has", value: check.code(filter.offence, "filter.offence", config.codes.offence) });
  if (filter.partyRole === CasePartyRole.INFORMANT) conditions.push({ column: "has_informants", op: "eq", value: true });
  else if (filter.partyRole) conditions.push({ column: "party_roles", op: "has", value: filter.partyRole });
  return conditions;
}
