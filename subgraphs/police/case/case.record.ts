import { Agency } from "../../../schema/enums.js";
import { IDENTIFIER_KINDS } from "../../../schema/identifiers/index.js";
import { createRecordKit } from "../../../platform/records/index.js";
import { identifierEntities } from "../entities.js";
import { CaseEntity } from "./case.entity.js";
import { CASE_FILTER_COLUMNS, CaseFilter, caseConditions } from "./case.filter.js";
import { OpenCaseInput } from "./case.input.js";
import { prepareCase } from "./case.rules.js";
import { Case } from "./case.type.js";
import { toCaseView } from "./case.view.js";

/** Police cases on the record kit. */
export const cases = createRecordKit({
  typeName: "Case",
  agency: Agency.POLICE,
  entity: CaseEntity,
  type: Case,
  // "case" is an SQL keyword.
  table: "police_case",
  view: toCaseView,
  dateField: "openedAt",
  columns: CASE_FILTER_COLUMNS,
  entities: identifierEntities,
  byId: { query: "case", description: "One case by id", noun: "a case" },
  list: { query: "cases", description: "Cases, most recently opened first, filtered and paginated", filter: CaseFilter, conditions: caseConditions },
  mentions: { field: "cases", kinds: IDENTIFIER_KINDS, description: "Police cases that mention this identifier (at most 100, newest first)" },
  creates: [{ mutation: "openCase", input: OpenCaseInput, description: "Opens a case; idempotent on the police reference", prepare: prepareCase }],
});
