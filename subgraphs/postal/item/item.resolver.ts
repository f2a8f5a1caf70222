import { Arg, Ctx, Int, Mutation, Query, Resolver } from "type-graphql";
import { createConnectionType, filteredFields, paginate, recordFilterFields } from "../../../platform/records/index.js";
import { databaseOf, type SubgraphContext } from "../../../platform/subgraph/index.js";
import { PostalItemEntity } from "./item.entity.js";
import { applyPostalItemFilter, PostalItemFilter } from "./item.filter.js";
import { RegisterPostalItemInput } from "./item.input.js";
import { registerPostalItem } from "./item.service.js";
import { PostalItem } from "./item.type.js";
import { toPostalItemView } from "./item.view.js";

export const PostalItemConnection = createConnectionType("PostalItem", PostalItem);

/** Lists and registration; a single item is the shared entity, looked up through `postalItem(itemId:)` (links). */

/** The record field each filter key selects on (a filter may only select on what the caller may see). */
const FILTER_FIELDS = { ...recordFilterFields("postedAt"), category: "category", destinationCountry: "destinationCountry", originCountry: "originCountry", senderCountry: "sender" };
@Resolver(() => PostalItem)
export class PostalItemResolver {
  @Query(() => PostalItemConnection, { nullable: true, description: "Postal items, newest posting first, filtered and paginated" })
  async postalItems(
    @Ctx() ctx: SubgraphContext,
    @Arg("filter", () => PostalItemFilter, { nullable: true }) filter?: PostalItemFilter | null,
    @Arg("first", () => Int, { nullable: true }) first?: number | null,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
  ) {
    const query = applyPostalItemFilter(databaseOf(ctx).getRepository(PostalItemEntity).createQueryBuilder("p"), filter);
    return paginate(query, { first, after }, ctx, "PostalItem", toPostalItemView, filteredFields(filter, FILTER_FIELDS));
  }

  @Mutation(() => PostalItem, { nullable: true, description: "Registers a postal item (CN23); idempotent on the postal reference" })
  async registerPostalItem(@Arg("input", () => RegisterPostalItemInput) input: RegisterPostalItemInput, @Ctx() ctx: SubgraphContext) {
    const { record } = await registerPostalItem(databaseOf(ctx), input, ctx.config);
    return toPostalItemView(record);
  }
}
