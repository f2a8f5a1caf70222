import { Agency } from "../../schema/enums.js";
import { buildFederatedSchema } from "../../schema/federation.js";
import { IdentifierMention } from "../../platform/records/index.js";
import type { SubgraphContext, SubgraphDefinition } from "../../platform/subgraph/index.js";
import { CreateFiuReports1764115400000 } from "./migrations/1764115400000-create-fiu-reports.js";
import { FiuReportEntity } from "./report/report.entity.js";
import { fiuHitResolvers } from "./report/report.hit.js";
import { loadFiuReport } from "./report/report.loaders.js";
import { fiuReportIdentifierResolvers, fiuReportMentionResolvers } from "./report/report.mentions.js";
import { FiuReportResolver } from "./report/report.resolver.js";

export { fileFiuReport } from "./report/report.service.js";
export type { FileFiuReportInput } from "./report/report.input.js";

/** FIU: reports filed with the financial intelligence unit (goAML-like) and hit/no-hit answers, in the fiu database. */
export const fiu: SubgraphDefinition = {
  name: "fiu",
  agency: Agency.FIU,
  database: { entities: [FiuReportEntity, IdentifierMention], migrations: [CreateFiuReports1764115400000] },
  buildSchema: () =>
    buildFederatedSchema(
      { resolvers: [FiuReportResolver, ...fiuReportIdentifierResolvers, ...fiuReportMentionResolvers, ...fiuHitResolvers] },
      { FiuReport: { __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => loadFiuReport(ctx, ref.id) } },
    ),
};
