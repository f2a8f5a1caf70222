export { enforcePolicies, type AccessAware } from "./enforce.js";
export { AccessContext, envelopeOf, type ServedEntity } from "./access-context.js";
export { visibilitySql, type VisibilityPredicate } from "./visibility-sql.js";
export { SchemaKinds, isRecordType, keyFieldsOf, ENVELOPE_FIELDS } from "./schema-kinds.js";
export { Reachability } from "./reachability.js";
