export { applyBaselineAccess, isRecordType } from "./baseline.js";
