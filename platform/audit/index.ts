export { appendChained, verifyChain, rowHash, AUDIT_TABLES, GENESIS, type AuditRow, type AuditTable, type ChainBreak, type ChainReport } from "./chain.js";
export { CreateAccessAudit1764200000000, CreateRequestAudit1764200100000 } from "./migrations.js";
export { accessAuditPlugin } from "./access-audit-plugin.js";
