import { Agency } from "../../schema/enums.js";
import { defineRecordSubgraph } from "../../platform/records/index.js";
import { caseUpdateResolver } from "./case/case.parties.js";
import { cases } from "./case/case.record.js";
import { CreateCases1764115300000 } from "./migrations/1764115300000-create-cases.js";
import { SplitInformantRole1764300100000 } from "./migrations/1764300100000-split-informant-role.js";

export { cases } from "./case/case.record.js";
export { prepareCase } from "./case/case.rules.js";
export type { CasePartyInput, OpenCaseInput } from "./case/case.input.js";

/** Police: cases (LEXS/NIEM-like digests), in the police database. */
export const police = defineRecordSubgraph({
  name: "police",
  agency: Agency.POLICE,
  record: cases,
  migrations: [CreateCases1764115300000, SplitInformantRole1764300100000],
  extra: () => [caseUpdateResolver(cases)],
});
