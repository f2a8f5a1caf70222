import { IDENTIFIER_KINDS } from "../../../schema/identifiers/index.js";
import { createIdentifierFieldsResolver, createMentionFieldResolvers } from "../../../platform/records/index.js";
import { identifierEntities } from "../entities.js";
import { loadFiuReportsMentioning } from "./report.loaders.js";
import { FiuReport } from "./report.type.js";

/** `FiuReport.phones`, `FiuReport.bankAccounts`, ... : the identifiers a report mentions. */
export const fiuReportIdentifierResolvers = createIdentifierFieldsResolver(FiuReport, identifierEntities);

/** `Phone.fiuReports`, `BankAccount.fiuReports`, ... : reports mentioning an identifier. */
export const fiuReportMentionResolvers = createMentionFieldResolvers({
  entities: identifierEntities,
  field: "fiuReports",
  recordType: FiuReport,
  kinds: IDENTIFIER_KINDS,
  load: loadFiuReportsMentioning,
  description: "FIU reports that mention this identifier",
});
