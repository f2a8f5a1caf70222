export { CASE_FILE, parseCaseList, readCaseFiles, readPolicyCases, type PolicyCase, type RawCaseFile } from "./cases.js";
export { at, checkCase, type GraphQLAnswer } from "./check.js";
export { coverageOf, type Coverage } from "./coverage.js";
