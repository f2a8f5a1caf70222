export { appendChained, appendChainedIn, verifyChain, rowHash, AUDIT_TABLES, GENESIS, type AuditRow, type AuditTable, type ChainBreak, type ChainReport } from "./chain.js";
export { loadChainKey } from "./key.js";
export {
  appendAnchors, readChainHead, startAnchoring, tableAnchorSource, verifyAnchors,
  type AnchorReport, type AnchorResult, type AnchorSource, type Anchoring, type AnchoringOptions, type ChainHead,
} from "./anchor.js";
export { CreateAccessAudit1764200000000, CreateRequestAudit1764200100000 } from "./migrations.js";
export { CreateAdminAudit1764500000100 } from "./admin-audit.migration.js";
export { AGENCY_AUDIT_MIGRATIONS, HUB_AUDIT_MIGRATIONS } from "./migration-sets.js";
export { accessAuditPlugin, incrementalRefusal } from "./access-audit-plugin.js";
export {
  ACCESS_LOG_LIMIT_MAX, AuditRequestError, DISCLOSURE_RECORDS_MAX, disclosures, parseAccessLogQuery, parseDisclosureQuery, queryAccessLog,
  type AccessLogQuery, type AccessLogRow, type AuditedRecords, type DisclosedRecord, type DisclosureQuery, type DisclosureTotals,
} from "./access-query.js";
export { anchorBreaks, readAnchors, storedHashes, type Anchor } from "./anchor-check.js";
export { auditOwnerRefusal, auditReaderRefusal, auditVerifierRefusal, isHubAuditReader, RULE_AUDIT_HUB, RULE_AUDIT_OWN_AGENCY, RULE_AUDIT_READERS, type AuditRefusal } from "./audit-readers.js";
