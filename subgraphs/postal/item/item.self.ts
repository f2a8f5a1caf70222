import { FieldResolver, Resolver, Root } from "type-graphql";
import { PostalItem } from "./item.type.js";
import type { PostalItemView } from "./item.view.js";

/** `PostalItem.postalItems`: a record lists the postal items it mentions, and a postal item mentions itself. */
@Resolver(() => PostalItem)
export class PostalItemSelfResolver {
  @FieldResolver(() => [PostalItem], { nullable: true, description: "The postal items this record mentions: the item itself" })
  postalItems(@Root() item: PostalItemView): PostalItemView[] {
    return [item];
  }
}
