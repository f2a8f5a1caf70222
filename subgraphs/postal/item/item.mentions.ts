import { FieldResolver, Resolver, Root } from "type-graphql";
import { IDENTIFIER_KINDS } from "../../../schema/identifiers/index.js";
import { createIdentifierFieldsResolver, createMentionFieldResolvers } from "../../../platform/records/index.js";
import { identifierEntities } from "../entities.js";
import { loadPostalItemsMentioning } from "./item.loaders.js";
import { PostalItem } from "./item.type.js";
import type { PostalItemView } from "./item.view.js";

/** `PostalItem.postalItems`: a record lists the postal items it mentions, and a postal item mentions itself. */
@Resolver(() => PostalItem)
class PostalItemSelfResolver {
  @FieldResolver(() => [PostalItem], { nullable: true, description: "The postal items this record mentions: the item itself" })
  postalItems(@Root() item: PostalItemView): PostalItemView[] {
    return [item];
  }
}

/** `PostalItem.phones`, `PostalItem.emails`, ... (and `postalItems` from this subgraph's own rows). */
export const postalItemIdentifierResolvers = [
  ...createIdentifierFieldsResolver(PostalItem, identifierEntities, { withPostalItems: false }),
  PostalItemSelfResolver,
];

/** `Phone.postalItems`, `Email.postalItems`, ... : postal items mentioning an identifier (not on PostalItem itself). */
export const postalItemMentionResolvers = createMentionFieldResolvers({
  entities: identifierEntities,
  field: "postalItems",
  recordType: PostalItem,
  kinds: IDENTIFIER_KINDS.filter((kind) => kind !== "POSTAL_ITEM"),
  load: loadPostalItemsMentioning,
  description: "Postal items that mention this identifier",
});
