import { Agency } from "../../schema/enums.js";
import { buildFederatedSchema } from "../../schema/federation.js";
import { IdentifierMention } from "../../platform/records/index.js";
import type { SubgraphContext, SubgraphDefinition } from "../../platform/subgraph/index.js";
import { PostalItemEntity } from "./item/item.entity.js";
import { loadPostalItem } from "./item/item.loaders.js";
import { postalItemIdentifierResolvers, postalItemMentionResolvers } from "./item/item.mentions.js";
import { PostalItemResolver } from "./item/item.resolver.js";
import { CreatePostalItems1764115500000 } from "./migrations/1764115500000-create-postal-items.js";

export { registerPostalItem } from "./item/item.service.js";
export type { RegisterPostalItemInput } from "./item/item.input.js";

/** Postal: items with their CN23 declaration (UPU electronic advance data), in the postal database. */
export const postal: SubgraphDefinition = {
  name: "postal",
  agency: Agency.POSTAL,
  database: { entities: [PostalItemEntity, IdentifierMention], migrations: [CreatePostalItems1764115500000] },
  buildSchema: () =>
    buildFederatedSchema(
      { resolvers: [PostalItemResolver, ...postalItemIdentifierResolvers, ...postalItemMentionResolvers] },
      { PostalItem: { __resolveReference: (ref: { itemId: string }, ctx: SubgraphContext) => loadPostalItem(ctx, ref.itemId) } },
    ),
};
