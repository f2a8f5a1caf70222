export { EXIT, oneLine, print, Refusal, runCli, type ExitCode } from "./exit.js";
export { connect, CONNECTION_OPTIONS, CONNECTION_USAGE, HubError, hubUrl, resolveToken, type ConnectionValues, type HubClient } from "./hub-client.js";
export { documentId, exportDocuments, parsedDocuments, readLocalDocuments, readProposal, type ActiveDocument, type Documents } from "./policy-files.js";
export { canonical, diffDocuments, diffLines, type DocumentDiff } from "./policy-diff.js";
export { changeReportLines } from "./change-report.js";
export { ACCESS_LOG_ENTRY_FIELDS, CHAIN_REPORT_FIELDS, chainLines, entryLine, type AccessLogEntry, type ChainVerification } from "./audit-format.js";
export { parseCommandLine } from "./command-line.js";
