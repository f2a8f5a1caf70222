import { Ctx, Directive, Field, FieldResolver, ObjectType, Resolver, Root, type ClassType } from "type-graphql";
import type { SubgraphContext } from "../../../platform/subgraph/index.js";
import type { RecordKitHandle } from "../../../platform/records/index.js";
import { identifierEntities } from "../entities.js";

/**
 * Hit/no-hit for postal operators: whether customs seized an item, never the seizure itself.
 * Not a record: no envelope.
 */
@ObjectType("CustomsHit", { description: "Whether customs holds a seizure of this item" })
export class CustomsHit {
  @Field(() => Boolean, { nullable: false }) hit!: boolean;
}

export function PostalItemCustomsHitResolver(kit: RecordKitHandle): ClassType {
  @Resolver(() => identifierEntities.PostalItem)
  class CustomsHitResolver {
    // The postal record's envelope comes along (origin and handling), so policies can limit the hit
    // to the caller's own items and the item's TLP rules hold here too (without it they deny).
    @Directive('@requires(fields: "originAgency handling")')
    @FieldResolver(() => CustomsHit, { nullable: true, description: "Whether customs seized this item (hit/no-hit)" })
    async customsHit(@Root() item: { itemId: string }, @Ctx() ctx: SubgraphContext): Promise<CustomsHit> {
      // One existence query for every item of the request; RED and AMBER+STRICT seizures never make a hit.
      return { hit: await kit.hit(ctx, "POSTAL_ITEM", item.itemId) };
    }
  }
  return CustomsHitResolver;
}
