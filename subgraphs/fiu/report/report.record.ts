import { Agency } from "../../../schema/enums.js";
import { IDENTIFIER_KINDS } from "../../../schema/identifiers/index.js";
import { createRecordKit } from "../../../platform/records/index.js";
import { identifierEntities } from "../entities.js";
import { FiuReportEntity } from "./report.entity.js";
import { FIU_REPORT_FILTER_COLUMNS, FiuReportFilter, fiuReportConditions } from "./report.filter.js";
import { FileFiuReportInput } from "./report.input.js";
import { prepareFiuReport } from "./report.rules.js";
import { FiuReport } from "./report.type.js";
import { toFiuReportView } from "./report.view.js";

/** FIU reports on the record kit. */
export const fiuReports = createRecordKit({
  typeName: "FiuReport",
  agency: Agency.FIU,
  entity: FiuReportEntity,
  type: FiuReport,
  table: "fiu_report",
  view: toFiuReportView,
  dateField: "submittedAt",
  columns: FIU_REPORT_FILTER_COLUMNS,
  entities: identifierEntities,
  byId: { query: "fiuReport", description: "One FIU report by id", noun: "an FIU report" },
  list: { query: "fiuReports", description: "FIU reports, newest submission first, filtered and paginated", filter: FiuReportFilter, conditions: fiuReportConditions },
  mentions: { field: "fiuReports", kinds: IDENTIFIER_KINDS, description: "FIU reports that mention this identifier (at most 100, newest first)" },
  creates: [{ mutation: "fileFiuReport", input: FileFiuReportInput, description: "Files a report with the FIU; idempotent on the FIU's reference", prepare: prepareFiuReport }],
});
