export type { Decision, Effect, MaskStrategy, PolicyRule, PolicySet, RecordCondition, RecordEnvelope, SubjectCondition } from "./model.js";
export { DEFAULT_DENY, EFFECTS, MASK_STRATEGIES } from "./model.js";
export { CallerPolicy, CompiledPolicy, INHERITED, isVisible, justificationNames, recordMatches, subjectKeyOf, type FieldKind, type Visibility } from "./decide.js";
export { applyMask } from "./masks.js";
export { buildPolicySet, DEFAULT_POLICY_DIR, loadPolicySet, policyVersion, readPolicyDocuments } from "./load.js";
export { PolicyError, supergraphSchema, validateDocuments, type RawDocument } from "./validate.js";
