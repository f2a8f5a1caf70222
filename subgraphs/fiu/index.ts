import { Agency } from "../../schema/enums.js";
import { defineRecordSubgraph } from "../../platform/records/index.js";
import { CreateFiuReports1764115400000 } from "./migrations/1764115400000-create-fiu-reports.js";
import { fiuHitResolvers } from "./report/report.hit.js";
import { fiuReports } from "./report/report.record.js";

export { fiuReports } from "./report/report.record.js";
export { prepareFiuReport } from "./report/report.rules.js";
export type { FileFiuReportInput } from "./report/report.input.js";

/** FIU: reports filed with the financial intelligence unit (goAML-like) and hit/no-hit answers, in the fiu database. */
export const fiu = defineRecordSubgraph({
  name: "fiu",
  agency: Agency.FIU,
  record: fiuReports,
  migrations: [CreateFiuReports1764115400000],
  extra: fiuHitResolvers,
});
