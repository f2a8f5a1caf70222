import { Ctx, Directive, Field, FieldResolver, ObjectType, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../../../platform/subgraph/index.js";
import { disclosableInHit } from "../../../platform/records/index.js";
import { identifierEntities } from "../entities.js";
import { loadSeizuresMentioning } from "./seizure.loaders.js";

/**
 * Hit/no-hit for postal operators: whether customs seized an item, never the seizure itself.
 * Not a record: no envelope.
 */
@ObjectType("CustomsHit", { description: "Whether customs holds a seizure of this item" })
export class CustomsHit {
  @Field(() => Boolean, { nullable: false }) hit!: boolean;
}

@Resolver(() => identifierEntities.PostalItem)
export class PostalItemCustomsHitResolver {
  // The postal record's origin comes along, so policies can limit the hit to the caller's own items.
  @Directive('@requires(fields: "originAgency")')
  @FieldResolver(() => CustomsHit, { nullable: true, description: "Whether customs seized this item (hit/no-hit)" })
  async customsHit(@Root() item: { itemId: string }, @Ctx() ctx: SubgraphContext): Promise<CustomsHit> {
    // The same batched loader as PostalItem.seizures: one query for every item of the request.
    // RED and AMBER+STRICT seizures never make a hit: their existence is not disclosed.
    return { hit: (await loadSeizuresMentioning(ctx, "POSTAL_ITEM", item.itemId)).some(disclosableInHit) };
  }
}
