import type { RecordSeizureInput } from "../subgraphs/customs/index.js";
import type { FileFiuReportInput } from "../subgraphs/fiu/index.js";
import type { OpenCaseInput } from "../subgraphs/police/index.js";
import type { RegisterPostalItemInput } from "../subgraphs/postal/index.js";

/** Inputs for the four write services: what the seeder sends, agency by agency. */
export interface RecordSet {
  readonly seizures: readonly RecordSeizureInput[];
  readonly cases: readonly OpenCaseInput[];
  readonly fiuReports: readonly FileFiuReportInput[];
  readonly postalItems: readonly RegisterPostalItemInput[];
}

export const emptyRecordSet = (): RecordSet => ({ seizures: [], cases: [], fiuReports: [], postalItems: [] });

/** Concatenates record sets, keeping the order (networks first, then background). */
export function mergeRecordSets(...sets: readonly RecordSet[]): RecordSet {
  return {
    seizures: sets.flatMap((s) => s.seizures),
    cases: sets.flatMap((s) => s.cases),
    fiuReports: sets.flatMap((s) => s.fiuReports),
    postalItems: sets.flatMap((s) => s.postalItems),
  };
}
