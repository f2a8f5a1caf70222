export { AgencyRecordEntity } from "./record.entity.js";
export { IdentifierMention } from "./mention.entity.js";
export { IdentifierRefType, type IdentifierRef } from "./identifier-ref.js";
export { AgencyRecordInput, AgencyRecordType, validateEnvelope, type ValidatedEnvelope } from "./envelope.js";
export {
  CompanyInput,
  countryCode,
  optionalCountryCode,
  IdentifiersInput,
  TravelDocumentInput,
  VehicleInput,
  normaliseCompanyRef,
  normaliseContainerRef,
  normaliseEmailRef,
  normaliseIbanRef,
  normaliseIdentifiers,
  normaliseOne,
  normalisePhoneRef,
  normalisePostalItemRef,
  uniqueRefs,
} from "./identifiers-input.js";
export { PageInfo, type ConnectionResult } from "./connection.js";
export { LoaderCache } from "./loader-cache.js";
export * as check from "./validate.js";
export { RecordFilter } from "./filter.js";
export { ENVELOPE_COLUMNS, envelopeIndexes, MENTION_TABLE } from "./migration-sql.js";
export { HIT_HANDLINGS, disclosableInHit } from "./hit.js";
export { envelopeView, type EnvelopeView } from "./envelope-view.js";
export {
  createRecordKit,
  defineRecordSubgraph,
  accessOf,
  authorOf,
  createRecord,
  updateVisibleRecord,
  recordNotFound,
  isUuid,
  MENTION_LIST_MAX,
  type Author,
  type CreateDeclaration,
  type FilterCondition,
  type PreparedRecord,
  type RecordDeclaration,
  type RecordKit,
  type RecordKitHandle,
} from "./kit/index.js";
