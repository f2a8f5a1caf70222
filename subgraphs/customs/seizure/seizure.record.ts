import { Agency } from "../../../schema/enums.js";
import { IDENTIFIER_KINDS } from "../../../schema/identifiers/index.js";
import { createRecordKit } from "../../../platform/records/index.js";
import { identifierEntities } from "../entities.js";
import { SeizureEntity } from "./seizure.entity.js";
import { SEIZURE_FILTER_COLUMNS, SeizureFilter, seizureConditions } from "./seizure.filter.js";
import { RecordSeizureInput } from "./seizure.input.js";
import { prepareSeizure } from "./seizure.rules.js";
import { Seizure } from "./seizure.type.js";
import { toSeizureView } from "./seizure.view.js";

/** Customs seizures on the record kit. */
export const seizures = createRecordKit({
  typeName: "Seizure",
  agency: Agency.CUSTOMS,
  entity: SeizureEntity,
  type: Seizure,
  table: "seizure",
  view: toSeizureView,
  dateField: "date",
  columns: SEIZURE_FILTER_COLUMNS,
  entities: identifierEntities,
  byId: { query: "seizure", description: "One seizure by id", noun: "a seizure" },
  list: { query: "seizures", description: "Seizures, newest first, filtered and paginated", filter: SeizureFilter, conditions: seizureConditions },
  mentions: { field: "seizures", kinds: IDENTIFIER_KINDS, description: "Customs seizures that mention this identifier (at most 100, newest first)" },
  creates: [{ mutation: "recordSeizure", input: RecordSeizureInput, description: "Records a seizure; idempotent on the customs reference", prepare: prepareSeizure }],
});
