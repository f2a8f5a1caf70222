import { Agency } from "../../schema/enums.js";
import { buildFederatedSchema } from "../../schema/federation.js";
import { IdentifierMention } from "../../platform/records/index.js";
import type { SubgraphContext, SubgraphDefinition } from "../../platform/subgraph/index.js";
import { CreateSeizures1764115200000 } from "./migrations/1764115200000-create-seizures.js";
import { SeizureEntity } from "./seizure/seizure.entity.js";
import { loadSeizure } from "./seizure/seizure.loaders.js";
import { seizureIdentifierResolvers, seizureMentionResolvers } from "./seizure/seizure.mentions.js";
import { SeizureResolver } from "./seizure/seizure.resolver.js";
import { PostalItemCustomsHitResolver } from "./seizure/seizure.hit.js";
import { SeizedObjectsResolver } from "./seizure/seizure.seized.js";

export { recordSeizure } from "./seizure/seizure.service.js";
export type { RecordSeizureInput } from "./seizure/seizure.input.js";

/** Customs: seizures (WCO CEN-like), in the customs database. */
export const customs: SubgraphDefinition = {
  name: "customs",
  agency: Agency.CUSTOMS,
  database: { entities: [SeizureEntity, IdentifierMention], migrations: [CreateSeizures1764115200000] },
  buildSchema: () =>
    buildFederatedSchema(
      { resolvers: [SeizureResolver, PostalItemCustomsHitResolver, SeizedObjectsResolver, ...seizureIdentifierResolvers, ...seizureMentionResolvers] },
      { Seizure: { __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => loadSeizure(ctx, ref.id) } },
    ),
};
