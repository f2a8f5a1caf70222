import { Field, InputType } from "type-graphql";
import type { SelectQueryBuilder } from "typeorm";
import { applyRecordFilter, check, RecordFilter } from "../../../platform/records/index.js";
import type { CaseEntity } from "./case.entity.js";
import { CasePartyRole, CaseStatus } from "./case.enums.js";

@InputType("CaseFilter")
export class CaseFilter extends RecordFilter {
  @Field(() => CaseStatus, { nullable: true }) status?: CaseStatus | null;
  @Field(() => String, { nullable: true, description: "A code from the configured offence list" }) offence?: string | null;
  @Field(() => CasePartyRole, { nullable: true, description: "Cases with at least one party in this role" }) partyRole?: CasePartyRole | null;
}

export function applyCaseFilter(query: SelectQueryBuilder<CaseEntity>, filter: CaseFilter | null | undefined, offenceCodes: readonly string[]) {
  applyRecordFilter(query, filter);
  if (!filter) return query;
  const a = query.alias;
  if (filter.status) query.andWhere(`${a}.status = :status`, { status: filter.status });
  if (filter.offence) query.andWhere(`${a}.offences @> ARRAY[:offence]::text[]`, { offence: check.code(filter.offence, "filter.offence", offenceCodes) });
  if (filter.partyRole) query.andWhere(`${a}.party_roles @> ARRAY[:partyRole]::text[]`, { partyRole: filter.partyRole });
  return query;
}
