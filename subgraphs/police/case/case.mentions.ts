import { IDENTIFIER_KINDS } from "../../../schema/identifiers/index.js";
import { createIdentifierFieldsResolver, createMentionFieldResolvers } from "../../../platform/records/index.js";
import { identifierEntities } from "../entities.js";
import { loadCasesMentioning } from "./case.loaders.js";
import { Case } from "./case.type.js";

/** `Case.phones`, `Case.vehicles`, ... : the identifiers a case mentions (parties and vehicles). */
export const caseIdentifierResolvers = createIdentifierFieldsResolver(Case, identifierEntities);

/** `Phone.cases`, `Vehicle.cases`, ... : police cases mentioning an identifier. */
export const caseMentionResolvers = createMentionFieldResolvers({
  entities: identifierEntities,
  field: "cases",
  recordType: Case,
  kinds: IDENTIFIER_KINDS,
  load: loadCasesMentioning,
  description: "Police cases that mention this identifier",
});
