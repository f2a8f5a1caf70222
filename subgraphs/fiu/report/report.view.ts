import { envelopeView, type IdentifierRef } from "../../../platform/records/index.js";
import type { FiuReportEntity } from "./report.entity.js";
import type { FiuReport } from "./report.type.js";

/** What resolvers return for a report: the GraphQL shape plus the identifiers behind the entity lists. */
export type FiuReportView = Omit<FiuReport, never> & { identifiers: IdentifierRef[] };

export function toFiuReportView(row: FiuReportEntity): FiuReportView {
  return {
    ...envelopeView(row),
    reportCode: row.reportCode,
    entityReference: row.entityReference,
    submittedAt: row.occurredAt,
    reportingEntity: row.details.reportingEntity,
    reason: row.reason,
    action: row.action,
    indicators: row.indicators,
    narrative: row.narrative,
    parties: row.details.parties as FiuReport["parties"],
    accounts: row.details.accounts,
    transactions: row.details.transactions,
  };
}
