import { Agency } from "../../schema/enums.js";
import { buildFederatedSchema } from "../../schema/federation.js";
import { IdentifierMention } from "../../platform/records/index.js";
import type { SubgraphContext, SubgraphDefinition } from "../../platform/subgraph/index.js";
import { CaseEntity } from "./case/case.entity.js";
import { loadCase } from "./case/case.loaders.js";
import { caseIdentifierResolvers, caseMentionResolvers } from "./case/case.mentions.js";
import { CaseResolver } from "./case/case.resolver.js";
import { CreateCases1764115300000 } from "./migrations/1764115300000-create-cases.js";

export { addCaseParties, openCase } from "./case/case.service.js";
export type { CasePartyInput, OpenCaseInput } from "./case/case.input.js";

/** Police: cases (LEXS/NIEM-like digests), in the police database. */
export const police: SubgraphDefinition = {
  name: "police",
  agency: Agency.POLICE,
  database: { entities: [CaseEntity, IdentifierMention], migrations: [CreateCases1764115300000] },
  buildSchema: () =>
    buildFederatedSchema(
      { resolvers: [CaseResolver, ...caseIdentifierResolvers, ...caseMentionResolvers] },
      { Case: { __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => loadCase(ctx, ref.id) } },
    ),
};
