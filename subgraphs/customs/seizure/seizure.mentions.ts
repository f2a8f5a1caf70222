import { IDENTIFIER_KINDS } from "../../../schema/identifiers/index.js";
import { createIdentifierFieldsResolver, createMentionFieldResolvers } from "../../../platform/records/index.js";
import { identifierEntities } from "../entities.js";
import { loadSeizuresMentioning } from "./seizure.loaders.js";
import { Seizure } from "./seizure.type.js";

/** `Seizure.phones`, `Seizure.containers`, ... : the identifiers a seizure mentions. */
export const seizureIdentifierResolvers = createIdentifierFieldsResolver(Seizure, identifierEntities);

/** `Phone.seizures`, `Container.seizures`, `PostalItem.seizures`, ... : seizures mentioning an identifier. */
export const seizureMentionResolvers = createMentionFieldResolvers({
  entities: identifierEntities,
  field: "seizures",
  recordType: Seizure,
  kinds: IDENTIFIER_KINDS,
  load: loadSeizuresMentioning,
  description: "Customs seizures that mention this identifier",
});
