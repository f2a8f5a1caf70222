export { caseFilesYaml, parseProposedCases, withProposed, type CaseFiles } from "./case-files.js";
export { activeCaseFiles, importPolicyCasesIfEmpty, writeCaseFiles } from "./case-store.js";
export { CASES_FAILING, CASES_NOT_RUN, refuseFailingCases } from "./gate.js";
export { caseHashOf, type CaseOrigin, type CaseReport, type CaseResult } from "./report.js";
export { APPROVAL_CASE_WAIT_MS, caseRunInput, reportHolds, runCases, storeReport } from "./runs.js";
export { caseSandboxOf, openCaseSandbox, type CaseOutcome, type CaseSandbox } from "./sandbox.js";
export { PolicyCaseReport, toCaseReport } from "./case.type.js";
