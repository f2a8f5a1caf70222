export { AgencyRecordEntity } from "./record.entity.js";
export { IdentifierMention } from "./mention.entity.js";
export { IdentifierRefType, type IdentifierRef } from "./identifier-ref.js";
export { AgencyRecordInput, AgencyRecordType, contentHash, validateEnvelope, type ValidatedEnvelope } from "./envelope.js";
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
export { createIdentifierFieldsResolver } from "./identifier-fields.js";
export { createConnectionType, PageInfo, paginate, type ConnectionResult, type PageArgs } from "./connection.js";
export { isUuid, recordsByIdLoader, recordsByIdentifierLoader, saveRecordOnce, updateRecordOnce, type NewRecord } from "./store.js";
export { LoaderCache } from "./loader-cache.js";
export * as check from "./validate.js";
export { createMentionFieldResolvers, type MentionFieldsOptions } from "./mention-fields.js";
export { RecordFilter, applyRecordFilter, filteredFields, recordFilterFields } from "./filter.js";
export { ENVELOPE_COLUMNS, envelopeIndexes, MENTION_TABLE } from "./migration-sql.js";
export { HIT_HANDLINGS, disclosableInHit } from "./hit.js";
export { envelopeView, type EnvelopeView } from "./envelope-view.js";
